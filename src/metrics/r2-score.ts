import { checkRegression } from './regression-inputs.js';

/**
 * Coefficient of determination, 1 − Σw(y − ŷ)² / Σw(y − ȳ)², as scikit-learn's `r2_score`
 * (`force_finite`): a constant y scores 1 if predicted exactly, else 0, never −∞ or NaN.
 *
 * @example
 * r2Score(yTrue, model.predict(X)); // 1 is perfect, 0 is no better than the mean
 */
export function r2Score(
  yTrue: Float64Array,
  yPred: Float64Array,
  sampleWeight?: Float64Array,
): number {
  const weights = checkRegression('r2', yTrue, yPred, sampleWeight);
  let weightedSum = 0;
  let total = 0;
  for (let i = 0; i < yTrue.length; i++) {
    weightedSum += yTrue[i] * weights[i];
    total += weights[i];
  }
  const mean = weightedSum / total;
  let residual = 0;
  let spread = 0;
  for (let i = 0; i < yTrue.length; i++) {
    const error = yTrue[i] - yPred[i];
    const deviation = yTrue[i] - mean;
    residual += weights[i] * error * error;
    spread += weights[i] * deviation * deviation;
  }
  if (residual === 0) return 1;
  if (spread === 0) return 0;
  return 1 - residual / spread;
}
