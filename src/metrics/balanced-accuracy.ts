import { confusionMatrix } from './confusion-matrix.js';

/**
 * Mean per-class recall (scikit-learn's `balanced_accuracy_score`, not adjusted). Classes that
 * only appear among the predictions have no recall and are left out of the mean.
 *
 * @example
 * balancedAccuracyScore(yTrue, yPred); // 1 / K × Σ_k recall_k
 */
export function balancedAccuracyScore(
  yTrue: Float64Array,
  yPred: Float64Array,
  sampleWeight?: Float64Array,
): number {
  const { counts } = confusionMatrix(yTrue, yPred, { sampleWeight });
  const k = counts.rows;
  let sum = 0;
  let present = 0;
  for (let c = 0; c < k; c++) {
    let support = 0;
    for (let j = 0; j < k; j++) support += counts.data[c * k + j];
    if (support === 0) continue;
    sum += counts.data[c * k + c] / support;
    present++;
  }
  return sum / present;
}
