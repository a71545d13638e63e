import { InvalidParameterError } from '../../errors.js';

/** Hyper-parameters shared by the classifier and the regressor (XGBoost's names where they exist). */
export interface HistGradientBoostingOptions {
  /** Boosting rounds. Default 100. */
  readonly nEstimators?: number;
  /** Shrinkage applied to every leaf value, in (0, 1]. Default 0.1. */
  readonly learningRate?: number;
  /** Edges from the root to the deepest leaf; null = unlimited (then set maxLeaves). Default 6. */
  readonly maxDepth?: number | null;
  /** Leaves per tree, grown best-first (leaf-wise) when set. Default null. */
  readonly maxLeaves?: number | null;
  /** Smallest hessian sum of a child (XGBoost's min_child_weight). Default 1. */
  readonly minChildWeight?: number;
  /** Smallest row count of a child. Default 1. */
  readonly minSamplesLeaf?: number;
  /** L2 penalty on leaf values (λ). Default 1. */
  readonly lambdaL2?: number;
  /** L1 penalty on leaf values (α). Default 0. */
  readonly alphaL1?: number;
  /** Bins per feature for non-missing values, 2..255 (one more bin holds missing values). Default 255. */
  readonly maxBins?: number;
  /** Share of rows, drawn without replacement, each round grows on. Default 1. */
  readonly subsample?: number;
  /** Share of features each tree may split on. Default 1. */
  readonly colsampleByTree?: number;
  /** Stop after this many rounds without a better validation loss; null = never. Default null. */
  readonly earlyStoppingRounds?: number | null;
  /** Share of rows held out to score early stopping (only used with it). Default 0.1. */
  readonly validationFraction?: number;
  /** Seed of row/column subsampling and the validation split. Default 0. */
  readonly seed?: number;
  /**
   * Threads that build histograms (worker threads over shared memory); 0 = one per core.
   * The fitted model is identical whatever the count. Default 1, because model selection
   * usually runs several fits side by side already.
   */
  readonly threads?: number;
}

export type ResolvedBoostingOptions = {
  readonly [K in keyof HistGradientBoostingOptions]-?: Exclude<
    HistGradientBoostingOptions[K],
    undefined
  >;
};

export function resolveBoostingOptions(
  options: HistGradientBoostingOptions,
): ResolvedBoostingOptions {
  return {
    nEstimators: options.nEstimators ?? 100,
    learningRate: options.learningRate ?? 0.1,
    maxDepth: options.maxDepth === undefined ? 6 : options.maxDepth,
    maxLeaves: options.maxLeaves ?? null,
    minChildWeight: options.minChildWeight ?? 1,
    minSamplesLeaf: options.minSamplesLeaf ?? 1,
    lambdaL2: options.lambdaL2 ?? 1,
    alphaL1: options.alphaL1 ?? 0,
    maxBins: options.maxBins ?? 255,
    subsample: options.subsample ?? 1,
    colsampleByTree: options.colsampleByTree ?? 1,
    earlyStoppingRounds: options.earlyStoppingRounds ?? null,
    validationFraction: options.validationFraction ?? 0.1,
    seed: options.seed ?? 0,
    threads: options.threads ?? 1,
  };
}

function isInteger(value: unknown, low: number, high = Number.MAX_SAFE_INTEGER): boolean {
  return typeof value === 'number' && Number.isInteger(value) && value >= low && value <= high;
}

function isNumber(value: unknown, low: number, high: number, openLow = false): boolean {
  return typeof value === 'number' && (openLow ? value > low : value >= low) && value <= high;
}

/** Throws InvalidParameterError naming the first bad option. */
export function checkBoostingOptions(owner: string, o: ResolvedBoostingOptions): void {
  const fail = (name: string, problem: string, value: unknown): never => {
    throw new InvalidParameterError(owner, name, `${problem}, got ${String(value)}`);
  };
  if (!isInteger(o.nEstimators, 1))
    fail('nEstimators', 'must be a whole number ≥ 1', o.nEstimators);
  if (!isNumber(o.learningRate, 0, 1, true))
    fail('learningRate', 'must be in (0, 1]', o.learningRate);
  if (o.maxDepth !== null && !isInteger(o.maxDepth, 1))
    fail('maxDepth', 'must be a whole number ≥ 1 or null', o.maxDepth);
  if (o.maxLeaves !== null && !isInteger(o.maxLeaves, 2))
    fail('maxLeaves', 'must be a whole number ≥ 2 or null', o.maxLeaves);
  if (!isNumber(o.minChildWeight, 0, Infinity) || o.minChildWeight === Infinity)
    fail('minChildWeight', 'must be a finite number ≥ 0', o.minChildWeight);
  if (!isInteger(o.minSamplesLeaf, 1))
    fail('minSamplesLeaf', 'must be a whole number ≥ 1', o.minSamplesLeaf);
  if (!isNumber(o.lambdaL2, 0, Infinity) || o.lambdaL2 === Infinity)
    fail('lambdaL2', 'must be a finite number ≥ 0', o.lambdaL2);
  if (!isNumber(o.alphaL1, 0, Infinity) || o.alphaL1 === Infinity)
    fail('alphaL1', 'must be a finite number ≥ 0', o.alphaL1);
  if (!isInteger(o.maxBins, 2, 255))
    fail('maxBins', 'must be a whole number in [2, 255]', o.maxBins);
  if (!isNumber(o.subsample, 0, 1, true)) fail('subsample', 'must be in (0, 1]', o.subsample);
  if (!isNumber(o.colsampleByTree, 0, 1, true))
    fail('colsampleByTree', 'must be in (0, 1]', o.colsampleByTree);
  if (o.earlyStoppingRounds !== null && !isInteger(o.earlyStoppingRounds, 1))
    fail('earlyStoppingRounds', 'must be a whole number ≥ 1 or null', o.earlyStoppingRounds);
  if (!(
    typeof o.validationFraction === 'number' &&
    o.validationFraction > 0 &&
    o.validationFraction < 1
  ))
    fail('validationFraction', 'must be in (0, 1)', o.validationFraction);
  if (!isInteger(o.seed, 0, 2 ** 32 - 1))
    fail('seed', 'must be a whole number in [0, 2^32)', o.seed);
  if (!isInteger(o.threads, 0, 256))
    fail('threads', 'must be a whole number in [0, 256] (0 = one per core)', o.threads);
}
