import { checkRegression } from './regression-inputs.js';

/**
 * Weighted mean of |y − ŷ|, in the units of y.
 *
 * @example
 * meanAbsoluteError(yTrue, model.predict(X));
 */
export function meanAbsoluteError(
  yTrue: Float64Array,
  yPred: Float64Array,
  sampleWeight?: Float64Array,
): number {
  const weights = checkRegression('mae', yTrue, yPred, sampleWeight);
  let sum = 0;
  let total = 0;
  for (let i = 0; i < yTrue.length; i++) {
    sum += Math.abs(yPred[i] - yTrue[i]) * weights[i];
    total += weights[i];
  }
  return sum / total;
}
