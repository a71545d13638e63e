import { InvalidParameterError } from '../../errors.js';
import type { ClassWeight } from './logistic-options.js';

/**
 * Per-row weights = sample weight × class weight of the row's class (`classIndex` 0..K−1).
 * `balanced` uses unweighted class counts, n / (K · n_k), as scikit-learn's compute_class_weight.
 */
export function applyClassWeight(
  owner: string,
  classWeight: ClassWeight,
  classes: Float64Array,
  classIndex: Int32Array,
  sampleWeight: Float64Array,
): Float64Array {
  if (classWeight === null) return sampleWeight;
  const K = classes.length;
  const perClass = new Float64Array(K).fill(1);
  if (classWeight === 'balanced') {
    const counts = new Float64Array(K);
    for (let i = 0; i < classIndex.length; i++) counts[classIndex[i]]++;
    for (let k = 0; k < K; k++) perClass[k] = classIndex.length / (K * counts[k]);
  } else {
    for (const [label, weight] of Object.entries(classWeight)) {
      const k = classes.indexOf(Number(label));
      if (k < 0)
        throw new InvalidParameterError(
          owner,
          'classWeight',
          `names label ${label}, which is not among the training labels`,
        );
      perClass[k] = weight;
    }
  }
  const out = new Float64Array(sampleWeight.length);
  for (let i = 0; i < out.length; i++) out[i] = sampleWeight[i] * perClass[classIndex[i]];
  return out;
}

/** Sorted distinct labels and each row's index into them. */
export function encodeClasses(y: Float64Array): { classes: Float64Array; classIndex: Int32Array } {
  const classes = Float64Array.from(new Set(y)).sort();
  const lookup = new Map<number, number>();
  classes.forEach((label, k) => lookup.set(label, k));
  const classIndex = new Int32Array(y.length);
  for (let i = 0; i < y.length; i++) classIndex[i] = lookup.get(y[i]) as number;
  return { classes, classIndex };
}
