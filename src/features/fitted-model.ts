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

/**
 * The label of the most probable class of each row (first on ties, as the learners' `predict`
 * decides), so a caller that needs probabilities does not run the model twice for labels.
 */
export function labelsFromProba(classes: readonly string[], proba: DenseMatrix): string[] {
  const k = classes.length;
  const labels = new Array<string>(proba.rows);
  for (let i = 0, at = 0; i < proba.rows; i++, at += k) {
    let best = 0;
    for (let c = 1; c < k; c++) if (proba.data[at + c] > proba.data[at + best]) best = c;
    labels[i] = classes[best];
  }
  return labels;
}
