import type { DenseMatrix, Matrix } from '../../data/matrix.js';
import { denseMatrix } from '../../data/matrix.js';
import { Rng } from '../../data/rng.js';
import type { SerializedObject } from '../../data/serializable.js';
import { InvalidParameterError, NotFittedError } from '../../errors.js';
import type { Classifier, FitOptions } from '../estimator.js';
import { checkFitData, checkPredictColumns } from '../check-data.js';
import { checkRestoredOptions, readEnvelope } from '../../data/serialized-reader.js';

export type DummyClassifierStrategy = 'prior' | 'most_frequent' | 'uniform' | 'stratified';

export interface DummyClassifierOptions {
  /**
   * - `prior`: probabilities are the (weighted) class frequencies; predicts the most frequent class.
   * - `most_frequent`: predicts the most frequent class with probability 1.
   * - `uniform`: probabilities 1/K; predicts a class drawn uniformly per row.
   * - `stratified`: draws a class per row from the class frequencies; probabilities are one-hot draws.
   */
  readonly strategy?: DummyClassifierStrategy;
  /** Seed of the draws made by `uniform` and `stratified`; each predict call restarts from it. */
  readonly seed?: number;
}

const STRATEGIES: readonly DummyClassifierStrategy[] = [
  'prior',
  'most_frequent',
  'uniform',
  'stratified',
];
const TYPE = 'DummyClassifier';

interface FittedState {
  readonly classes: Float64Array;
  readonly classPrior: Float64Array;
  readonly nFeatures: number;
}

function validateOptions(options: Required<DummyClassifierOptions>): void {
  if (!STRATEGIES.includes(options.strategy)) {
    throw new InvalidParameterError(
      TYPE,
      'strategy',
      `must be one of ${STRATEGIES.join(', ')}, got ${String(options.strategy)}`,
    );
  }
  if (!Number.isSafeInteger(options.seed)) {
    throw new InvalidParameterError(
      TYPE,
      'seed',
      `must be an integer, got ${String(options.seed)}`,
    );
  }
}

function argmax(values: Float64Array): number {
  let best = 0;
  for (let k = 1; k < values.length; k++) if (values[k] > values[best]) best = k;
  return best;
}

/**
 * A baseline classifier that ignores the features (scikit-learn's `DummyClassifier`): any real
 * model should beat it. Sample weights change the class frequencies.
 *
 * @example
 * const baseline = new DummyClassifier({ strategy: 'prior' }).fit(X, y);
 * baseline.predictProba(X); // every row holds the training class frequencies
 */
export class DummyClassifier implements Classifier<Required<DummyClassifierOptions>> {
  readonly type = TYPE;
  readonly task = 'classification';
  readonly #options: Readonly<Required<DummyClassifierOptions>>;
  #state: FittedState | undefined;

  constructor(options: DummyClassifierOptions = {}) {
    this.#options = Object.freeze({
      strategy: options.strategy ?? 'prior',
      seed: options.seed ?? 0,
    });
  }

  get isFitted(): boolean {
    return this.#state !== undefined;
  }

  get classes(): Float64Array {
    return this.#fitted().classes;
  }

  getParams(): Readonly<Required<DummyClassifierOptions>> {
    return this.#options;
  }

  fit(X: Matrix, y: Float64Array, options: FitOptions = {}): this {
    validateOptions(this.#options);
    const weights = checkFitData(TYPE, X, y, options.sampleWeight);
    const classes = Float64Array.from(new Set(y)).sort();
    const weightPerClass = new Float64Array(classes.length);
    for (let i = 0; i < y.length; i++) {
      weightPerClass[classes.indexOf(y[i])] += weights[i];
    }
    let total = 0;
    for (const w of weightPerClass) total += w;
    for (let k = 0; k < classes.length; k++) weightPerClass[k] /= total;
    this.#state = { classes, classPrior: weightPerClass, nFeatures: X.cols };
    return this;
  }

  predict(X: Matrix): Float64Array {
    const { classes, classPrior, nFeatures } = this.#fitted();
    checkPredictColumns(TYPE, X, nFeatures);
    const out = new Float64Array(X.rows);
    const { strategy } = this.#options;
    if (strategy === 'prior' || strategy === 'most_frequent') {
      out.fill(classes[argmax(classPrior)]);
    } else {
      const drawn = this.#drawClasses(X.rows);
      for (let i = 0; i < X.rows; i++) out[i] = classes[drawn[i]];
    }
    return out;
  }

  predictProba(X: Matrix): DenseMatrix {
    const { classes, classPrior, nFeatures } = this.#fitted();
    checkPredictColumns(TYPE, X, nFeatures);
    const k = classes.length;
    const out = new Float64Array(X.rows * k);
    const { strategy } = this.#options;
    if (strategy === 'prior') {
      for (let i = 0; i < X.rows; i++) out.set(classPrior, i * k);
    } else if (strategy === 'most_frequent') {
      const best = argmax(classPrior);
      for (let i = 0; i < X.rows; i++) out[i * k + best] = 1;
    } else if (strategy === 'uniform') {
      out.fill(1 / k);
    } else {
      const drawn = this.#drawClasses(X.rows);
      for (let i = 0; i < X.rows; i++) out[i * k + drawn[i]] = 1;
    }
    return denseMatrix(X.rows, k, out);
  }

  toJSON(): SerializedObject {
    const state = this.#state;
    return {
      type: TYPE,
      params: { ...this.#options },
      state:
        state === undefined
          ? null
          : { ...state, classes: state.classes.slice(), classPrior: state.classPrior.slice() },
    };
  }

  static fromJSON(json: SerializedObject): DummyClassifier {
    const { params, state } = readEnvelope(json, TYPE);
    const model = new DummyClassifier(params.record as DummyClassifierOptions);
    checkRestoredOptions(TYPE, () => validateOptions(model.#options));
    if (state !== null) {
      const classes = state.float64('classes');
      const classPrior = state.float64('classPrior', classes.length);
      model.#state = {
        classes: classes.slice(),
        classPrior: classPrior.slice(),
        nFeatures: state.integer('nFeatures'),
      };
    }
    return model;
  }

  /**
   * Class indices drawn per row. The generator restarts from the seed on every call so that
   * `predict` and `predictProba` agree row by row (as scikit-learn's do with an int random_state).
   */
  #drawClasses(rows: number): Int32Array {
    const { classPrior } = this.#fitted();
    const rng = new Rng(this.#options.seed);
    const drawn = new Int32Array(rows);
    const k = classPrior.length;
    if (this.#options.strategy === 'uniform') {
      for (let i = 0; i < rows; i++) drawn[i] = rng.nextInt(k);
      return drawn;
    }
    for (let i = 0; i < rows; i++) {
      const u = rng.next();
      let cumulative = 0;
      let chosen = k - 1;
      for (let c = 0; c < k; c++) {
        cumulative += classPrior[c];
        if (u < cumulative) {
          chosen = c;
          break;
        }
      }
      drawn[i] = chosen;
    }
    return drawn;
  }

  #fitted(): FittedState {
    if (this.#state === undefined) throw new NotFittedError(TYPE);
    return this.#state;
  }
}
