import type { Matrix } from '../../data/matrix.js';
import type { SerializedObject } from '../../data/serializable.js';
import { NotFittedError } from '../../errors.js';
import type { FitOptions, Regressor } from '../estimator.js';
import { fitElasticNet, validateElasticNetSettings } from './elastic-net-fit.js';
import type { LinearRegressorState } from './linear-regressor-state.js';
import {
  deserializeRegressor,
  predictLinear,
  serializeRegressor,
} from './linear-regressor-state.js';

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

function validate(o: ResolvedOptions): void {
  validateElasticNetSettings(TYPE, { ...o, l1Ratio: 1 });
}

/**
 * Lasso regression: scikit-learn's 1/(2n)·‖y − Xw − b‖² + α·‖w‖₁ (weighted when sample weights
 * are given), by cyclic coordinate descent with duality-gap stopping — the elastic net at l1Ratio 1.
 *
 * @example
 * const lasso = new Lasso({ alpha: 0.05 }).fit(X, y);
 * lasso.coef.filter((c) => c !== 0).length; // features kept
 */
export class Lasso implements Regressor<ResolvedOptions> {
  readonly type = TYPE;
  readonly task = 'regression';
  readonly #options: ResolvedOptions;
  #state: LinearRegressorState | undefined;

  constructor(options: LassoOptions = {}) {
    this.#options = Object.freeze({
      alpha: options.alpha ?? 1,
      fitIntercept: options.fitIntercept ?? true,
      maxIter: options.maxIter ?? 1000,
      tol: options.tol ?? 1e-4,
    });
  }

  get isFitted(): boolean {
    return this.#state !== undefined;
  }

  getParams(): ResolvedOptions {
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
    this.#state = fitElasticNet(TYPE, X, y, options.sampleWeight, { ...this.#options, l1Ratio: 1 });
    return this;
  }

  predict(X: Matrix): Float64Array {
    return predictLinear(TYPE, this.#fitted(), X);
  }

  toJSON(): SerializedObject {
    return serializeRegressor(TYPE, this.#options, this.#state);
  }

  static fromJSON(json: SerializedObject): Lasso {
    const { params, state } = deserializeRegressor(
      json,
      TYPE,
      (p: LassoOptions) => new Lasso(p),
      validate,
    );
    const model = new Lasso(params);
    model.#state = state;
    return model;
  }

  #fitted(): LinearRegressorState {
    if (this.#state === undefined) throw new NotFittedError(TYPE);
    return this.#state;
  }
}
