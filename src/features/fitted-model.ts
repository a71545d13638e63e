import type { Frame } from '../data/frame.js';
import type { DenseMatrix } from '../data/matrix.js';
import type { SerializedObject } from '../data/serializable.js';
import type { Task } from '../learners/estimator.js';
import type { InputSignature } from './signature.js';

/**
 * What a saved, loaded, served or scored model offers: a fitted {@link Pipeline}, or an
 * ensemble of them. Frames in, labels / values / probabilities out.
 */
export interface FittedModel {
  readonly type: string;
  readonly task: Task;
  readonly target: string;
  /** Class labels in `predictProba` column order; an error for regressors. */
  readonly classes: readonly string[];
  readonly signature: InputSignature;
  predict(frame: Frame): string[] | Float64Array;
  predictProba(frame: Frame): { classes: string[]; proba: DenseMatrix };
  toJSON(): SerializedObject;
}
