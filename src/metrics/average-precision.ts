import { binaryCurve } from './binary-curve.js';
import { binaryTarget, checkRows } from './check-inputs.js';
import type { MetricOptions, Predictions } from './metric.js';

/**
 * Area under the precision-recall curve as a step function, Σ (Rₙ − Rₙ₋₁) Pₙ over decreasing
 * thresholds (scikit-learn's `average_precision_score`, binary): no interpolation, tied scores
 * enter as one threshold. 0 when y_true has no positive row, as scikit-learn returns.
 *
 * @example
 * averagePrecisionScore(yTrue, model.predictProba(X), { classes: model.classes });
 */
export function averagePrecisionScore(
  yTrue: Float64Array,
  scores: Predictions,
  options: MetricOptions = {},
): number {
  const rows = scores instanceof Float64Array ? scores.length : scores.rows;
  const weights = checkRows('average_precision', yTrue, rows, options.sampleWeight);
  const { isPositive, scores: positiveScores } = binaryTarget(
    'average_precision',
    yTrue,
    scores,
    options,
  );
  const { truePositives: tps, falsePositives: fps } = binaryCurve(
    isPositive,
    positiveScores,
    weights,
  );
  const n = tps.length;
  const totalPositive = tps[n - 1];
  let sum = 0;
  // Lowest threshold first, the order in which scikit-learn sums its reversed curve.
  for (let m = n - 1; m >= 0; m--) {
    const predicted = tps[m] + fps[m];
    const precision = predicted === 0 ? 0 : tps[m] / predicted;
    const recall = totalPositive === 0 ? 1 : tps[m] / totalPositive;
    const previousRecall = m === 0 ? 0 : totalPositive === 0 ? 1 : tps[m - 1] / totalPositive;
    sum += (recall - previousRecall) * precision;
  }
  return sum;
}
