import type { SerializedObject } from '../../data/serializable.js';
import { fitElasticNet, validateElasticNetSettings } from './elastic-net-fit.js';
import { LinearRegressor } from './linear-regressor.js';
import type { CheckedData, LinearRegressorState } from './linear-regressor-state.js';

const TYPE = 'Lasso';

export interface LassoOptions {
  /** L1 strength. */
  readonly alpha?: number;
  readonly fitIntercept?: boolean;
  /** Coordinate-descent sweeps at most. */
  readonly maxIter?: number;
  /** Duality-gap tolerance, relative to ‖y‖² (scikit-learn's `tol`). */
  readonly tol?: number;
}

type ResolvedOptions = {
  readonly alpha: number;
  readonly fitIntercept: boolean;
  readonly maxIter: number;
  readonly tol: number;
};

/**
 * Lasso regression: scikit-learn's 1/(2n)·‖y − Xw − b‖² + α·‖w‖₁ (weighted when sample weights
 * are given), by cyclic coordinate descent with duality-gap stopping — the elastic net at l1Ratio 1.
 *
 * @example
 * const lasso = new Lasso({ alpha: 0.05 }).fit(X, y);
 * lasso.coef.filter((c) => c !== 0).length; // features kept
 */
export class Lasso extends LinearRegressor<ResolvedOptions> {
  readonly type = TYPE;

  constructor(options: LassoOptions = {}) {
    super({
      alpha: options.alpha ?? 1,
      fitIntercept: options.fitIntercept ?? true,
      maxIter: options.maxIter ?? 1000,
      tol: options.tol ?? 1e-4,
    });
  }

  protected checkOptions(o: ResolvedOptions): void {
    validateElasticNetSettings(TYPE, { ...o, l1Ratio: 1 });
  }

  protected solve(data: CheckedData, o: ResolvedOptions): LinearRegressorState {
    return fitElasticNet(data, { ...o, l1Ratio: 1 });
  }

  static fromJSON(json: SerializedObject): Lasso {
    return LinearRegressor.restore(json, TYPE, (params) => new Lasso(params as LassoOptions));
  }
}
