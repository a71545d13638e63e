import type { DenseMatrix } from '../data/matrix.js';

/** Whether larger values of a metric are better (`maximize`) or worse (`minimize`). */
export type MetricDirection = 'maximize' | 'minimize';

/**
 * What a metric compares the truth with: predicted class `labels`, a class-`probabilities`
 * matrix (rows × classes, column k for `classes[k]`), or predicted regression `values`.
 */
export type MetricInput = 'labels' | 'probabilities' | 'values';

/** Predictions as a metric receives them: one number per row, or rows × classes probabilities. */
export type Predictions = Float64Array | DenseMatrix;

export interface MetricOptions {
  /** Non-negative weight per row; all ones when absent. */
  readonly sampleWeight?: Float64Array;
  /** Labels of the columns of a probability matrix, sorted ascending; 0..K-1 when absent. */
  readonly classes?: Float64Array;
  /**
   * The positive class of binary metrics (precision, recall, F1 with `binary` averaging, binary
   * ROC AUC, average precision, Brier score). Defaults to 1 when the labels are among -1, 0 and 1
   * (scikit-learn's default), else to the largest label.
   */
  readonly positiveLabel?: number;
}

/**
 * A named evaluation measure with everything a tuner or a report needs to use it blindly:
 * whether higher is better, which task it applies to and what kind of predictions it reads.
 *
 * @example
 * const metric = getMetric('roc_auc');
 * const score = metric.compute(yTrue, model.predictProba(X), { classes: model.classes });
 * const better = metric.direction === 'maximize' ? score > best : score < best;
 */
export interface Metric {
  readonly name: string;
  readonly direction: MetricDirection;
  readonly task: 'classification' | 'regression';
  readonly input: MetricInput;
  /** One-line description for listings and reports. */
  readonly description: string;
  compute(yTrue: Float64Array, predicted: Predictions, options?: MetricOptions): number;
}
