import type { Fold } from '../../data/index.js';
import type { Frame } from '../../data/frame.js';
import type { Matrix } from '../../data/matrix.js';
import { linearPreprocessor, treePreprocessor } from '../../features/index.js';
import type { Family } from './learner-space.js';

/** One fold's rows, preprocessed for one family of learners. */
export interface PreparedFold {
  readonly Xtrain: Matrix;
  readonly ytrain: Float64Array;
  readonly Xtest: Matrix;
  readonly ytest: Float64Array;
  /** Row numbers (in the frame) of the held-out rows, for out-of-fold predictions. */
  readonly test: Int32Array;
  readonly categoricalFeatures: readonly number[];
}

/**
 * Preprocessing computed once per (learner family, fold) and reused by every trial that needs
 * it: the preprocessors have no hyper-parameters searched, so a trial of any boosting or forest
 * configuration shares the tree-family matrices of each fold, and every linear trial the
 * linear-family ones. Each preprocessor is fitted on the fold's training rows only.
 *
 * @example
 * const cache = new FoldCache(frame, features, y, folds);
 * const { Xtrain, ytrain } = cache.get('tree', 0);
 */
export class FoldCache {
  readonly #frame: Frame;
  readonly #features: readonly string[];
  readonly #y: Float64Array;
  readonly #folds: readonly Fold[];
  readonly #prepared = new Map<string, PreparedFold>();

  constructor(frame: Frame, features: readonly string[], y: Float64Array, folds: readonly Fold[]) {
    this.#frame = frame;
    this.#features = features;
    this.#y = y;
    this.#folds = folds;
  }

  get folds(): number {
    return this.#folds.length;
  }

  /** How many (family, fold) preparations were computed so far (each once). */
  get computed(): number {
    return this.#prepared.size;
  }

  get(family: Family, fold: number): PreparedFold {
    const key = `${family}/${fold}`;
    let prepared = this.#prepared.get(key);
    if (prepared === undefined) {
      prepared = this.#prepare(family, this.#folds[fold]);
      this.#prepared.set(key, prepared);
    }
    return prepared;
  }

  #prepare(family: Family, fold: Fold): PreparedFold {
    const make = family === 'tree' ? treePreprocessor : linearPreprocessor;
    const preprocessor = make(this.#frame, this.#features);
    const train = this.#frame.take(fold.train).select(this.#features);
    const test = this.#frame.take(fold.test).select(this.#features);
    const Xtrain = preprocessor.fit(train).transform(train);
    return {
      Xtrain,
      ytrain: Float64Array.from(fold.train, (row) => this.#y[row]),
      Xtest: preprocessor.transform(test),
      ytest: Float64Array.from(fold.test, (row) => this.#y[row]),
      test: Int32Array.from(fold.test),
      categoricalFeatures: preprocessor.categoricalFeatures,
    };
  }
}
