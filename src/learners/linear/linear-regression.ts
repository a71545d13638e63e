import type { Matrix } from '../../data/matrix.js';
import type { SerializedObject } from '../../data/serializable.js';
import { NotFittedError } from '../../errors.js';
import type { FitOptions, Regressor } from '../estimator.js';
import { centredDesign, interceptFor } from './centred-design.js';
import { checkFitData } from './check-data.js';
import { minimumNormLeastSquares } from './least-squares.js';
import type { LinearRegressorState } from './linear-regressor-state.js';
import {
  checkBoolean,
  deserializeRegressor,
  predictLinear,
  serializeRegressor,
} from './linear-regressor-state.js';

const TYPE = 'LinearRegression';

export interface LinearRegressionOptions {
  readonly fitIntercept?: boolean;
}

type ResolvedOptions = { readonly fitIntercept: boolean };

function validate(o: ResolvedOptions): void {
  checkBoolean(TYPE, 'fitIntercept', o.fitIntercept);
}

/**
 * Ordinary least squares (scikit-learn's `LinearRegression`): minimises Σ wᵢ·(yᵢ − xᵢ·coef − b)²
 * on the weighted-centred design through an SVD, so rank-deficient X gets the minimum-norm
 * coefficients instead of an error.
 *
 * @example
 * const ols = new LinearRegression().fit(X, y);
 * ols.coef; ols.intercept; ols.predict(X);
 */
export class LinearRegression implements Regressor<ResolvedOptions> {
  readonly type = TYPE;
  readonly task = 'regression';
  readonly #options: ResolvedOptions;
  #state: LinearRegressorState | undefined;

  constructor(options: LinearRegressionOptions = {}) {
    this.#options = Object.freeze({ fitIntercept: options.fitIntercept ?? true });
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
    const { fitIntercept } = this.#options;
    const design = centredDesign(X, y, weight, fitIntercept);
    const coef = minimumNormLeastSquares(design);
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

  static fromJSON(json: SerializedObject): LinearRegression {
    const { params, state } = deserializeRegressor(
      json,
      TYPE,
      (p: LinearRegressionOptions) => new LinearRegression(p),
      validate,
    );
    const model = new LinearRegression(params);
    model.#state = state;
    return model;
  }

  #fitted(): LinearRegressorState {
    if (this.#state === undefined) throw new NotFittedError(TYPE);
    return this.#state;
  }
}
