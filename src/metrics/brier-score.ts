import { DataValidationError } from '../errors.js';
import { binaryTarget, checkRows } from './check-inputs.js';
import type { MetricOptions, Predictions } from './metric.js';

/**
 * Mean squared difference between the positive-class probability and the 0/1 outcome
 * (scikit-learn's `brier_score_loss`, binary only).
 *
 * @example
 * brierScore(yTrue, model.predictProba(X), { classes: model.classes }); // 0 is perfect
 */
export function brierScore(
  yTrue: Float64Array,
  probabilities: Predictions,
  options: MetricOptions = {},
): number {
  const rows = probabilities instanceof Float64Array ? probabilities.length : probabilities.rows;
  const weights = checkRows('brier_score', yTrue, rows, options.sampleWeight);
  const { isPositive, scores } = binaryTarget('brier_score', yTrue, probabilities, options);
  let sum = 0;
  let total = 0;
  for (let i = 0; i < scores.length; i++) {
    if (!(scores[i] >= 0 && scores[i] <= 1)) {
      throw new DataValidationError(
        {},
        `brier_score: row ${i} has probability ${scores[i]}, outside [0, 1].`,
      );
    }
    const error = isPositive[i] - scores[i];
    sum += error * error * weights[i];
    total += weights[i];
  }
  return sum / total;
}
