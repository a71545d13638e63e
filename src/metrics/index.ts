export { accuracyScore } from './accuracy.js';
export { averagePrecisionScore } from './average-precision.js';
export { balancedAccuracyScore } from './balanced-accuracy.js';
export { brierScore } from './brier-score.js';
export { confusionMatrix } from './confusion-matrix.js';
export type { ConfusionMatrix } from './confusion-matrix.js';
export { LOG_LOSS_EPSILON, logLoss } from './log-loss.js';
export { meanAbsoluteError } from './mean-absolute-error.js';
export { meanAbsolutePercentageError } from './mean-absolute-percentage-error.js';
export type { Metric, MetricDirection, MetricInput, MetricOptions, Predictions } from './metric.js';
export { f1Score, precisionRecallF1, precisionScore, recallScore } from './precision-recall-f1.js';
export type {
  Averaging,
  PrecisionRecallF1,
  PrecisionRecallOptions,
} from './precision-recall-f1.js';
export { r2Score } from './r2-score.js';
export { getMetric, metricNames } from './registry.js';
export { rocAucScore } from './roc-auc.js';
export type { RocAucOptions } from './roc-auc.js';
export { rootMeanSquaredError } from './root-mean-squared-error.js';
