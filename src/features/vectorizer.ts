import type { Frame } from '../data/frame.js';
import type { Matrix } from '../data/matrix.js';
import type { SerializedObject } from '../data/serializable.js';

/**
 * Turns columns of a {@link Frame} into a numeric block of a {@link Matrix} (dense or CSR): the
 * last step of a column group before learners see the data. Like a {@link Transformer}, it learns
 * in `fit` (training rows only) and applies that state unchanged in `transform`.
 */
export interface Vectorizer {
  /** Stable name used in serialized models, e.g. `OneHotEncoder`. */
  readonly type: string;
  readonly isFitted: boolean;
  fit(frame: Frame): this;
  /** One row per frame row; `featureNames.length` columns. */
  transform(frame: Frame): Matrix;
  /** Names of the output columns, in order; throws NotFittedError before fit. */
  readonly featureNames: readonly string[];
  toJSON(): SerializedObject;
}
