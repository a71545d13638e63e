import type { Matrix } from '../../data/matrix.js';
import type { SmoothObjective } from '../optim/objective.js';
import { denseLogisticObjective } from './logistic-dense.js';
import { addPenalty, binaryTermInPlace, softmaxResidual } from './logistic-terms.js';

/**
 * The smooth part of scikit-learn's logistic objective divided by C (the scale scipy's L-BFGS
 * sees in sklearn, so `tol` means the same thing):
 *   Σᵢ wᵢ·lossᵢ + ½·l2·Σ coef²        (intercepts never penalised)
 * with l2 = (1 − l1Ratio)/C for an L2 part, 0 without one.
 *
 * Parameter layout (no intercept slot when fitIntercept is false):
 *   binary:      [w₀ … w_{p−1}, b]
 *   multinomial: class-major [W(0,0) … W(0,p−1), W(1,0) …, b₀ … b_{K−1}], W(k,j) at k·p + j,
 *                so each margin is a contiguous dot product.
 * Dense X goes through the register-blocked chunked pass of logistic-dense.ts; CSR X through one
 * fused pass per row (margins, loss and gradient while the row is in cache). No allocation
 * happens per evaluation.
 */
export interface LogisticProblem {
  readonly X: Matrix;
  /** Binary: 0/1; multinomial: class index 0..K−1. */
  readonly target: Float64Array;
  readonly weight: Float64Array;
  readonly classCount: number;
  readonly fitIntercept: boolean;
  readonly l2: number;
}

export function logisticObjective(problem: LogisticProblem): SmoothObjective {
  const { X, classCount } = problem;
  if (X.kind === 'dense') return denseLogisticObjective(problem, X.data);
  if (classCount === 2) return (x, g) => binaryCsr(problem, X.indptr, X.indices, X.data, x, g);
  const logits = new Float64Array(classCount);
  return (x, g) => multinomialCsr(problem, X.indptr, X.indices, X.data, x, g, logits);
}

/** Holds one row's margin, then its residual. */
const term = new Float64Array(1);

function binaryCsr(
  problem: LogisticProblem,
  indptr: Int32Array,
  indices: Int32Array,
  data: Float64Array,
  x: Float64Array,
  g: Float64Array,
): number {
  const { X, target, weight, fitIntercept } = problem;
  const p = X.cols;
  const bias = fitIntercept ? x[p] : 0;
  g.fill(0);
  let loss = 0;
  let gBias = 0;
  for (let i = 0; i < X.rows; i++) {
    const w = weight[i];
    if (w === 0) continue;
    const start = indptr[i];
    const end = indptr[i + 1];
    let z = bias;
    for (let k = start; k < end; k++) z += data[k] * x[indices[k]];
    term[0] = z;
    loss += binaryTermInPlace(term, 0, target[i], w);
    const r = term[0];
    gBias += r;
    for (let k = start; k < end; k++) g[indices[k]] += r * data[k];
  }
  if (fitIntercept) g[p] = gBias;
  return loss + addPenalty(problem.l2, p, x, g);
}

function multinomialCsr(
  problem: LogisticProblem,
  indptr: Int32Array,
  indices: Int32Array,
  data: Float64Array,
  x: Float64Array,
  g: Float64Array,
  z: Float64Array,
): number {
  const { X, target, weight, fitIntercept, classCount: K } = problem;
  const p = X.cols;
  const biasAt = p * K;
  g.fill(0);
  let loss = 0;
  for (let i = 0; i < X.rows; i++) {
    const w = weight[i];
    if (w === 0) continue;
    const start = indptr[i];
    const end = indptr[i + 1];
    for (let k = 0, o = 0; k < K; k++, o += p) {
      let s = fitIntercept ? x[biasAt + k] : 0;
      for (let t = start; t < end; t++) s += data[t] * x[o + indices[t]];
      z[k] = s;
    }
    loss += softmaxResidual(z, 0, K, target[i], w);
    for (let k = 0, o = 0; k < K; k++, o += p) {
      const r = z[k];
      for (let t = start; t < end; t++) g[o + indices[t]] += r * data[t];
    }
    if (fitIntercept) for (let k = 0; k < K; k++) g[biasAt + k] += z[k];
  }
  return loss + addPenalty(problem.l2, biasAt, x, g);
}
