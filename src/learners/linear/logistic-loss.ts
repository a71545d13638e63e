import type { Matrix } from '../../data/matrix.js';
import type { SmoothObjective } from '../optim/objective.js';

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
 * One fused pass per row computes the margin(s), the loss and the gradient contribution while
 * the row is in cache; no allocation happens per evaluation.
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
  if (classCount === 2) {
    return X.kind === 'dense'
      ? (x, g) => binaryDense(problem, X.data, x, g)
      : (x, g) => binaryCsr(problem, X.indptr, X.indices, X.data, x, g);
  }
  const logits = new Float64Array(classCount);
  return X.kind === 'dense'
    ? (x, g) => multinomialDense(problem, X.data, x, g, logits)
    : (x, g) => multinomialCsr(problem, X.indptr, X.indices, X.data, x, g, logits);
}

/** Adds ½·l2·‖coef‖² and its gradient; `coefCount` leading entries are coefficients. */
function addPenalty(l2: number, coefCount: number, x: Float64Array, g: Float64Array): number {
  if (l2 === 0) return 0;
  let squares = 0;
  for (let j = 0; j < coefCount; j++) {
    squares += x[j] * x[j];
    g[j] += l2 * x[j];
  }
  return 0.5 * l2 * squares;
}

/**
 * Σⱼ a[aStart + j]·b[bStart + j] over `length` terms with four independent accumulators: a single
 * running sum is a chain of dependent adds bounded by FP-add latency, four chains are not.
 */
function dot4(
  a: Float64Array,
  aStart: number,
  b: Float64Array,
  bStart: number,
  length: number,
): number {
  let s0 = 0;
  let s1 = 0;
  let s2 = 0;
  let s3 = 0;
  let j = 0;
  for (; j + 3 < length; j += 4) {
    s0 += a[aStart + j] * b[bStart + j];
    s1 += a[aStart + j + 1] * b[bStart + j + 1];
    s2 += a[aStart + j + 2] * b[bStart + j + 2];
    s3 += a[aStart + j + 3] * b[bStart + j + 3];
  }
  for (; j < length; j++) s0 += a[aStart + j] * b[bStart + j];
  return s0 + s1 + (s2 + s3);
}

/** log(1 + eˢ) − y·z and the residual σ(z) − y from a single exp(−|z|). */
function binaryTerm(z: number, y: number, out: Float64Array): void {
  const e = Math.exp(-Math.abs(z));
  out[0] = (z > 0 ? z : 0) + Math.log1p(e) - y * z;
  out[1] = (z >= 0 ? 1 / (1 + e) : e / (1 + e)) - y;
}
const term = new Float64Array(2);

function binaryDense(
  problem: LogisticProblem,
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
  for (let i = 0, base = 0; i < X.rows; i++, base += p) {
    const w = weight[i];
    if (w === 0) continue;
    const z = bias + dot4(data, base, x, 0, p);
    binaryTerm(z, target[i], term);
    loss += w * term[0];
    const r = w * term[1];
    gBias += r;
    for (let j = 0; j < p; j++) g[j] += r * data[base + j];
  }
  if (fitIntercept) g[p] = gBias;
  return loss + addPenalty(problem.l2, p, x, g);
}

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
    binaryTerm(z, target[i], term);
    loss += w * term[0];
    const r = w * term[1];
    gBias += r;
    for (let k = start; k < end; k++) g[indices[k]] += r * data[k];
  }
  if (fitIntercept) g[p] = gBias;
  return loss + addPenalty(problem.l2, p, x, g);
}

/**
 * Turns logits into weighted residuals wᵢ·(softmax − onehot) in place and returns
 * wᵢ·(logsumexp − z_yᵢ), shifting by the max logit so exp never overflows.
 */
function softmaxResidual(z: Float64Array, K: number, label: number, w: number): number {
  const labelLogit = z[label];
  let max = z[0];
  for (let k = 1; k < K; k++) if (z[k] > max) max = z[k];
  let sum = 0;
  for (let k = 0; k < K; k++) {
    const e = Math.exp(z[k] - max);
    sum += e;
    z[k] = e;
  }
  const loss = w * (max + Math.log(sum) - labelLogit);
  const scale = w / sum;
  for (let k = 0; k < K; k++) z[k] *= scale;
  z[label] -= w;
  return loss;
}

function multinomialDense(
  problem: LogisticProblem,
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
  for (let i = 0, base = 0; i < X.rows; i++, base += p) {
    const w = weight[i];
    if (w === 0) continue;
    for (let k = 0, o = 0; k < K; k++, o += p)
      z[k] = (fitIntercept ? x[biasAt + k] : 0) + dot4(data, base, x, o, p);
    loss += softmaxResidual(z, K, target[i], w);
    for (let k = 0, o = 0; k < K; k++, o += p) {
      const r = z[k];
      for (let j = 0; j < p; j++) g[o + j] += r * data[base + j];
    }
    if (fitIntercept) for (let k = 0; k < K; k++) g[biasAt + k] += z[k];
  }
  return loss + addPenalty(problem.l2, biasAt, x, g);
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
    loss += softmaxResidual(z, K, target[i], w);
    for (let k = 0, o = 0; k < K; k++, o += p) {
      const r = z[k];
      for (let t = start; t < end; t++) g[o + indices[t]] += r * data[t];
    }
    if (fitIntercept) for (let k = 0; k < K; k++) g[biasAt + k] += z[k];
  }
  return loss + addPenalty(problem.l2, biasAt, x, g);
}
