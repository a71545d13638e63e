import type { DenseMatrix, Matrix } from '../../data/matrix.js';
import { denseMatrix } from '../../data/matrix.js';
import type { Serializable, SerializedObject } from '../../data/serializable.js';
import type { SerialReader } from '../../data/serialized-reader.js';
import { InvalidParameterError } from '../../errors.js';
import { checkPredictColumns } from '../check-data.js';
import { categoryCodes } from './check-features.js';
import type { CategoryTables } from './category-tables.js';
import { countCategories, logProbabilityTables, readCategoryTables } from './category-tables.js';
import type { EncodedLabels } from './naive-bayes.js';
import { NaiveBayes } from './naive-bayes.js';
import { checkPriors } from './priors.js';

export interface CategoricalNBOptions {
  /** Additive (Laplace) smoothing; values below 1e-10 are raised to 1e-10 as scikit-learn does. Default 1. */
  readonly alpha?: number;
  /** Learn class priors from (weighted) class frequencies; if false, priors are uniform. Default true. */
  readonly fitPrior?: boolean;
  /** Class priors in class order (summing to 1); overrides `fitPrior` when given. */
  readonly classPrior?: readonly number[] | null;
  /** Minimum number of categories per feature: one number for all, or one per feature. */
  readonly minCategories?: number | readonly number[] | null;
}

type ResolvedOptions = {
  readonly alpha: number;
  readonly fitPrior: boolean;
  readonly classPrior: readonly number[] | null;
  readonly minCategories: number | readonly number[] | null;
};

const TYPE = 'CategoricalNB';
/** scikit-learn's floor on alpha (`_ALPHA_MIN`), so a zero count never gives log(0). */
const ALPHA_MIN = 1e-10;

interface FittedState {
  readonly classes: Float64Array;
  readonly classCount: Float64Array;
  readonly classLogPrior: Float64Array;
  readonly tables: CategoryTables;
}

function isCount(value: unknown): boolean {
  return typeof value === 'number' && Number.isInteger(value) && value >= 1;
}

/**
 * Categorical naive Bayes (scikit-learn's `CategoricalNB`): each feature is a non-negative
 * integer category code; per class, category probabilities are smoothed counts
 * (count + α) / (class total + α × categories). A code never seen in training, or beyond the
 * categories known at fit time, gets the smoothed probability of a zero count.
 *
 * @example
 * const model = new CategoricalNB({ alpha: 0.5 }).fit(codes, y);
 * model.predictProba(codes);
 */
export class CategoricalNB extends NaiveBayes<ResolvedOptions, FittedState> {
  readonly type = TYPE;

  constructor(options: CategoricalNBOptions = {}) {
    const { minCategories = null, classPrior = null } = options;
    super({
      alpha: options.alpha ?? 1,
      fitPrior: options.fitPrior ?? true,
      classPrior: classPrior === null ? null : Object.freeze([...classPrior]),
      minCategories: Array.isArray(minCategories)
        ? Object.freeze([...minCategories])
        : minCategories,
    });
  }

  /** Total sample weight per class. */
  get classCount(): Float64Array {
    return this.fitted().classCount.slice();
  }

  get classLogPrior(): Float64Array {
    return this.fitted().classLogPrior.slice();
  }

  /** Number of categories of each feature: max code seen + 1, at least `minCategories`. */
  get categoryCounts(): Int32Array {
    return this.fitted().tables.categories.slice();
  }

  /** log P(category | class) of one feature, classes × categories (scikit-learn's `feature_log_prob_[feature]`). */
  featureLogProb(feature: number): DenseMatrix {
    const { classes, tables } = this.fitted();
    const k = classes.length;
    const categories = tables.categories[feature];
    const out = new Float64Array(k * categories);
    const offset = tables.offsets[feature];
    for (let v = 0; v < categories; v++) {
      for (let c = 0; c < k; c++) out[c * categories + v] = tables.logProb[offset + v * k + c];
    }
    return denseMatrix(k, categories, out);
  }

  protected checkOptions(options: ResolvedOptions): void {
    const { alpha, fitPrior, classPrior, minCategories } = options;
    if (!(typeof alpha === 'number' && alpha >= 0 && alpha < Infinity)) {
      throw new InvalidParameterError(
        TYPE,
        'alpha',
        `must be a finite number ≥ 0, got ${String(alpha)}`,
      );
    }
    if (typeof fitPrior !== 'boolean') {
      throw new InvalidParameterError(
        TYPE,
        'fitPrior',
        `must be true or false, got ${String(fitPrior)}`,
      );
    }
    if (classPrior !== null) checkPriors(TYPE, classPrior, undefined, 'classPrior');
    const minimumOk =
      minCategories === null ||
      isCount(minCategories) ||
      (Array.isArray(minCategories) && minCategories.every(isCount));
    if (!minimumOk) {
      throw new InvalidParameterError(
        TYPE,
        'minCategories',
        'must be a positive integer or an array of them, one per feature',
      );
    }
  }

  protected learn(
    X: Matrix,
    { classes, codes: labels }: EncodedLabels,
    weights: Float64Array,
    options: ResolvedOptions,
  ): FittedState {
    const codes = categoryCodes(TYPE, X);
    const { minCategories, classPrior, fitPrior } = options;
    if (Array.isArray(minCategories) && minCategories.length !== X.cols) {
      throw new InvalidParameterError(
        TYPE,
        'minCategories',
        `has ${minCategories.length} entries but X has ${X.cols} features`,
      );
    }
    const k = classes.length;
    if (classPrior !== null) checkPriors(TYPE, classPrior, k, 'classPrior');
    const classCount = new Float64Array(k);
    for (let i = 0; i < labels.length; i++) classCount[labels[i]] += weights[i];
    const counts = countCategories(
      codes,
      labels,
      weights,
      k,
      minCategories as number | number[] | null,
    );
    const alpha = Math.max(options.alpha, ALPHA_MIN);
    let classLogPrior: Float64Array;
    if (classPrior !== null) classLogPrior = Float64Array.from(classPrior, Math.log);
    else if (fitPrior) {
      const logTotal = Math.log(classCount.reduce((a, b) => a + b, 0));
      classLogPrior = classCount.map((count) => Math.log(count) - logTotal);
    } else classLogPrior = new Float64Array(k).fill(-Math.log(k));
    return { classes, classCount, classLogPrior, tables: logProbabilityTables(counts, k, alpha) };
  }

  /** Σ over features of log P(code | class), plus log P(class): scikit-learn's order of sums. */
  protected jointLogLikelihood(state: FittedState, X: Matrix): Float64Array {
    const { classes, classLogPrior, tables } = state;
    const { categories, offsets, logProb, unseenLogProb } = tables;
    checkPredictColumns(TYPE, X, categories.length);
    const { rows, cols, data } = categoryCodes(TYPE, X);
    const k = classes.length;
    const jll = new Float64Array(rows * k);
    for (let i = 0; i < rows; i++) {
      const out = i * k;
      for (let j = 0; j < cols; j++) {
        const code = data[i * cols + j];
        if (code < categories[j]) {
          const base = offsets[j] + code * k;
          for (let c = 0; c < k; c++) jll[out + c] += logProb[base + c];
        } else {
          for (let c = 0; c < k; c++) jll[out + c] += unseenLogProb[j * k + c];
        }
      }
      for (let c = 0; c < k; c++) jll[out + c] += classLogPrior[c];
    }
    return jll;
  }

  protected writeState(s: FittedState): Serializable {
    return {
      classes: s.classes.slice(),
      classCount: s.classCount.slice(),
      classLogPrior: s.classLogPrior.slice(),
      categories: s.tables.categories.slice(),
      logProb: s.tables.logProb.slice(),
      unseenLogProb: s.tables.unseenLogProb.slice(),
    };
  }

  protected readState(state: SerialReader): FittedState {
    const classes = state.float64('classes');
    const k = classes.length;
    return {
      classes: classes.slice(),
      classCount: state.float64('classCount', k).slice(),
      classLogPrior: state.float64('classLogPrior', k).slice(),
      tables: readCategoryTables(TYPE, state, k),
    };
  }

  static fromJSON(json: SerializedObject): CategoricalNB {
    return NaiveBayes.restore(
      json,
      TYPE,
      (params) => new CategoricalNB(params as CategoricalNBOptions),
    );
  }
}
