import type { DenseMatrix, Matrix } from '../../data/matrix.js';
import { denseMatrix } from '../../data/matrix.js';
import type { Serializable, SerializedObject } from '../../data/serializable.js';
import type { SerialReader } from '../../data/serialized-reader.js';
import { InvalidParameterError } from '../../errors.js';
import { checkPredictColumns } from '../check-data.js';
import { finiteFeatures } from './check-features.js';
import type { EncodedLabels } from './naive-bayes.js';
import { NaiveBayes } from './naive-bayes.js';
import { checkPriors } from './priors.js';

export interface GaussianNBOptions {
  /** Share of the largest feature variance added to every variance, for stability. Default 1e-9. */
  readonly varSmoothing?: number;
  /** Class priors in class order (summing to 1); learned from (weighted) class frequencies when null. */
  readonly priors?: readonly number[] | null;
}

type ResolvedOptions = { readonly varSmoothing: number; readonly priors: readonly number[] | null };

const TYPE = 'GaussianNB';

interface FittedState {
  readonly classes: Float64Array;
  readonly classCount: Float64Array;
  readonly classPrior: Float64Array;
  /** Per-class feature means, classes × features, row-major. */
  readonly theta: Float64Array;
  /** Per-class feature variances plus `epsilon`, classes × features. */
  readonly variance: Float64Array;
  readonly epsilon: number;
  readonly nFeatures: number;
}

/**
 * Gaussian naive Bayes (scikit-learn's `GaussianNB`): per class, each feature is normal with its
 * own (weighted) mean and variance; the largest feature variance times `varSmoothing` is added to
 * every variance so constant features do not divide by zero. CSR input is densified.
 *
 * @example
 * const model = new GaussianNB().fit(X, y);
 * model.predictProba(X); // rows × classes
 */
export class GaussianNB extends NaiveBayes<ResolvedOptions, FittedState> {
  readonly type = TYPE;

  constructor(options: GaussianNBOptions = {}) {
    super({
      varSmoothing: options.varSmoothing ?? 1e-9,
      priors: options.priors == null ? null : Object.freeze([...options.priors]),
    });
  }

  /** Per-class feature means (classes × features), scikit-learn's `theta_`. */
  get theta(): DenseMatrix {
    const state = this.fitted();
    return denseMatrix(state.classes.length, state.nFeatures, state.theta.slice());
  }

  /** Per-class feature variances including the smoothing (classes × features), scikit-learn's `var_`. */
  get variance(): DenseMatrix {
    const state = this.fitted();
    return denseMatrix(state.classes.length, state.nFeatures, state.variance.slice());
  }

  get classPrior(): Float64Array {
    return this.fitted().classPrior.slice();
  }

  /** Total sample weight per class. */
  get classCount(): Float64Array {
    return this.fitted().classCount.slice();
  }

  /** The variance added to every variance: varSmoothing × the largest feature variance. */
  get epsilon(): number {
    return this.fitted().epsilon;
  }

  protected checkOptions(options: ResolvedOptions): void {
    if (!(
      typeof options.varSmoothing === 'number' &&
      options.varSmoothing >= 0 &&
      options.varSmoothing < Infinity
    )) {
      throw new InvalidParameterError(
        TYPE,
        'varSmoothing',
        `must be a finite number ≥ 0, got ${String(options.varSmoothing)}`,
      );
    }
    if (options.priors !== null) checkPriors(TYPE, options.priors, undefined);
  }

  protected learn(
    X: Matrix,
    { classes, codes }: EncodedLabels,
    weights: Float64Array,
    options: ResolvedOptions,
  ): FittedState {
    const dense = finiteFeatures(TYPE, X);
    const k = classes.length;
    if (options.priors !== null) checkPriors(TYPE, options.priors, k);
    const { rows, cols, data } = dense;
    const classCount = new Float64Array(k);
    const theta = new Float64Array(k * cols);
    for (let i = 0; i < rows; i++) {
      const w = weights[i];
      classCount[codes[i]] += w;
      const base = codes[i] * cols;
      for (let j = 0; j < cols; j++) theta[base + j] += w * data[i * cols + j];
    }
    for (let c = 0; c < k; c++) for (let j = 0; j < cols; j++) theta[c * cols + j] /= classCount[c];
    // Two passes (mean, then squared deviations from it), as numpy's average does.
    const variance = new Float64Array(k * cols);
    for (let i = 0; i < rows; i++) {
      const w = weights[i];
      const base = codes[i] * cols;
      for (let j = 0; j < cols; j++) {
        const deviation = data[i * cols + j] - theta[base + j];
        variance[base + j] += w * deviation * deviation;
      }
    }
    const epsilon = options.varSmoothing * largestFeatureVariance(dense);
    for (let c = 0; c < k; c++) {
      for (let j = 0; j < cols; j++)
        variance[c * cols + j] = variance[c * cols + j] / classCount[c] + epsilon;
    }
    let total = 0;
    for (const count of classCount) total += count;
    const classPrior =
      options.priors !== null
        ? Float64Array.from(options.priors)
        : classCount.map((count) => count / total);
    return { classes, classCount, classPrior, theta, variance, epsilon, nFeatures: cols };
  }

  /**
   * log P(c) − ½ Σⱼ log(2π σ²cj) − ½ Σⱼ (xj − θcj)² / σ²cj per row and class, summed in
   * scikit-learn's order so probabilities agree to rounding.
   */
  protected jointLogLikelihood(state: FittedState, X: Matrix): Float64Array {
    const { classes, classPrior, theta, variance, nFeatures } = state;
    checkPredictColumns(TYPE, X, nFeatures);
    const { rows, data } = finiteFeatures(TYPE, X);
    const k = classes.length;
    const cols = nFeatures;
    const logPrior = classPrior.map(Math.log);
    const logNormalizer = new Float64Array(k);
    for (let c = 0; c < k; c++) {
      let sum = 0;
      for (let j = 0; j < cols; j++) sum += Math.log(2 * Math.PI * variance[c * cols + j]);
      logNormalizer[c] = -0.5 * sum;
    }
    const jll = new Float64Array(rows * k);
    for (let i = 0; i < rows; i++) {
      for (let c = 0; c < k; c++) {
        let distance = 0;
        for (let j = 0; j < cols; j++) {
          const deviation = data[i * cols + j] - theta[c * cols + j];
          distance += (deviation * deviation) / variance[c * cols + j];
        }
        jll[i * k + c] = logPrior[c] + (logNormalizer[c] - 0.5 * distance);
      }
    }
    return jll;
  }

  protected writeState(s: FittedState): Serializable {
    return {
      classes: s.classes.slice(),
      classCount: s.classCount.slice(),
      classPrior: s.classPrior.slice(),
      theta: s.theta.slice(),
      variance: s.variance.slice(),
      epsilon: s.epsilon,
      nFeatures: s.nFeatures,
    };
  }

  protected readState(state: SerialReader): FittedState {
    const classes = state.float64('classes');
    const k = classes.length;
    const nFeatures = state.integer('nFeatures');
    return {
      classes: classes.slice(),
      classCount: state.float64('classCount', k).slice(),
      classPrior: state.float64('classPrior', k).slice(),
      theta: state.float64('theta', k * nFeatures).slice(),
      variance: state.float64('variance', k * nFeatures).slice(),
      epsilon: state.number('epsilon'),
      nFeatures,
    };
  }

  static fromJSON(json: SerializedObject): GaussianNB {
    return NaiveBayes.restore(json, TYPE, (params) => new GaussianNB(params as GaussianNBOptions));
  }
}

/** Largest population variance over the columns of X (unweighted, as scikit-learn computes it). */
function largestFeatureVariance(X: DenseMatrix): number {
  const { rows, cols, data } = X;
  let largest = 0;
  for (let j = 0; j < cols; j++) {
    let sum = 0;
    for (let i = 0; i < rows; i++) sum += data[i * cols + j];
    const mean = sum / rows;
    let squares = 0;
    for (let i = 0; i < rows; i++) squares += (data[i * cols + j] - mean) ** 2;
    largest = Math.max(largest, squares / rows);
  }
  return largest;
}
