import { choleskyFactor, choleskySolve } from '../optim/index.js';
import type { CentredGram } from './centred-gram.js';

/**
 * Ridge coefficients (XcᵀWXc + αI)⁻¹XcᵀW(y − ȳ) by a Cholesky factorisation of the p × p Gram
 * matrix; null when the system is not positive definite (α = 0 with collinear columns), for the
 * caller to fall back to minimum-norm least squares.
 */
export function ridgeCoefficients(system: CentredGram, alpha: number): Float64Array | null {
  const p = system.cols;
  const gram = system.gram.slice();
  for (let a = 0; a < p; a++) gram[a * p + a] += alpha;
  if (!choleskyFactor(gram, p)) return null;
  const coef = system.rhs.slice();
  choleskySolve(gram, p, coef);
  return coef;
}
