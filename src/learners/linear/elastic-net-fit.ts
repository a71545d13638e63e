import { centredDesign, interceptFor } from './centred-design.js';
import { enetCoordinateDescent } from './coordinate-descent.js';
import type { CheckedData, LinearRegressorState } from './linear-regressor-state.js';
import { checkBoolean, checkNonNegative, checkSolverLimits } from './option-checks.js';

export type ElasticNetSettings = {
  readonly alpha: number;
  readonly l1Ratio: number;
  readonly fitIntercept: boolean;
  readonly maxIter: number;
  readonly tol: number;
};

export function validateElasticNetSettings(owner: string, o: ElasticNetSettings): void {
  checkNonNegative(owner, 'alpha', o.alpha);
  checkNonNegative(owner, 'l1Ratio', o.l1Ratio);
  checkNonNegative(owner, 'l1Ratio', 1 - o.l1Ratio);
  checkBoolean(owner, 'fitIntercept', o.fitIntercept);
  checkSolverLimits(owner, o.maxIter, o.tol);
}

/**
 * Fits scikit-learn's elastic-net objective
 *   1/(2·Σw)·Σ wᵢ·(yᵢ − xᵢ·coef − b)² + alpha·l1Ratio·‖coef‖₁ + ½·alpha·(1 − l1Ratio)·‖coef‖²
 * by cyclic coordinate descent on checked data. As in scikit-learn, weights are rescaled to sum
 * to n and the problem is multiplied by n, giving l1 = alpha·l1Ratio·n and l2 = alpha·(1 − l1Ratio)·n.
 */
export function fitElasticNet(
  { X, y, weight: given }: CheckedData,
  o: ElasticNetSettings,
): LinearRegressorState {
  const n = X.rows;
  let total = 0;
  for (let i = 0; i < n; i++) total += given[i];
  const weight = new Float64Array(n);
  for (let i = 0; i < n; i++) weight[i] = (given[i] * n) / total;
  const design = centredDesign(X, y, weight, o.fitIntercept);
  const result = enetCoordinateDescent(
    design,
    o.alpha * o.l1Ratio * n,
    o.alpha * (1 - o.l1Ratio) * n,
    o.maxIter,
    o.tol,
  );
  return {
    coef: result.coef,
    intercept: interceptFor(design, result.coef, o.fitIntercept),
    nFeatures: X.cols,
    nIter: result.iterations,
    converged: result.converged,
  };
}
