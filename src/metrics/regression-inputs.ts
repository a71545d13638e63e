import { checkFinite, checkRows } from './check-inputs.js';

/** Checks a regression metric's inputs; returns the weights (all ones when none were given). */
export function checkRegression(
  metric: string,
  yTrue: Float64Array,
  yPred: Float64Array,
  sampleWeight: Float64Array | undefined,
): Float64Array {
  const weights = checkRows(metric, yTrue, yPred.length, sampleWeight);
  checkFinite(metric, 'y_pred', yPred);
  return weights;
}
