import { InvalidParameterError } from '../../errors.js';
import type { ClassWeight } from '../linear/index.js';

/** Throws InvalidParameterError unless `classWeight` is null, 'balanced' or label → weight ≥ 0. */
export function checkClassWeight(owner: string, classWeight: unknown): void {
  if (classWeight === null || classWeight === 'balanced') return;
  const ok =
    typeof classWeight === 'object' &&
    !Array.isArray(classWeight) &&
    Object.values(classWeight as object).every(
      (w) => typeof w === 'number' && w >= 0 && Number.isFinite(w),
    );
  if (!ok) {
    throw new InvalidParameterError(
      owner,
      'classWeight',
      `must be null, 'balanced' or a record of label → finite weight ≥ 0, got ${JSON.stringify(classWeight)}`,
    );
  }
}

/**
 * Row weights × the weight of each row's class. `balanced` gives class k the weight
 * n / (K · n_k) from unweighted counts, as scikit-learn's compute_class_weight.
 */
export function applyClassWeight(
  owner: string,
  classWeight: ClassWeight,
  classes: Float64Array,
  codes: Int32Array,
  weights: Float64Array,
): Float64Array {
  if (classWeight === null) return weights;
  const perClass = new Float64Array(classes.length).fill(1);
  if (classWeight === 'balanced') {
    const counts = new Float64Array(classes.length);
    for (let i = 0; i < codes.length; i++) counts[codes[i]]++;
    for (let k = 0; k < classes.length; k++)
      perClass[k] = codes.length / (classes.length * counts[k]);
  } else {
    for (const [label, weight] of Object.entries(classWeight)) {
      const k = classes.indexOf(Number(label));
      if (k < 0) {
        throw new InvalidParameterError(
          owner,
          'classWeight',
          `names label ${label}, which is not among the training labels`,
        );
      }
      perClass[k] = weight;
    }
  }
  const out = new Float64Array(weights.length);
  for (let i = 0; i < out.length; i++) out[i] = weights[i] * perClass[codes[i]];
  return out;
}
