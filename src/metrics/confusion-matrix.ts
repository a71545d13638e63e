import type { DenseMatrix } from '../data/matrix.js';
import { denseMatrix } from '../data/matrix.js';
import { checkFinite, checkRows, indexOf, sortedDistinct } from './check-inputs.js';

export interface ConfusionMatrix {
  /** Row and column labels, sorted ascending. */
  readonly labels: Float64Array;
  /** `counts[i][j]`: total weight of rows whose true label is labels[i] and predicted label labels[j]. */
  readonly counts: DenseMatrix;
}

/**
 * Confusion matrix as scikit-learn's `confusion_matrix`: labels default to the sorted union of
 * true and predicted labels; rows whose labels are not among the given `labels` are skipped.
 *
 * @example
 * const { labels, counts } = confusionMatrix(yTrue, yPred);
 * counts.data[0 * counts.cols + 1]; // class labels[0] predicted as labels[1]
 */
export function confusionMatrix(
  yTrue: Float64Array,
  yPred: Float64Array,
  options: { readonly labels?: Float64Array; readonly sampleWeight?: Float64Array } = {},
): ConfusionMatrix {
  const weights = checkRows('confusionMatrix', yTrue, yPred.length, options.sampleWeight);
  checkFinite('confusionMatrix', 'y_pred', yPred);
  const labels = options.labels ?? sortedDistinct(yTrue, yPred);
  const position = indexOf(labels);
  const k = labels.length;
  const counts = new Float64Array(k * k);
  for (let i = 0; i < yTrue.length; i++) {
    const row = position.get(yTrue[i]);
    const column = position.get(yPred[i]);
    if (row !== undefined && column !== undefined) counts[row * k + column] += weights[i];
  }
  return { labels, counts: denseMatrix(k, k, counts) };
}
