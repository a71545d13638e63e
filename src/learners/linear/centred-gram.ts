import type { Matrix } from '../../data/matrix.js';

/** The centred, weighted normal equations of a regression: (XcᵀWXc)·coef = XcᵀW(y − ȳ). */
export interface CentredGram {
  /** p × p, row-major, symmetric (both triangles filled). */
  readonly gram: Float64Array;
  readonly rhs: Float64Array;
  /** Weighted column means (zeros without an intercept). */
  readonly xOffset: Float64Array;
  readonly yOffset: number;
  readonly cols: number;
}

/**
 * Accumulates the centred Gram matrix row by row, so neither a column-major copy nor a dense
 * copy of CSR input is ever made (memory p², not n·p). Dense rows are centred as they are read;
 * CSR rows use Σw·xxᵀ − W·x̄x̄ᵀ, which keeps sparsity — for one-hot and standardised columns the
 * means are small, so the subtraction loses no meaningful precision.
 */
export function centredGram(
  X: Matrix,
  y: Float64Array,
  weight: Float64Array,
  fitIntercept: boolean,
): CentredGram {
  const n = X.rows;
  const p = X.cols;
  let total = 0;
  let yOffset = 0;
  const xOffset = new Float64Array(p);
  for (let i = 0; i < n; i++) total += weight[i];
  if (fitIntercept) {
    for (let i = 0; i < n; i++) yOffset += weight[i] * y[i];
    yOffset /= total;
    columnMeans(X, weight, total, xOffset);
  }
  const gram = new Float64Array(p * p);
  const rhs = new Float64Array(p);
  if (X.kind === 'dense') {
    const centred = new Float64Array(p);
    for (let i = 0; i < n; i++) {
      const w = weight[i];
      if (w === 0) continue;
      const base = i * p;
      for (let j = 0; j < p; j++) centred[j] = X.data[base + j] - xOffset[j];
      const r = w * (y[i] - yOffset);
      for (let a = 0; a < p; a++) {
        const wa = w * centred[a];
        rhs[a] += r * centred[a];
        const row = a * p;
        for (let b = 0; b <= a; b++) gram[row + b] += wa * centred[b];
      }
    }
  } else {
    const { indptr, indices, data } = X;
    for (let i = 0; i < n; i++) {
      const w = weight[i];
      if (w === 0) continue;
      const r = w * (y[i] - yOffset);
      for (let k = indptr[i]; k < indptr[i + 1]; k++) {
        const a = indices[k];
        const wa = w * data[k];
        rhs[a] += r * data[k];
        const row = a * p;
        // Column indices increase within a CSR row, so b ≤ a lands in the lower triangle.
        for (let m = indptr[i]; m <= k; m++) gram[row + indices[m]] += wa * data[m];
      }
    }
    if (fitIntercept) {
      for (let a = 0; a < p; a++) {
        for (let b = 0; b <= a; b++) gram[a * p + b] -= total * xOffset[a] * xOffset[b];
      }
    }
  }
  for (let a = 0; a < p; a++) for (let b = 0; b < a; b++) gram[b * p + a] = gram[a * p + b];
  return { gram, rhs, xOffset, yOffset, cols: p };
}

function columnMeans(X: Matrix, weight: Float64Array, total: number, out: Float64Array): void {
  const p = X.cols;
  if (X.kind === 'dense') {
    for (let i = 0; i < X.rows; i++) {
      const w = weight[i];
      const base = i * p;
      for (let j = 0; j < p; j++) out[j] += w * X.data[base + j];
    }
  } else {
    for (let i = 0; i < X.rows; i++) {
      for (let k = X.indptr[i]; k < X.indptr[i + 1]; k++)
        out[X.indices[k]] += weight[i] * X.data[k];
    }
  }
  for (let j = 0; j < p; j++) out[j] /= total;
}
