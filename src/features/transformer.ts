import type { Frame } from '../data/frame.js';
import type { SerializedObject } from '../data/serializable.js';

/**
 * A column-wise step: learns statistics in `fit` (on training rows only) and applies them
 * unchanged in `transform`, so training and serving see the same features.
 * `transform` before `fit` throws {@link NotFittedError}.
 */
export interface Transformer {
  /** Stable name used in serialized models, e.g. `SimpleImputer`. */
  readonly type: string;
  readonly isFitted: boolean;
  fit(frame: Frame): this;
  transform(frame: Frame): Frame;
  toJSON(): SerializedObject;
}
