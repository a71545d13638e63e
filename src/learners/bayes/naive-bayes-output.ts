import type { DenseMatrix } from '../../data/matrix.js';
import { denseMatrix } from '../../data/matrix.js';

/**
 * Class probabilities from joint log-likelihoods (rows × classes): exp(jll − logsumexp(jll)),
 * with the log-sum-exp shifted by the row maximum exactly as SciPy's `logsumexp` does, so
 * results match scikit-learn's `predict_proba` to the last bits.
 */
export function probabilitiesFromLogLikelihood(
  jll: Float64Array,
  rows: number,
  classes: number,
): DenseMatrix {
  const out = new Float64Array(rows * classes);
  for (let i = 0; i < rows; i++) {
    const base = i * classes;
    let max = -Infinity;
    for (let k = 0; k < classes; k++) if (jll[base + k] > max) max = jll[base + k];
    if (!Number.isFinite(max)) max = 0;
    let sum = 0;
    for (let k = 0; k < classes; k++) sum += Math.exp(jll[base + k] - max);
    const logNormalizer = Math.log(sum) + max;
    for (let k = 0; k < classes; k++) out[base + k] = Math.exp(jll[base + k] - logNormalizer);
  }
  return denseMatrix(rows, classes, out);
}

/** The class label of the largest joint log-likelihood per row (first one on ties, like numpy). */
export function labelsFromLogLikelihood(
  jll: Float64Array,
  rows: number,
  classes: Float64Array,
): Float64Array {
  const k = classes.length;
  const out = new Float64Array(rows);
  for (let i = 0; i < rows; i++) {
    let best = 0;
    for (let c = 1; c < k; c++) if (jll[i * k + c] > jll[i * k + best]) best = c;
    out[i] = classes[best];
  }
  return out;
}

/** Sorted distinct labels of y and, per row, the index of its label among them. */
export function encodeLabels(y: Float64Array): { classes: Float64Array; codes: Int32Array } {
  const classes = Float64Array.from(new Set(y)).sort();
  const position = new Map(Array.from(classes, (label, k) => [label, k]));
  const codes = Int32Array.from(y, (label) => position.get(label) as number);
  return { classes, codes };
}
