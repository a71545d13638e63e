import type { DenseMatrix, Matrix } from '../data/matrix.js';
import type { SerializedObject } from '../data/serializable.js';

export type Task = 'classification' | 'regression';

export interface FitOptions {
  /** Non-negative weight per row; all ones when absent. */
  readonly sampleWeight?: Float64Array;
  /**
   * Column indices of X that hold category codes (0, 1, 2, …; NaN = missing) rather than
   * quantities. Learners with native categorical splits (trees) use them; others ignore them.
   * A Pipeline passes the columns its preprocessor ordinal-encoded.
   */
  readonly categoricalFeatures?: readonly number[];
}

/**
 * The contract every learner follows (scikit-learn's, in TypeScript):
 * - the constructor takes one readonly options object of hyper-parameters and nothing else;
 * - `fit` validates the options and the data, learns from scratch (a second fit forgets the
 *   first) and returns `this`;
 * - `predict` before `fit` throws {@link NotFittedError};
 * - `toJSON()` then the class's static `fromJSON()` gives identical predictions.
 *
 * Targets are numbers: class labels for classifiers (a Pipeline encodes string labels as
 * 0..K-1), real values for regressors.
 */
export interface Estimator<P extends object = object> {
  /** Stable name used in serialized models, e.g. `LogisticRegression`. */
  readonly type: string;
  readonly task: Task;
  readonly isFitted: boolean;
  fit(X: Matrix, y: Float64Array, options?: FitOptions): this;
  /** Predicted labels (classifiers) or values (regressors), one per row. */
  predict(X: Matrix): Float64Array;
  getParams(): Readonly<P>;
  toJSON(): SerializedObject;
}

export interface Classifier<P extends object = object> extends Estimator<P> {
  readonly task: 'classification';
  /** Distinct labels seen in `fit`, sorted ascending; column order of `predictProba`. */
  readonly classes: Float64Array;
  /** Class probabilities, rows × classes.length, each row summing to 1. */
  predictProba(X: Matrix): DenseMatrix;
}

export interface Regressor<P extends object = object> extends Estimator<P> {
  readonly task: 'regression';
}

export function isClassifier(estimator: Estimator): estimator is Classifier {
  return estimator.task === 'classification';
}
