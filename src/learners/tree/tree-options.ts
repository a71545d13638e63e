import { InvalidParameterError } from '../../errors.js';

/**
 * Features drawn per node: `null` = all, `sqrt` / `log2` of the feature count, a number in
 * (0, 1] = that share of the features (so 1 means all of them), an integer > 1 = that many.
 */
export type MaxFeatures = null | 'sqrt' | 'log2' | number;

/** The growth limits every tree learner shares (scikit-learn's names, camel-cased). */
export interface TreeGrowthOptions {
  /** Deepest node depth (root = 0); `null` grows until the leaves are pure or too small. */
  readonly maxDepth: number | null;
  /** A node with fewer (distinct, positive-weight) rows than this is a leaf. */
  readonly minSamplesSplit: number;
  /** Each child of a split keeps at least this many rows. */
  readonly minSamplesLeaf: number;
  /** A split must lower the weighted impurity (as a share of the root's weight) by at least this. */
  readonly minImpurityDecrease: number;
  readonly maxFeatures: MaxFeatures;
  /** Seed of the feature draws (and of tie-breaking between equally good features). */
  readonly seed: number;
}

/** Throws InvalidParameterError naming the first growth option that is out of range. */
export function checkGrowthOptions(owner: string, o: TreeGrowthOptions): void {
  if (o.maxDepth !== null && !isIntegerAtLeast(o.maxDepth, 1))
    fail(owner, 'maxDepth', 'must be null or an integer ≥ 1', o.maxDepth);
  if (!isIntegerAtLeast(o.minSamplesSplit, 2))
    fail(owner, 'minSamplesSplit', 'must be an integer ≥ 2', o.minSamplesSplit);
  if (!isIntegerAtLeast(o.minSamplesLeaf, 1))
    fail(owner, 'minSamplesLeaf', 'must be an integer ≥ 1', o.minSamplesLeaf);
  if (
    typeof o.minImpurityDecrease !== 'number' ||
    !(o.minImpurityDecrease >= 0) ||
    !Number.isFinite(o.minImpurityDecrease)
  )
    fail(owner, 'minImpurityDecrease', 'must be a finite number ≥ 0', o.minImpurityDecrease);
  checkMaxFeatures(owner, o.maxFeatures);
  if (typeof o.seed !== 'number' || !Number.isFinite(o.seed))
    fail(owner, 'seed', 'must be a finite number', o.seed);
}

function checkMaxFeatures(owner: string, value: MaxFeatures): void {
  if (value === null || value === 'sqrt' || value === 'log2') return;
  const ok = typeof value === 'number' && ((value > 0 && value <= 1) || isIntegerAtLeast(value, 2));
  if (!ok)
    fail(
      owner,
      'maxFeatures',
      "must be null, 'sqrt', 'log2', a share in (0, 1] or an integer ≥ 2",
      value,
    );
}

/** Number of features drawn per node for `featureCount` features (at least 1, at most all). */
export function resolveMaxFeatures(value: MaxFeatures, featureCount: number): number {
  let count: number;
  if (value === null) count = featureCount;
  else if (value === 'sqrt') count = Math.floor(Math.sqrt(featureCount));
  else if (value === 'log2') count = Math.floor(Math.log2(featureCount));
  else if (value <= 1) count = Math.floor(value * featureCount);
  else count = value;
  return Math.min(featureCount, Math.max(1, count));
}

function isIntegerAtLeast(value: unknown, least: number): boolean {
  return typeof value === 'number' && Number.isInteger(value) && value >= least;
}

function fail(owner: string, name: string, rule: string, value: unknown): never {
  throw new InvalidParameterError(owner, name, `${rule}, got ${String(value)}`);
}
