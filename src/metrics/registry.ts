import type { DenseMatrix } from '../data/matrix.js';
import { DataValidationError, InvalidParameterError } from '../errors.js';
import { accuracyScore } from './accuracy.js';
import { averagePrecisionScore } from './average-precision.js';
import { balancedAccuracyScore } from './balanced-accuracy.js';
import { brierScore } from './brier-score.js';
import { asVector } from './check-inputs.js';
import { logLoss } from './log-loss.js';
import { meanAbsoluteError } from './mean-absolute-error.js';
import { meanAbsolutePercentageError } from './mean-absolute-percentage-error.js';
import type { Metric, MetricOptions, Predictions } from './metric.js';
import type { Averaging } from './precision-recall-f1.js';
import { precisionRecallF1 } from './precision-recall-f1.js';
import { r2Score } from './r2-score.js';
import { rocAucScore } from './roc-auc.js';
import { rootMeanSquaredError } from './root-mean-squared-error.js';

function asMatrix(metric: string, predicted: Predictions): DenseMatrix {
  if (!(predicted instanceof Float64Array)) return predicted;
  throw new DataValidationError(
    {},
    `${metric}: expects a rows × classes probability matrix (predictProba's output), got a vector.`,
  );
}

function labelMetric(
  name: string,
  description: string,
  score: (yTrue: Float64Array, yPred: Float64Array, options: MetricOptions) => number,
): Metric {
  return Object.freeze({
    name,
    direction: 'maximize',
    task: 'classification',
    input: 'labels',
    description,
    compute: (yTrue: Float64Array, predicted: Predictions, options: MetricOptions = {}) =>
      score(yTrue, asVector(name, predicted), options),
  });
}

function precisionRecallMetrics(average: Averaging): Metric[] {
  const suffix = average === 'binary' ? '' : `_${average}`;
  const how = average === 'binary' ? 'of the positive class' : `${average}-averaged over classes`;
  const make = (what: 'precision' | 'recall' | 'f1', text: string): Metric =>
    labelMetric(
      `${what}${suffix}`,
      `${text} ${how}`,
      (yTrue, yPred, options) => precisionRecallF1(yTrue, yPred, { ...options, average })[what],
    );
  return [make('precision', 'Precision'), make('recall', 'Recall'), make('f1', 'F1 score')];
}

function valueMetric(
  name: string,
  direction: Metric['direction'],
  description: string,
  score: (yTrue: Float64Array, yPred: Float64Array, sampleWeight?: Float64Array) => number,
): Metric {
  return Object.freeze({
    name,
    direction,
    task: 'regression',
    input: 'values',
    description,
    compute: (yTrue: Float64Array, predicted: Predictions, options: MetricOptions = {}) =>
      score(yTrue, asVector(name, predicted), options.sampleWeight),
  });
}

function probabilityMetric(
  name: string,
  direction: Metric['direction'],
  description: string,
  score: (yTrue: Float64Array, predicted: Predictions, options: MetricOptions) => number,
): Metric {
  return Object.freeze({
    name,
    direction,
    task: 'classification',
    input: 'probabilities',
    description,
    compute: (yTrue: Float64Array, predicted: Predictions, options: MetricOptions = {}) =>
      score(yTrue, predicted, options),
  });
}

const METRICS: ReadonlyMap<string, Metric> = new Map(
  [
    labelMetric('accuracy', 'Share of rows predicted correctly', (t, p, o) =>
      accuracyScore(t, p, o.sampleWeight),
    ),
    labelMetric('balanced_accuracy', 'Mean recall over classes', (t, p, o) =>
      balancedAccuracyScore(t, p, o.sampleWeight),
    ),
    ...(['binary', 'macro', 'micro', 'weighted'] as const).flatMap(precisionRecallMetrics),
    probabilityMetric(
      'roc_auc',
      'maximize',
      'Area under the ROC curve (multiclass: one-vs-rest, macro mean)',
      (t, p, o) => rocAucScore(t, p, { ...o, average: 'macro' }),
    ),
    probabilityMetric(
      'roc_auc_weighted',
      'maximize',
      'Area under the ROC curve (multiclass: one-vs-rest, mean weighted by class size)',
      (t, p, o) => rocAucScore(t, p, { ...o, average: 'weighted' }),
    ),
    probabilityMetric(
      'average_precision',
      'maximize',
      'Area under the precision-recall curve (binary)',
      averagePrecisionScore,
    ),
    probabilityMetric(
      'log_loss',
      'minimize',
      'Mean negative log-likelihood of the true class',
      (t, p, o) => logLoss(t, asMatrix('log_loss', p), o),
    ),
    probabilityMetric(
      'brier_score',
      'minimize',
      'Mean squared error of the positive-class probability (binary)',
      brierScore,
    ),
    valueMetric('rmse', 'minimize', 'Root mean squared error', rootMeanSquaredError),
    valueMetric('mae', 'minimize', 'Mean absolute error', meanAbsoluteError),
    valueMetric('r2', 'maximize', 'Coefficient of determination', r2Score),
    valueMetric(
      'mape',
      'minimize',
      'Mean absolute percentage error (as a fraction)',
      meanAbsolutePercentageError,
    ),
  ].map((metric) => [metric.name, metric]),
);

/** Names accepted by {@link getMetric}, in a stable order (classification first). */
export function metricNames(): string[] {
  return [...METRICS.keys()];
}

/**
 * The metric registered under `name`.
 *
 * @example
 * const metric = getMetric('rmse'); // { direction: 'minimize', task: 'regression', input: 'values', ... }
 * metric.compute(yTrue, model.predict(X));
 */
export function getMetric(name: string): Metric {
  const metric = METRICS.get(name);
  if (metric === undefined) {
    throw new InvalidParameterError(
      'getMetric',
      'name',
      `is "${name}", which is not a known metric; known metrics are: ${metricNames().join(', ')}`,
    );
  }
  return metric;
}
