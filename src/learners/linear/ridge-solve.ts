import type { CentredDesign } from './centred-design.js';
import { minimumNormLeastSquares } from './least-squares.js';

/**
 * Ridge coefficients (XᵀX + αI)⁻¹Xᵀy on a centred design by a hand-written Cholesky factorisation
 * of the p × p Gram matrix. When the system is not positive definite (α = 0 with collinear
 * columns) it falls back to the minimum-norm least-squares solution.
 */
export function ridgeCoefficients(design: CentredDesign, alpha: number): Float64Array {
  const { columns, target, rows: n, cols: p } = design;
  const gram = new Float64Array(p * p);
  const rhs = new Float64Array(p);
  for (let a = 0; a < p; a++) {
    const baseA = a * n;
    let r = 0;
    for (let i = 0; i < n; i++) r += columns[baseA + i] * target[i];
    rhs[a] = r;
    for (let b = 0; b <= a; b++) {
      const baseB = b * n;
      let s = 0;
      for (let i = 0; i < n; i++) s += columns[baseA + i] * columns[baseB + i];
      gram[a * p + b] = s;
    }
    gram[a * p + a] += alpha;
  }
  if (!choleskyInPlace(gram, p)) return minimumNormLeastSquares(design);
  // Forward then backward substitution with L (lower triangle of `gram`).
  const coef = rhs;
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
