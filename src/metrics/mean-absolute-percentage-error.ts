import { checkRegression } from './regression-inputs.js';

/** Denominator floor for |y| near 0 (float64 machine epsilon, as scikit-learn uses). */
const EPSILON = 2.220446049250313e-16;

/**
 * Weighted mean of |y − ŷ| / max(|y|, ε), as a fraction (0.1 means 10 %), like scikit-learn's
 * `mean_absolute_percentage_error`. Targets at 0 give huge values rather than infinity.
 *
 * @example
 * meanAbsolutePercentageError(yTrue, model.predict(X));
 */
export function meanAbsolutePercentageError(
  yTrue: Float64Array,
  yPred: Float64Array,
  sampleWeight?: Float64Array,
): number {
  const weights = checkRegression('mape', yTrue, yPred, sampleWeight);
  let sum = 0;
  let total = 0;
  for (let i = 0; i < yTrue.length; i++) {
    sum += (Math.abs(yPred[i] - yTrue[i]) / Math.max(Math.abs(yTrue[i]), EPSILON)) * weights[i];
    total += weights[i];
  }
  return sum / total;
}
