import type { DenseMatrix, Matrix } from '../../data/matrix.js';
import type { Serializable, SerializedObject } from '../../data/serializable.js';
import type { SerialReader, SerialRecord } from '../../data/serialized-reader.js';
import { checkRestoredOptions, readEnvelope } from '../../data/serialized-reader.js';
import { NotFittedError } from '../../errors.js';
import { checkFitData } from '../check-data.js';
import type { Classifier, FitOptions } from '../estimator.js';
import {
  encodeLabels,
  labelsFromLogLikelihood,
  probabilitiesFromLogLikelihood,
} from './naive-bayes-output.js';

export type NaiveBayesOptions = {
  readonly [key: string]: number | boolean | null | readonly number[];
};

/** Sorted distinct labels of y, and each row's index among them. */
export interface EncodedLabels {
  readonly classes: Float64Array;
  readonly codes: Int32Array;
}

/**
 * What the naive Bayes classifiers share: frozen options, the fitted state, label encoding,
 * predict/predictProba from joint log-likelihoods and serialization. A subclass supplies `type`,
 * its option check, `learn` (weights and labels → state), `jointLogLikelihood` and the state's
 * (de)serialization.
 *
 * @example
 * class MyNB extends NaiveBayes<Options, State> {
 *   readonly type = 'MyNB';
 *   // checkOptions, learn, jointLogLikelihood, writeState, readState
 * }
 */
export abstract class NaiveBayes<
  P extends NaiveBayesOptions,
  S extends { readonly classes: Float64Array },
> implements Classifier<P> {
  abstract readonly type: string;
  readonly task = 'classification';
  readonly #options: P;
  #state: S | undefined;

  constructor(options: P) {
    this.#options = Object.freeze(options);
  }

  /** Throws InvalidParameterError naming the first bad option. */
  protected abstract checkOptions(options: P): void;

  /** Learns from checked targets and weights; checks X's values itself. */
  protected abstract learn(X: Matrix, labels: EncodedLabels, weights: Float64Array, options: P): S;

  /** log P(class) + log P(x | class), rows × classes, row-major; checks X against the state. */
  protected abstract jointLogLikelihood(state: S, X: Matrix): Float64Array;

  protected abstract writeState(state: S): Serializable;

  protected abstract readState(state: SerialReader): S;

  get isFitted(): boolean {
    return this.#state !== undefined;
  }

  get classes(): Float64Array {
    return this.fitted().classes;
  }

  getParams(): P {
    return this.#options;
  }

  fit(X: Matrix, y: Float64Array, options: FitOptions = {}): this {
    this.checkOptions(this.#options);
    const weights = checkFitData(this.type, X, y, options.sampleWeight);
    this.#state = this.learn(X, encodeLabels(y), weights, this.#options);
    return this;
  }

  predict(X: Matrix): Float64Array {
    const state = this.fitted();
    return labelsFromLogLikelihood(this.jointLogLikelihood(state, X), X.rows, state.classes);
  }

  predictProba(X: Matrix): DenseMatrix {
    const state = this.fitted();
    const jll = this.jointLogLikelihood(state, X);
    return probabilitiesFromLogLikelihood(jll, X.rows, state.classes.length);
  }

  toJSON(): SerializedObject {
    const params: { [key: string]: Serializable } = {};
    for (const [key, value] of Object.entries(this.#options))
      params[key] = Array.isArray(value) ? [...(value as readonly number[])] : value;
    return {
      type: this.type,
      params,
      state: this.#state === undefined ? null : this.writeState(this.#state),
    };
  }

  /**
   * The shared half of each subclass's `fromJSON`: checks the envelope, rebuilds the model from
   * its params with `make`, re-checks the options (a bad one becomes DeserializationError) and
   * restores the fitted state, if any.
   */
  protected static restore<M extends NaiveBayes<NaiveBayesOptions, { classes: Float64Array }>>(
    json: SerializedObject,
    type: string,
    make: (params: SerialRecord) => M,
  ): M {
    const { params, state } = readEnvelope(json, type);
    const model = make(params.record);
    checkRestoredOptions(type, () => model.checkOptions(model.#options));
    if (state !== null) model.#state = model.readState(state);
    return model;
  }

  protected fitted(): S {
    if (this.#state === undefined) throw new NotFittedError(this.type);
    return this.#state;
  }
}
