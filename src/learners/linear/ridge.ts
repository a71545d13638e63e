import type { SerializedObject } from '../../data/serializable.js';
import { centredDesign, interceptFor } from './centred-design.js';
import { centredGram } from './centred-gram.js';
import { minimumNormLeastSquares } from './least-squares.js';
import { LinearRegressor } from './linear-regressor.js';
import type { CheckedData, LinearRegressorState } from './linear-regressor-state.js';
import { checkBoolean, checkNonNegative } from './option-checks.js';
import { ridgeCoefficients } from './ridge-solve.js';

const TYPE = 'Ridge';

export interface RidgeOptions {
  /** L2 strength: minimises Σ wᵢ·rᵢ² + alpha·‖coef‖². */
  readonly alpha?: number;
  readonly fitIntercept?: boolean;
}

type ResolvedOptions = { readonly alpha: number; readonly fitIntercept: boolean };

/**
 * Ridge regression (scikit-learn's `Ridge`, cholesky solver): minimises
 * Σ wᵢ·(yᵢ − xᵢ·coef − b)² + alpha·‖coef‖² with an unpenalised intercept, by a Cholesky solve of
 * the centred normal equations.
 *
 * @example
 * const ridge = new Ridge({ alpha: 10 }).fit(X, y);
 * ridge.predict(X);
 */
export class Ridge extends LinearRegressor<ResolvedOptions> {
  readonly type = TYPE;

  constructor(options: RidgeOptions = {}) {
    super({ alpha: options.alpha ?? 1, fitIntercept: options.fitIntercept ?? true });
  }

  protected checkOptions(o: ResolvedOptions): void {
    checkNonNegative(TYPE, 'alpha', o.alpha);
    checkBoolean(TYPE, 'fitIntercept', o.fitIntercept);
  }

  protected solve({ X, y, weight }: CheckedData, o: ResolvedOptions): LinearRegressorState {
    // Normal equations accumulated row by row: CSR input (one-hot of many levels) never densifies.
    const system = centredGram(X, y, weight, o.fitIntercept);
    const coef =
      ridgeCoefficients(system, o.alpha) ??
      minimumNormLeastSquares(centredDesign(X, y, weight, o.fitIntercept));
    return {
      coef,
      intercept: interceptFor(system, coef, o.fitIntercept),
      nFeatures: X.cols,
      nIter: 0,
      converged: true,
    };
  }

  static fromJSON(json: SerializedObject): Ridge {
    return LinearRegressor.restore(json, TYPE, (params) => new Ridge(params as RidgeOptions));
  }
}
