import type { Matrix } from '../../data/matrix.js';
import type { SerializedObject } from '../../data/serializable.js';
import { DeserializationError, InvalidParameterError, NotFittedError } from '../../errors.js';
import type { FitOptions, Regressor } from '../estimator.js';
import { checkFitData, checkPredictColumns } from '../check-data.js';
import { checkRestoredOptions, readEnvelope } from '../../data/serialized-reader.js';
import { interpolatedQuantile, median, weightedQuantile } from './weighted-quantile.js';

export type DummyRegressorStrategy = 'mean' | 'median' | 'quantile' | 'constant';

export interface DummyRegressorOptions {
  /** What to predict for every row: the (weighted) mean, median or quantile of y, or `constant`. */
  readonly strategy?: DummyRegressorStrategy;
  /** In [0, 1]; required by the `quantile` strategy. */
  readonly quantile?: number | null;
  /** Required by the `constant` strategy. */
  readonly constant?: number | null;
}

type ResolvedOptions = {
  readonly strategy: DummyRegressorStrategy;
  readonly quantile: number | null;
  readonly constant: number | null;
};

const STRATEGIES: readonly DummyRegressorStrategy[] = ['mean', 'median', 'quantile', 'constant'];
const TYPE = 'DummyRegressor';

function validateOptions(options: ResolvedOptions): void {
  const { strategy, quantile, constant } = options;
  if (!STRATEGIES.includes(strategy)) {
    throw new InvalidParameterError(
      TYPE,
      'strategy',
      `must be one of ${STRATEGIES.join(', ')}, got ${String(strategy)}`,
    );
  }
  if (
    strategy === 'quantile' &&
    !(typeof quantile === 'number' && quantile >= 0 && quantile <= 1)
  ) {
    throw new InvalidParameterError(
      TYPE,
      'quantile',
      `must be a number in [0, 1] for strategy "quantile", got ${String(quantile)}`,
    );
  }
  if (strategy === 'constant' && !(typeof constant === 'number' && Number.isFinite(constant))) {
    throw new InvalidParameterError(
      TYPE,
      'constant',
      `must be a finite number for strategy "constant", got ${String(constant)}`,
    );
  }
}

function weightedMean(y: Float64Array, weights: Float64Array): number {
  let sum = 0;
  let total = 0;
  for (let i = 0; i < y.length; i++) {
    sum += y[i] * weights[i];
    total += weights[i];
  }
  return sum / total;
}

/**
 * A baseline regressor that predicts one number for every row (scikit-learn's `DummyRegressor`).
 * Without sample weights, `median` and `quantile` interpolate like `numpy.percentile`; with them,
 * they take scikit-learn's weighted percentile (the first value reaching the weight fraction).
 *
 * @example
 * const baseline = new DummyRegressor({ strategy: 'quantile', quantile: 0.9 }).fit(X, y);
 * baseline.predict(X); // the 90th percentile of y, repeated
 */
export class DummyRegressor implements Regressor<ResolvedOptions> {
  readonly type = TYPE;
  readonly task = 'regression';
  readonly #options: ResolvedOptions;
  #state: { readonly value: number; readonly nFeatures: number } | undefined;

  constructor(options: DummyRegressorOptions = {}) {
    this.#options = Object.freeze({
      strategy: options.strategy ?? 'mean',
      quantile: options.quantile ?? null,
      constant: options.constant ?? null,
    });
  }

  get isFitted(): boolean {
    return this.#state !== undefined;
  }

  getParams(): ResolvedOptions {
    return this.#options;
  }

  /** The number every prediction equals. */
  get value(): number {
    return this.#fitted().value;
  }

  fit(X: Matrix, y: Float64Array, options: FitOptions = {}): this {
    validateOptions(this.#options);
    const given = options.sampleWeight;
    const weights = checkFitData(TYPE, X, y, given);
    this.#state = {
      value: this.#learnValue(y, given === undefined ? undefined : weights),
      nFeatures: X.cols,
    };
    return this;
  }

  predict(X: Matrix): Float64Array {
    const { value, nFeatures } = this.#fitted();
    checkPredictColumns(TYPE, X, nFeatures);
    return new Float64Array(X.rows).fill(value);
  }

  toJSON(): SerializedObject {
    return {
      type: TYPE,
      params: { ...this.#options },
      state: this.#state === undefined ? null : { ...this.#state },
    };
  }

  static fromJSON(json: SerializedObject): DummyRegressor {
    const { params, state } = readEnvelope(json, TYPE);
    const model = new DummyRegressor(params.record as DummyRegressorOptions);
    checkRestoredOptions(TYPE, () => validateOptions(model.#options));
    if (state !== null) {
      const value = state.number('value');
      if (typeof value !== 'number' || !Number.isFinite(value)) {
        throw new DeserializationError(TYPE, '"value" must be a finite number.');
      }
      model.#state = { value, nFeatures: state.integer('nFeatures') };
    }
    return model;
  }

  #learnValue(y: Float64Array, weights: Float64Array | undefined): number {
    const { strategy, quantile, constant } = this.#options;
    if (strategy === 'constant') return constant as number;
    if (strategy === 'mean') return weightedMean(y, weights ?? new Float64Array(y.length).fill(1));
    // sklearn passes the quantile to numpy as a percentile, so q becomes (100 q) / 100; mirrored
    // here so results match bit for bit (0.3 * 100 / 100 !== 0.3).
    const q = strategy === 'median' ? 0.5 : ((quantile as number) * 100) / 100;
    if (weights !== undefined) return weightedQuantile(y, weights, q);
    return strategy === 'median' ? median(y) : interpolatedQuantile(y, q);
  }

  #fitted(): { readonly value: number; readonly nFeatures: number } {
    if (this.#state === undefined) throw new NotFittedError(TYPE);
    return this.#state;
  }
}
