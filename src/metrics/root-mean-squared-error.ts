import { checkRegression } from './regression-inputs.js';

/**
 * √(weighted mean of (y − ŷ)²), in the units of y.
 *
 * @example
 * rootMeanSquaredError(yTrue, model.predict(X));
 */
export function rootMeanSquaredError(
  yTrue: Float64Array,
  yPred: Float64Array,
  sampleWeight?: Float64Array,
): number {
  const weights = checkRegression('rmse', yTrue, yPred, sampleWeight);
  let sum = 0;
  let total = 0;
  for (let i = 0; i < yTrue.length; i++) {
    const error = yTrue[i] - yPred[i];
    sum += error * error * weights[i];
    total += weights[i];
  }
  return Math.sqrt(sum / total);
}
