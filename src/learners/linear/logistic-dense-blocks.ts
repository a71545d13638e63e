/**
 * Register-blocked dense kernels for the logistic objectives, over a range of rows of a row-major
 * n × p matrix and class-major weights W (output k's coefficients at k·p … k·p + p − 1).
 *
 * Pairs of outputs go 4 rows × 2 outputs at a time: every value loaded from X or W feeds two or
 * four multiply-adds and eight independent accumulators hide the floating-point add latency, so
 * the loops are bound by arithmetic instead of loads and stores (about 3× faster than one row and
 * one output at a time in V8, which does not vectorise). A single output (binary problems, or an
 * odd last class) goes 4 rows at a time (8 rows measured no faster in place). Remainder rows
 * take the same arithmetic one row at a time.
 */

/**
 * out[(i − rowStart)·K + k] = bias[k] + Σⱼ X(i, j)·W(k, j) for rows rowStart ≤ i < rowEnd.
 * Every path sums the bias first and then j in increasing order, so a row's scores do not depend
 * on where the blocks fall.
 */
export function denseScores(
  data: Float64Array,
  p: number,
  rowStart: number,
  rowEnd: number,
  W: Float64Array,
  bias: Float64Array,
  K: number,
  out: Float64Array,
): void {
  const blockEnd = rowStart + ((rowEnd - rowStart) & ~3);
  const pairEnd = K & ~1;
  let i = rowStart;
  for (; i < blockEnd; i += 4) {
    const a = i * p;
    const b = a + p;
    const c = b + p;
    const d = c + p;
    const o = (i - rowStart) * K;
    for (let k = 0; k < pairEnd; k += 2) {
      const w0 = k * p;
      const w1 = w0 + p;
      const b0 = bias[k];
      const b1 = bias[k + 1];
      let s00 = b0;
      let s01 = b1;
      let s10 = b0;
      let s11 = b1;
      let s20 = b0;
      let s21 = b1;
      let s30 = b0;
      let s31 = b1;
      for (let j = 0; j < p; j++) {
        const v0 = W[w0 + j];
        const v1 = W[w1 + j];
        let u = data[a + j];
        s00 += u * v0;
        s01 += u * v1;
        u = data[b + j];
        s10 += u * v0;
        s11 += u * v1;
        u = data[c + j];
        s20 += u * v0;
        s21 += u * v1;
        u = data[d + j];
        s30 += u * v0;
        s31 += u * v1;
      }
      out[o + k] = s00;
      out[o + k + 1] = s01;
      out[o + K + k] = s10;
      out[o + K + k + 1] = s11;
      out[o + 2 * K + k] = s20;
      out[o + 2 * K + k + 1] = s21;
      out[o + 3 * K + k] = s30;
      out[o + 3 * K + k + 1] = s31;
    }
  }
  for (; i < rowEnd; i++) {
    const a = i * p;
    const o = (i - rowStart) * K;
    for (let k = 0, w0 = 0; k < pairEnd; k++, w0 += p) {
      let s = bias[k];
      for (let j = 0; j < p; j++) s += data[a + j] * W[w0 + j];
      out[o + k] = s;
    }
  }
  if (pairEnd < K) singleScores(data, p, rowStart, rowEnd, W, bias, K, K - 1, out);
}

/** `denseScores` for output k alone, 4 rows at a time. */
function singleScores(
  data: Float64Array,
  p: number,
  rowStart: number,
  rowEnd: number,
  W: Float64Array,
  bias: Float64Array,
  K: number,
  k: number,
  out: Float64Array,
): void {
  const blockEnd = rowStart + ((rowEnd - rowStart) & ~3);
  const w0 = k * p;
  let i = rowStart;
  for (; i < blockEnd; i += 4) {
    const a = i * p;
    const b = a + p;
    const c = b + p;
    const d = c + p;
    let s0 = bias[k];
    let s1 = s0;
    let s2 = s0;
    let s3 = s0;
    for (let j = 0; j < p; j++) {
      const v = W[w0 + j];
      s0 += data[a + j] * v;
      s1 += data[b + j] * v;
      s2 += data[c + j] * v;
      s3 += data[d + j] * v;
    }
    const o = (i - rowStart) * K + k;
    out[o] = s0;
    out[o + K] = s1;
    out[o + 2 * K] = s2;
    out[o + 3 * K] = s3;
  }
  for (; i < rowEnd; i++) {
    const a = i * p;
    let s = bias[k];
    for (let j = 0; j < p; j++) s += data[a + j] * W[w0 + j];
    out[(i - rowStart) * K + k] = s;
  }
}

/**
 * G(k, j) += Σᵢ R(i, k)·X(i, j) for rows rowStart ≤ i < rowEnd, with residuals R stored like
 * `denseScores`' output (row i − rowStart, K per row) and G class-major like W. With
 * `biasAt` ≥ 0 the intercept gradients G[biasAt + k] += Σᵢ R(i, k) are summed in the same pass,
 * from the residuals already in registers.
 */
export function addDenseGradient(
  data: Float64Array,
  p: number,
  rowStart: number,
  rowEnd: number,
  R: Float64Array,
  K: number,
  G: Float64Array,
  biasAt: number,
): void {
  const blockEnd = rowStart + ((rowEnd - rowStart) & ~3);
  const pairEnd = K & ~1;
  let i = rowStart;
  for (; i < blockEnd; i += 4) {
    const a = i * p;
    const b = a + p;
    const c = b + p;
    const d = c + p;
    const o = (i - rowStart) * K;
    for (let k = 0; k < pairEnd; k += 2) {
      const w0 = k * p;
      const w1 = w0 + p;
      const r00 = R[o + k];
      const r01 = R[o + k + 1];
      const r10 = R[o + K + k];
      const r11 = R[o + K + k + 1];
      const r20 = R[o + 2 * K + k];
      const r21 = R[o + 2 * K + k + 1];
      const r30 = R[o + 3 * K + k];
      const r31 = R[o + 3 * K + k + 1];
      for (let j = 0; j < p; j++) {
        const u0 = data[a + j];
        const u1 = data[b + j];
        const u2 = data[c + j];
        const u3 = data[d + j];
        G[w0 + j] += r00 * u0 + r10 * u1 + (r20 * u2 + r30 * u3);
        G[w1 + j] += r01 * u0 + r11 * u1 + (r21 * u2 + r31 * u3);
      }
      if (biasAt >= 0) {
        G[biasAt + k] += r00 + r10 + (r20 + r30);
        G[biasAt + k + 1] += r01 + r11 + (r21 + r31);
      }
    }
  }
  for (; i < rowEnd; i++) {
    const a = i * p;
    const o = (i - rowStart) * K;
    for (let k = 0, w0 = 0; k < pairEnd; k++, w0 += p) {
      const r = R[o + k];
      for (let j = 0; j < p; j++) G[w0 + j] += r * data[a + j];
      if (biasAt >= 0) G[biasAt + k] += r;
    }
  }
  if (pairEnd < K) addSingleGradient(data, p, rowStart, rowEnd, R, K, K - 1, G, biasAt);
}

/** `addDenseGradient` for output k alone, 4 rows at a time. */
function addSingleGradient(
  data: Float64Array,
  p: number,
  rowStart: number,
  rowEnd: number,
  R: Float64Array,
  K: number,
  k: number,
  G: Float64Array,
  biasAt: number,
): void {
  const blockEnd = rowStart + ((rowEnd - rowStart) & ~3);
  const w0 = k * p;
  let i = rowStart;
  for (; i < blockEnd; i += 4) {
    const a = i * p;
    const b = a + p;
    const c = b + p;
    const d = c + p;
    const o = (i - rowStart) * K + k;
    const r0 = R[o];
    const r1 = R[o + K];
    const r2 = R[o + 2 * K];
    const r3 = R[o + 3 * K];
    for (let j = 0; j < p; j++)
      G[w0 + j] += r0 * data[a + j] + r1 * data[b + j] + (r2 * data[c + j] + r3 * data[d + j]);
    if (biasAt >= 0) G[biasAt + k] += r0 + r1 + (r2 + r3);
  }
  for (; i < rowEnd; i++) {
    const a = i * p;
    const r = R[(i - rowStart) * K + k];
    for (let j = 0; j < p; j++) G[w0 + j] += r * data[a + j];
    if (biasAt >= 0) G[biasAt + k] += r;
  }
}

/**
 * Rows per chunk: a multiple of 4 whose slice of X is about 32 KiB, so the chunk stays in L1
 * while the scores, the residuals and the gradient pass over it in turn.
 */
export function chunkRows(p: number): number {
  return Math.max(4, Math.min(256, Math.floor(4096 / Math.max(p, 1)) & ~3));
}
