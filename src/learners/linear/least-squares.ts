import { Matrix, SVD } from 'ml-matrix';
import type { CentredDesign } from './centred-design.js';

/**
 * Minimum-norm least-squares coefficients of a centred design, through the SVD:
 * coef = Σ_{σₖ > cutoff} vₖ·(uₖᵀy)/σₖ. Singular values below max(n, p)·ε·σ_max count as zero
 * (numpy's rank rule), so exactly collinear columns share their weight equally, as LAPACK's
 * gelsd does for scikit-learn.
 */
export function minimumNormLeastSquares(design: CentredDesign): Float64Array {
  const { columns, target, rows: n, cols: p } = design;
  const coef = new Float64Array(p);
  if (p === 0) return coef;
  const A = new Matrix(n, p);
  for (let j = 0; j < p; j++) {
    const base = j * n;
    for (let i = 0; i < n; i++) A.set(i, j, columns[base + i]);
  }
  const svd = new SVD(A, { autoTranspose: true });
  const sigma = svd.diagonal;
  const U = svd.leftSingularVectors;
  const V = svd.rightSingularVectors;
  const largest = sigma.reduce((m, s) => Math.max(m, s), 0);
  const cutoff = Math.max(n, p) * Number.EPSILON * largest;
  for (let k = 0; k < sigma.length; k++) {
    if (!(sigma[k] > cutoff)) continue;
    let projection = 0;
    for (let i = 0; i < n; i++) projection += U.get(i, k) * target[i];
    const c = projection / sigma[k];
    for (let j = 0; j < p; j++) coef[j] += c * V.get(j, k);
  }
  return coef;
}
