import type { CsrMatrix } from '../../data/matrix.js';
import type { HessianFunction } from '../optim/newton-cholesky.js';
import { chunkRows, denseScores } from './logistic-dense-blocks.js';
import type { LogisticProblem } from './logistic-loss.js';
import { expNonPositive } from './logistic-terms.js';

/**
 * The exact Hessian of the binary logistic objective of logistic-loss.ts (same scale, same
 * layout [w₀ … w_{p−1}, b]):
 *   H = Xᵀ·diag(wᵢ·σᵢ·(1 − σᵢ))·X + l2·I   (no ridge on the intercept)
 * with X augmented by a column of ones when an intercept is fitted. Only the lower triangle is
 * written (Cholesky reads nothing else), which halves the n·m² pass. Dense X goes by cache-sized
 * chunks of rows: blocked scores, then each row's curvature, then the outer products 4 rows at a
 * time so every H load and store carries four multiply-adds. CSR X adds per-row outer products of
 * the non-zeros. Buffers are allocated once per fit.
 */
export function binaryLogisticHessian(problem: LogisticProblem): HessianFunction {
  const { X, fitIntercept } = problem;
  const m = X.cols + (fitIntercept ? 1 : 0);
  if (X.kind === 'dense') {
    const data = X.data;
    const chunk = chunkRows(X.cols);
    const curvature = new Float64Array(chunk);
    const bias = new Float64Array(1);
    return (x, H) => {
      H.fill(0);
      bias[0] = fitIntercept ? x[X.cols] : 0;
      for (let start = 0; start < X.rows; start += chunk) {
        const end = Math.min(X.rows, start + chunk);
        denseScores(data, X.cols, start, end, x, bias, 1, curvature);
        toCurvature(curvature, problem.weight, start, end);
        addDenseOuterProducts(data, X.cols, start, end, curvature, H, m, fitIntercept);
      }
      addRidge(H, m, X.cols, problem.l2);
    };
  }
  return (x, H) => {
    H.fill(0);
    addCsrOuterProducts(X, problem.weight, x, H, m, fitIntercept);
    addRidge(H, m, X.cols, problem.l2);
  };
}

/** Replaces each row's margin z by wᵢ·σ(z)·(1 − σ(z)) = wᵢ·e/(1 + e)² with e = exp(−|z|). */
function toCurvature(buffer: Float64Array, weight: Float64Array, start: number, end: number): void {
  for (let i = start, t = 0; i < end; i++, t++) {
    const e = expNonPositive(-Math.abs(buffer[t]));
    const s = 1 + e;
    buffer[t] = (weight[i] * e) / (s * s);
  }
}

function addRidge(H: Float64Array, m: number, coefCount: number, l2: number): void {
  for (let j = 0; j < coefCount; j++) H[j * m + j] += l2;
}

/** H(a, b) += Σᵢ cᵢ·X(i, a)·X(i, b) for b ≤ a, plus the intercept row when `intercept`. */
function addDenseOuterProducts(
  data: Float64Array,
  p: number,
  start: number,
  end: number,
  c: Float64Array,
  H: Float64Array,
  m: number,
  intercept: boolean,
): void {
  const blockEnd = start + ((end - start) & ~3);
  const biasRow = p * m;
  let i = start;
  for (; i < blockEnd; i += 4) {
    const r0 = i * p;
    const r1 = r0 + p;
    const r2 = r1 + p;
    const r3 = r2 + p;
    const t = i - start;
    const c0 = c[t];
    const c1 = c[t + 1];
    const c2 = c[t + 2];
    const c3 = c[t + 3];
    // Two rows of H at a time: each X load feeds four multiply-adds, eight in flight.
    let a = 0;
    for (; a + 1 < p; a += 2) {
      const u0 = c0 * data[r0 + a];
      const u1 = c1 * data[r1 + a];
      const u2 = c2 * data[r2 + a];
      const u3 = c3 * data[r3 + a];
      const v0 = c0 * data[r0 + a + 1];
      const v1 = c1 * data[r1 + a + 1];
      const v2 = c2 * data[r2 + a + 1];
      const v3 = c3 * data[r3 + a + 1];
      const rowA = a * m;
      const rowB = rowA + m;
      for (let b = 0; b <= a; b++) {
        const x0 = data[r0 + b];
        const x1 = data[r1 + b];
        const x2 = data[r2 + b];
        const x3 = data[r3 + b];
        H[rowA + b] += u0 * x0 + u1 * x1 + (u2 * x2 + u3 * x3);
        H[rowB + b] += v0 * x0 + v1 * x1 + (v2 * x2 + v3 * x3);
      }
      H[rowB + a + 1] +=
        v0 * data[r0 + a + 1] +
        v1 * data[r1 + a + 1] +
        (v2 * data[r2 + a + 1] + v3 * data[r3 + a + 1]);
      if (intercept) {
        H[biasRow + a] += u0 + u1 + (u2 + u3);
        H[biasRow + a + 1] += v0 + v1 + (v2 + v3);
      }
    }
    if (a < p) {
      const u0 = c0 * data[r0 + a];
      const u1 = c1 * data[r1 + a];
      const u2 = c2 * data[r2 + a];
      const u3 = c3 * data[r3 + a];
      const row = a * m;
      for (let b = 0; b <= a; b++)
        H[row + b] +=
          u0 * data[r0 + b] + u1 * data[r1 + b] + (u2 * data[r2 + b] + u3 * data[r3 + b]);
      if (intercept) H[biasRow + a] += u0 + u1 + (u2 + u3);
    }
    if (intercept) H[biasRow + p] += c0 + c1 + (c2 + c3);
  }
  for (; i < end; i++) {
    const r0 = i * p;
    const c0 = c[i - start];
    for (let a = 0; a < p; a++) {
      const u0 = c0 * data[r0 + a];
      const row = a * m;
      for (let b = 0; b <= a; b++) H[row + b] += u0 * data[r0 + b];
      if (intercept) H[biasRow + a] += u0;
    }
    if (intercept) H[biasRow + p] += c0;
  }
}

function addCsrOuterProducts(
  X: CsrMatrix,
  weight: Float64Array,
  x: Float64Array,
  H: Float64Array,
  m: number,
  intercept: boolean,
): void {
  const { indptr, indices, data } = X;
  const p = X.cols;
  const biasRow = p * m;
  const bias = intercept ? x[p] : 0;
  for (let i = 0; i < X.rows; i++) {
    const w = weight[i];
    if (w === 0) continue;
    const rowStart = indptr[i];
    const rowEnd = indptr[i + 1];
    let z = bias;
    for (let k = rowStart; k < rowEnd; k++) z += data[k] * x[indices[k]];
    const e = expNonPositive(-Math.abs(z));
    const c = (w * e) / ((1 + e) * (1 + e));
    for (let k = rowStart; k < rowEnd; k++) {
      const a = indices[k];
      const u = c * data[k];
      // Column indices within a row need not be sorted: address the lower triangle either way.
      for (let t = rowStart; t <= k; t++) {
        const b = indices[t];
        H[a >= b ? a * m + b : b * m + a] += u * data[t];
      }
      if (intercept) H[biasRow + a] += u;
    }
    if (intercept) H[biasRow + p] += c;
  }
}
