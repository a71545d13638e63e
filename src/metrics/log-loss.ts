import type { DenseMatrix } from '../data/matrix.js';
import { DataValidationError } from '../errors.js';
import { checkRows, indexOf, matrixClasses } from './check-inputs.js';
import type { MetricOptions } from './metric.js';

/** Probabilities are clipped to [ε, 1 − ε] before the log, scikit-learn's long-standing ε. */
export const LOG_LOSS_EPSILON = 1e-15;

/**
 * Mean negative log-likelihood of the true class (cross-entropy), as scikit-learn's `log_loss`
 * with `eps=1e-15`: each probability is clipped to [ε, 1 − ε], then each row is renormalised to
 * sum to 1, so a confident wrong answer costs about 34.5 rather than infinity.
 *
 * @example
 * logLoss(yTrue, model.predictProba(X), { classes: model.classes });
 */
export function logLoss(yTrue: Float64Array, P: DenseMatrix, options: MetricOptions = {}): number {
  const weights = checkRows('log_loss', yTrue, P.rows, options.sampleWeight);
  const classes = matrixClasses('log_loss', P, options);
  if (classes.length < 2) {
    throw new DataValidationError({}, 'log_loss: needs at least two classes.');
  }
  const column = indexOf(classes);
  const k = P.cols;
  let sum = 0;
  let total = 0;
  for (let i = 0; i < P.rows; i++) {
    const truth = column.get(yTrue[i]);
    if (truth === undefined) {
      throw new DataValidationError(
        {},
        `log_loss: row ${i} has label ${yTrue[i]}, which is not among the classes ${classes.join(', ')}.`,
      );
    }
    let rowSum = 0;
    for (let c = 0; c < k; c++)
      rowSum += Math.min(Math.max(P.data[i * k + c], LOG_LOSS_EPSILON), 1 - LOG_LOSS_EPSILON);
    const p =
      Math.min(Math.max(P.data[i * k + truth], LOG_LOSS_EPSILON), 1 - LOG_LOSS_EPSILON) / rowSum;
    sum -= Math.log(p) * weights[i];
    total += weights[i];
  }
  return sum / total;
}
