import type { SerializedObject } from '../../data/serializable.js';
import type { ElasticNetSettings } from './elastic-net-fit.js';
import { fitElasticNet, validateElasticNetSettings } from './elastic-net-fit.js';
import { LinearRegressor } from './linear-regressor.js';
import type { CheckedData, LinearRegressorState } from './linear-regressor-state.js';

const TYPE = 'ElasticNet';

export interface ElasticNetOptions {
  /** Overall penalty strength. */
  readonly alpha?: number;
  /** Share of L1 in the penalty, in [0, 1]. */
  readonly l1Ratio?: number;
  readonly fitIntercept?: boolean;
  /** Coordinate-descent sweeps at most. */
  readonly maxIter?: number;
  /** Duality-gap tolerance, relative to ‖y‖² (scikit-learn's `tol`). */
  readonly tol?: number;
}

/**
 * Elastic-net regression with scikit-learn's objective
 * 1/(2n)·‖y − Xw − b‖² + α·ρ·‖w‖₁ + ½·α·(1 − ρ)·‖w‖² (weighted when sample weights are given),
 * solved by cyclic coordinate descent with duality-gap stopping. Non-convergence does not throw:
 * see `converged` and `nIter`.
 *
 * @example
 * const enet = new ElasticNet({ alpha: 0.01, l1Ratio: 0.5 }).fit(X, y);
 * enet.coef; // exact zeros for dropped features
 */
export class ElasticNet extends LinearRegressor<ElasticNetSettings> {
  readonly type = TYPE;

  constructor(options: ElasticNetOptions = {}) {
    super({
      alpha: options.alpha ?? 1,
      l1Ratio: options.l1Ratio ?? 0.5,
      fitIntercept: options.fitIntercept ?? true,
      maxIter: options.maxIter ?? 1000,
      tol: options.tol ?? 1e-4,
    });
  }

  protected checkOptions(o: ElasticNetSettings): void {
    validateElasticNetSettings(TYPE, o);
  }

  protected solve(data: CheckedData, o: ElasticNetSettings): LinearRegressorState {
    return fitElasticNet(data, o);
  }

  static fromJSON(json: SerializedObject): ElasticNet {
    return LinearRegressor.restore(
      json,
      TYPE,
      (params) => new ElasticNet(params as ElasticNetOptions),
    );
  }
}
