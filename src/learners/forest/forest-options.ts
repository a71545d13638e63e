import { InvalidParameterError } from '../../errors.js';
import type { MaxFeatures, TreeGrowthOptions } from '../tree/index.js';
import { checkGrowthOptions } from '../tree/index.js';

/** Options every forest shares, on top of the per-tree growth limits. */
export interface ForestParams extends TreeGrowthOptions {
  /** Number of trees. */
  readonly nEstimators: number;
  /** Grow each tree on a bootstrap sample (rows drawn with replacement, as many as there are). */
  readonly bootstrap: boolean;
  /** Score the forest on each row with the trees that did not see it (needs `bootstrap`). */
  readonly oobScore: boolean;
}

/** The options a user may leave out, with the growth limits of {@link TreeGrowthOptions}. */
export interface ForestOptions {
  readonly nEstimators?: number;
  readonly bootstrap?: boolean;
  readonly oobScore?: boolean;
  readonly maxDepth?: number | null;
  readonly minSamplesSplit?: number;
  readonly minSamplesLeaf?: number;
  readonly minImpurityDecrease?: number;
  readonly maxFeatures?: MaxFeatures;
  /** Seed of the whole forest: each tree draws from its own generator forked from it. */
  readonly seed?: number;
}

/** Fills the shared defaults; `bootstrap` and `maxFeatures` defaults differ per forest kind. */
export function resolveForestOptions(
  options: ForestOptions,
  defaults: { bootstrap: boolean; maxFeatures: MaxFeatures },
): ForestParams {
  return {
    nEstimators: options.nEstimators ?? 100,
    bootstrap: options.bootstrap ?? defaults.bootstrap,
    oobScore: options.oobScore ?? false,
    maxDepth: options.maxDepth ?? null,
    minSamplesSplit: options.minSamplesSplit ?? 2,
    minSamplesLeaf: options.minSamplesLeaf ?? 1,
    minImpurityDecrease: options.minImpurityDecrease ?? 0,
    maxFeatures: options.maxFeatures === undefined ? defaults.maxFeatures : options.maxFeatures,
    seed: options.seed ?? 0,
  };
}

/** Throws InvalidParameterError naming the first bad forest or growth option. */
export function checkForestOptions(owner: string, o: ForestParams): void {
  if (typeof o.nEstimators !== 'number' || !Number.isInteger(o.nEstimators) || o.nEstimators < 1) {
    throw new InvalidParameterError(
      owner,
      'nEstimators',
      `must be an integer ≥ 1, got ${String(o.nEstimators)}`,
    );
  }
  for (const name of ['bootstrap', 'oobScore'] as const) {
    if (typeof o[name] !== 'boolean')
      throw new InvalidParameterError(owner, name, `must be a boolean, got ${String(o[name])}`);
  }
  if (o.oobScore && !o.bootstrap) {
    throw new InvalidParameterError(
      owner,
      'oobScore',
      'needs bootstrap: true (without bootstrap no row is out of bag)',
    );
  }
  checkGrowthOptions(owner, o);
}
