/**
 * Per-row pieces of the logistic objectives, shared by the dense and CSR passes. Both turn a
 * row's score(s) into its weighted loss and weighted residual(s) in place.
 */

/** fdlibm's exp constants: ln 2 split in two, and the minimax polynomial for e^r on |r| ≤ ln2/2. */
const LN2_HI = 6.9314718036912381649e-1;
const LN2_LO = 1.9082149292705877e-10;
const INV_LN2 = 1.442695040888963387;
const P1 = 1.66666666666666019037e-1;
const P2 = -2.77777777770155933842e-3;
const P3 = 6.61375632143793436117e-5;
const P4 = -1.6533902205465251539e-6;
const P5 = 4.13813679705723846039e-8;
/** 2⁻ᵏ for k = 0 … 1021: every scale a result ≥ e^−708 needs, all normal numbers. */
const NEGATIVE_POWERS_OF_TWO = Float64Array.from({ length: 1022 }, (_, k) => 2 ** -k);

/**
 * eˣ for x ≤ 0: fdlibm's algorithm (the one behind V8's Math.exp) with its branches folded, so
 * it agrees with Math.exp bit for bit on V8 and stays within 1 ulp elsewhere. x = k·ln2 + r with
 * |r| ≤ ln2/2, a rational approximation of eʳ, then an exact scale by 2ᵏ from a table. Inlined
 * into the per-row loops it costs about two thirds of a Math.exp call, which dominates the
 * softmax. Below −708 (subnormal results) and for NaN it defers to Math.exp.
 */
export function expNonPositive(x: number): number {
  if (!(x >= -708)) return Math.exp(x);
  const k = Math.trunc(INV_LN2 * x - 0.5);
  const hi = x - k * LN2_HI;
  const lo = k * LN2_LO;
  const r = hi - lo;
  const t = r * r;
  const c = r - t * (P1 + t * (P2 + t * (P3 + t * (P4 + t * P5))));
  return (1 - (lo - (r * c) / (2 - c) - hi)) * NEGATIVE_POWERS_OF_TWO[-k];
}

/**
 * Replaces the margin z at r[at] by w·(σ(z) − y) and returns w·(log(1 + eᶻ) − y·z), both from a
 * single exp(−|z|) so neither overflows for any finite z.
 */
export function binaryTermInPlace(r: Float64Array, at: number, y: number, w: number): number {
  const z = r[at];
  const e = expNonPositive(-Math.abs(z));
  r[at] = w * ((z >= 0 ? 1 : e) / (1 + e) - y);
  return w * ((z > 0 ? z : 0) + Math.log1p(e) - y * z);
}

/**
 * Turns the K logits at z[base …] into weighted residuals w·(softmax − onehot) in place and
 * returns w·(logsumexp − z_label), shifting by the max logit so exp never overflows.
 */
export function softmaxResidual(
  z: Float64Array,
  base: number,
  K: number,
  label: number,
  w: number,
): number {
  const end = base + K;
  const labelLogit = z[base + label];
  let max = z[base];
  for (let k = base + 1; k < end; k++) if (z[k] > max) max = z[k];
  let sum = 0;
  for (let k = base; k < end; k++) {
    const e = expNonPositive(z[k] - max);
    sum += e;
    z[k] = e;
  }
  const loss = w * (max + Math.log(sum) - labelLogit);
  const scale = w / sum;
  for (let k = base; k < end; k++) z[k] *= scale;
  z[base + label] -= w;
  return loss;
}

/** Adds ½·l2·‖coef‖² and its gradient; `coefCount` leading entries are coefficients. */
export function addPenalty(
  l2: number,
  coefCount: number,
  x: Float64Array,
  g: Float64Array,
): number {
  if (l2 === 0) return 0;
  let squares = 0;
  for (let j = 0; j < coefCount; j++) {
    squares += x[j] * x[j];
    g[j] += l2 * x[j];
  }
  return 0.5 * l2 * squares;
}
