import type { DenseMatrix, Matrix } from '../../data/matrix.js';
import { denseMatrix } from '../../data/matrix.js';

/**
 * Linear scores X·coefᵀ + intercept for `coef` of shape outputs × X.cols (row-major): one column
 * per output. Dense and CSR inputs sum in the same column order, starting from the intercept, so
 * both give bit-identical scores (a stored zero only ever adds ±0).
 */
export function linearScores(X: Matrix, coef: Float64Array, intercept: Float64Array): DenseMatrix {
  const outputs = intercept.length;
  const p = X.cols;
  const out = new Float64Array(X.rows * outputs);
  if (X.kind === 'dense') {
    const { data } = X;
    for (let i = 0, base = 0; i < X.rows; i++, base += p) {
      for (let k = 0; k < outputs; k++) {
        let s = intercept[k];
        const o = k * p;
        for (let j = 0; j < p; j++) {
          const v = data[base + j];
          if (v !== 0) s += v * coef[o + j];
        }
        out[i * outputs + k] = s;
      }
    }
  } else {
    const { indptr, indices, data } = X;
    for (let i = 0; i < X.rows; i++) {
      for (let k = 0; k < outputs; k++) {
        let s = intercept[k];
        const o = k * p;
        for (let t = indptr[i]; t < indptr[i + 1]; t++) {
          const v = data[t];
          if (v !== 0) s += v * coef[o + indices[t]];
        }
        out[i * outputs + k] = s;
      }
    }
  }
  return denseMatrix(X.rows, outputs, out);
}
