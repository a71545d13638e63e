import { checkFinite, checkRows } from './check-inputs.js';

/**
 * Share of rows (by weight) whose predicted label equals the true one.
 *
 * @example
 * accuracyScore(Float64Array.of(0, 1, 1), Float64Array.of(0, 1, 0)); // 2/3
 */
export function accuracyScore(
  yTrue: Float64Array,
  yPred: Float64Array,
  sampleWeight?: Float64Array,
): number {
  const weights = checkRows('accuracy', yTrue, yPred.length, sampleWeight);
  checkFinite('accuracy', 'y_pred', yPred);
  let correct = 0;
  let total = 0;
  for (let i = 0; i < yTrue.length; i++) {
    if (yTrue[i] === yPred[i]) correct += weights[i];
    total += weights[i];
  }
  return correct / total;
}
