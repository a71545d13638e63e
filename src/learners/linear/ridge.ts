import type { Matrix } from '../../data/matrix.js';
import type { SerializedObject } from '../../data/serializable.js';
import { NotFittedError } from '../../errors.js';
import type { FitOptions, Regressor } from '../estimator.js';
import { centredDesign, interceptFor } from './centred-design.js';
import { checkFitData } from './check-data.js';
import type { LinearRegressorState } from './linear-regressor-state.js';
import {
  checkBoolean,
  checkNonNegative,
  deserializeRegressor,
  predictLinear,
  serializeRegressor,
} from './linear-regressor-state.js';
import { ridgeCoefficients } from './ridge-solve.js';

const TYPE = 'Ridge';

export interface RidgeOptions {
  /** L2 strength: minimises Σ wᵢ·rᵢ² + alpha·‖coef‖². */
  readonly alpha?: number;
  readonly fitIntercept?: boolean;
}

type ResolvedOptions = { readonly alpha: number; readonly fitIntercept: boolean };

function validate(o: ResolvedOptions): void {
  checkNonNegative(TYPE, 'alpha', o.alpha);
  checkBoolean(TYPE, 'fitIntercept', o.fitIntercept);
}

/**
 * Ridge regression (scikit-learn's `Ridge`, cholesky solver): minimises
 * Σ wᵢ·(yᵢ − xᵢ·coef − b)² + alpha·‖coef‖² with an unpenalised intercept, by a Cholesky solve of
 * the centred normal equations.
 *
 * @example
 * const ridge = new Ridge({ alpha: 10 }).fit(X, y);
 * ridge.predict(X);
 */
export class Ridge implements Regressor<ResolvedOptions> {
  readonly type = TYPE;
  readonly task = 'regression';
  readonly #options: ResolvedOptions;
  #state: LinearRegressorState | undefined;

  constructor(options: RidgeOptions = {}) {
    this.#options = Object.freeze({
      alpha: options.alpha ?? 1,
      fitIntercept: options.fitIntercept ?? true,
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

  fit(X: Matrix, y: Float64Array, options: FitOptions = {}): this {
    validate(this.#options);
    const weight = checkFitData(TYPE, X, y, options.sampleWeight);
    const { alpha, fitIntercept } = this.#options;
    const design = centredDesign(X, y, weight, fitIntercept);
    const coef = ridgeCoefficients(design, alpha);
    this.#state = {
      coef,
      intercept: interceptFor(design, coef, fitIntercept),
      nFeatures: X.cols,
      nIter: 0,
      converged: true,
    };
    return this;
  }

  predict(X: Matrix): Float64Array {
    return predictLinear(TYPE, this.#fitted(), X);
  }

  toJSON(): SerializedObject {
    return serializeRegressor(TYPE, this.#options, this.#state);
  }

  static fromJSON(json: SerializedObject): Ridge {
    const { params, state } = deserializeRegressor(
      json,
      TYPE,
      (p: RidgeOptions) => new Ridge(p),
      validate,
    );
    const model = new Ridge(params);
    model.#state = state;
    return model;
  }

  #fitted(): LinearRegressorState {
    if (this.#state === undefined) throw new NotFittedError(TYPE);
    return this.#state;
  }
}
