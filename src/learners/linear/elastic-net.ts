import type { Matrix } from '../../data/matrix.js';
import type { SerializedObject } from '../../data/serializable.js';
import { NotFittedError } from '../../errors.js';
import type { FitOptions, Regressor } from '../estimator.js';
import type { ElasticNetSettings } from './elastic-net-fit.js';
import { fitElasticNet, validateElasticNetSettings } from './elastic-net-fit.js';
import type { LinearRegressorState } from './linear-regressor-state.js';
import {
  deserializeRegressor,
  predictLinear,
  serializeRegressor,
} from './linear-regressor-state.js';

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
export class ElasticNet implements Regressor<ElasticNetSettings> {
  readonly type = TYPE;
  readonly task = 'regression';
  readonly #options: ElasticNetSettings;
  #state: LinearRegressorState | undefined;

  constructor(options: ElasticNetOptions = {}) {
    this.#options = Object.freeze({
      alpha: options.alpha ?? 1,
      l1Ratio: options.l1Ratio ?? 0.5,
      fitIntercept: options.fitIntercept ?? true,
      maxIter: options.maxIter ?? 1000,
      tol: options.tol ?? 1e-4,
    });
  }

  get isFitted(): boolean {
    return this.#state !== undefined;
  }

  getParams(): ElasticNetSettings {
    return this.#options;
  }

  get coef(): Float64Array {
    return this.#fitted().coef.slice();
  }

  get intercept(): number {
    return this.#fitted().intercept;
  }

  get nIter(): number {
    return this.#fitted().nIter;
  }

  get converged(): boolean {
    return this.#fitted().converged;
  }

  fit(X: Matrix, y: Float64Array, options: FitOptions = {}): this {
    this.#state = fitElasticNet(TYPE, X, y, options.sampleWeight, this.#options);
    return this;
  }

  predict(X: Matrix): Float64Array {
    return predictLinear(TYPE, this.#fitted(), X);
  }

  toJSON(): SerializedObject {
    return serializeRegressor(TYPE, this.#options, this.#state);
  }

  static fromJSON(json: SerializedObject): ElasticNet {
    const { params, state } = deserializeRegressor(
      json,
      TYPE,
      (p: ElasticNetOptions) => new ElasticNet(p),
      (o: ElasticNetSettings) => validateElasticNetSettings(TYPE, o),
    );
    const model = new ElasticNet(params);
    model.#state = state;
    return model;
  }

  #fitted(): LinearRegressorState {
    if (this.#state === undefined) throw new NotFittedError(TYPE);
    return this.#state;
  }
}
