import type { CentredGram } from './centred-gram.js';

/**
 * Ridge coefficients (XcᵀWXc + αI)⁻¹XcᵀW(y − ȳ) by a hand-written Cholesky factorisation of the
 * p × p Gram matrix; null when the system is not positive definite (α = 0 with collinear
 * columns), for the caller to fall back to minimum-norm least squares.
 */
export function ridgeCoefficients(system: CentredGram, alpha: number): Float64Array | null {
  const p = system.cols;
  const gram = system.gram.slice();
  for (let a = 0; a < p; a++) gram[a * p + a] += alpha;
  if (!choleskyInPlace(gram, p)) return null;
  // Forward then backward substitution with L (lower triangle of `gram`).
  const coef = system.rhs.slice();
  for (let a = 0; a < p; a++) {
    let s = coef[a];
    for (let b = 0; b < a; b++) s -= gram[a * p + b] * coef[b];
    coef[a] = s / gram[a * p + a];
  }
  for (let a = p - 1; a >= 0; a--) {
    let s = coef[a];
    for (let b = a + 1; b < p; b++) s -= gram[b * p + a] * coef[b];
    coef[a] = s / gram[a * p + a];
  }
  return coef;
}

/** Overwrites the lower triangle of the symmetric `m` with L (m = LLᵀ); false if not positive definite. */
function choleskyInPlace(m: Float64Array, p: number): boolean {
  let largestDiagonal = 0;
  for (let a = 0; a < p; a++) largestDiagonal = Math.max(largestDiagonal, m[a * p + a]);
  const floor = p * Number.EPSILON * largestDiagonal;
  for (let a = 0; a < p; a++) {
    for (let b = 0; b <= a; b++) {
      let s = m[a * p + b];
      for (let c = 0; c < b; c++) s -= m[a * p + c] * m[b * p + c];
      if (a === b) {
        if (!(s > floor)) return false;
        m[a * p + a] = Math.sqrt(s);
      } else {
        m[a * p + b] = s / m[b * p + b];
      }
    }
  }
  return true;
}
