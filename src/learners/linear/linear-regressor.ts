import type { Matrix } from '../../data/matrix.js';
import type { Serializable, SerializedObject } from '../../data/serializable.js';
import type { SerialRecord } from '../../data/serialized-reader.js';
import { checkRestoredOptions, readEnvelope } from '../../data/serialized-reader.js';
import { NotFittedError } from '../../errors.js';
import { checkFiniteMatrix, checkFitData, checkPredictColumns } from '../check-data.js';
import type { FitOptions, Regressor } from '../estimator.js';
import type { CheckedData, LinearRegressorState } from './linear-regressor-state.js';
import { readRegressorState, writeRegressorState } from './linear-regressor-state.js';
import { linearScores } from './linear-scores.js';

export type RegressorOptions = { readonly [key: string]: Serializable };

/**
 * What the linear regressors share: frozen options, the fitted coefficients and intercept, data
 * checks, prediction and serialization. A subclass supplies `type`, its option check and the
 * solve step that turns checked data and weights into a {@link LinearRegressorState}.
 *
 * @example
 * class Ols extends LinearRegressor<{ readonly fitIntercept: boolean }> {
 *   readonly type = 'Ols';
 *   protected checkOptions(): void {}
 *   protected solve(data, options) { ... }
 * }
 */
export abstract class LinearRegressor<P extends RegressorOptions> implements Regressor<P> {
  abstract readonly type: string;
  readonly task = 'regression';
  readonly #options: P;
  #state: LinearRegressorState | undefined;

  constructor(options: P) {
    this.#options = Object.freeze(options);
  }

  /** Throws InvalidParameterError naming the first bad option. */
  protected abstract checkOptions(options: P): void;

  /** Learns the coefficients and intercept from checked data. */
  protected abstract solve(data: CheckedData, options: P): LinearRegressorState;

  get isFitted(): boolean {
    return this.#state !== undefined;
  }

  getParams(): P {
    return this.#options;
  }

  get coef(): Float64Array {
    return this.#fitted().coef.slice();
  }

  get intercept(): number {
    return this.#fitted().intercept;
  }

  /** Solver passes of the last fit (0 for closed-form solvers). */
  get nIter(): number {
    return this.#fitted().nIter;
  }

  /** False when an iterative solver stopped at `maxIter` before reaching `tol`. */
  get converged(): boolean {
    return this.#fitted().converged;
  }

  fit(X: Matrix, y: Float64Array, options: FitOptions = {}): this {
    this.checkOptions(this.#options);
    const weight = checkFitData(this.type, X, y, options.sampleWeight);
    checkFiniteMatrix(this.type, X);
    this.#state = this.solve({ X, y, weight }, this.#options);
    return this;
  }

  predict(X: Matrix): Float64Array {
    const state = this.#fitted();
    checkPredictColumns(this.type, X, state.nFeatures);
    return linearScores(X, state.coef, Float64Array.of(state.intercept)).data;
  }

  toJSON(): SerializedObject {
    return {
      type: this.type,
      params: { ...this.#options },
      state: this.#state === undefined ? null : writeRegressorState(this.#state),
    };
  }

  /**
   * The shared half of each subclass's `fromJSON`: checks the envelope, rebuilds the model from
   * its params with `make`, re-checks the options (a bad one becomes DeserializationError) and
   * restores the fitted state, if any.
   */
  protected static restore<M extends LinearRegressor<RegressorOptions>>(
    json: SerializedObject,
    type: string,
    make: (params: SerialRecord) => M,
  ): M {
    const { params, state } = readEnvelope(json, type);
    const model = make(params.record);
    checkRestoredOptions(type, () => model.checkOptions(model.#options));
    if (state !== null) model.#state = readRegressorState(state);
    return model;
  }

  #fitted(): LinearRegressorState {
    if (this.#state === undefined) throw new NotFittedError(this.type);
    return this.#state;
  }
}
