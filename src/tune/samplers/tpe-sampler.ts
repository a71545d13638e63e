import { Rng } from '../../data/rng.js';
import { InvalidParameterError } from '../../errors.js';
import type { Distribution, ParamValue } from '../distributions.js';
import { fromInternal, internalBounds, sampleUniform } from '../distributions.js';
import type { FrozenTrial, Sampler, StudyView } from '../types.js';
import type { ParzenAxis } from './parzen-estimator.js';
import { ParzenEstimator } from './parzen-estimator.js';
import { intersectionSearchSpace } from './search-space.js';
import { resolveCount, resolveSeed } from './seed.js';
import { defaultGamma, defaultWeights, splitObservations } from './tpe-observations.js';

export interface TpeSamplerOptions {
  readonly seed?: number;
  /** Trials (complete or pruned) sampled at random before TPE starts; 10 by default. */
  readonly nStartupTrials?: number;
  /** Candidates drawn from l(x) per suggestion; 24 by default. */
  readonly nEiCandidates?: number;
  /** How many of n observations count as good; min(⌈0.1 n⌉, 25) by default. */
  readonly gamma?: (n: number) => number;
  /** Sample the intersection search space jointly (product kernels); off by default. */
  readonly multivariate?: boolean;
  /** Count running trials as the worst, so parallel workers spread out; off by default. */
  readonly constantLiar?: boolean;
  /** Weight of the prior kernel; 1 by default. */
  readonly priorWeight?: number;
  /** Floor the bandwidths at range / min(100, 1 + kernels); on by default. */
  readonly considerMagicClip?: boolean;
  /** Let the outermost kernels' bandwidths reach to the range ends; off by default. */
  readonly considerEndpoints?: boolean;
  /**
   * Score candidates with true kernel densities (1/σ included). Off by default: Optuna 3.1's
   * TPE leaves the 1/σ out (its truncated-normal logpdf omits it), and that variant found
   * better optima on all four benchmark functions here (BENCHMARKS.md).
   */
  readonly exactKernelScale?: boolean;
}

/**
 * Tree-structured Parzen Estimator with Optuna 3.1's semantics: after `nStartupTrials` random
 * trials, the observed trials are split into the best γ(n) ("below") and the rest; a Parzen
 * estimator is fitted to each (see `ParzenEstimator`; older trials weighted down past the 25
 * newest); `nEiCandidates` draws from l(x) are scored by log l(x) − log g(x) and the best is
 * proposed. Pruned trials count with their last reported value, ranked after complete ones.
 * Single-objective studies only.
 *
 * @example
 * const study = createStudy({ sampler: new TpeSampler({ seed: 1, multivariate: true }) });
 */
export class TpeSampler implements Sampler {
  readonly options: Readonly<Required<TpeSamplerOptions>>;
  readonly #rng: Rng;

  constructor(options: TpeSamplerOptions = {}) {
    const owner = 'TpeSampler';
    const priorWeight = options.priorWeight ?? 1;
    if (!(priorWeight > 0) || !Number.isFinite(priorWeight))
      throw new InvalidParameterError(
        owner,
        'priorWeight',
        `must be a positive number (got ${priorWeight})`,
      );
    this.options = Object.freeze({
      seed: resolveSeed(owner, options.seed),
      nStartupTrials: resolveCount(owner, 'nStartupTrials', options.nStartupTrials, 10, 0),
      nEiCandidates: resolveCount(owner, 'nEiCandidates', options.nEiCandidates, 24, 1),
      gamma: options.gamma ?? defaultGamma,
      multivariate: options.multivariate ?? false,
      constantLiar: options.constantLiar ?? false,
      priorWeight,
      considerMagicClip: options.considerMagicClip ?? true,
      considerEndpoints: options.considerEndpoints ?? false,
      exactKernelScale: options.exactKernelScale ?? false,
    });
    this.#rng = new Rng(this.options.seed);
  }

  inferRelativeSearchSpace(study: StudyView): Record<string, Distribution> {
    return this.options.multivariate ? intersectionSearchSpace(study) : {};
  }

  sampleRelative(
    study: StudyView,
    _trial: FrozenTrial,
    searchSpace: Readonly<Record<string, Distribution>>,
  ): Record<string, ParamValue> {
    const names = Object.keys(searchSpace);
    if (names.length === 0 || this.#inStartup(study)) return {};
    const values = this.#sample(
      study,
      names,
      names.map((name) => searchSpace[name]),
    );
    return Object.fromEntries(names.map((name, p) => [name, values[p]]));
  }

  sampleIndependent(
    study: StudyView,
    _trial: FrozenTrial,
    name: string,
    distribution: Distribution,
  ): ParamValue {
    if (this.#inStartup(study)) return sampleUniform(distribution, this.#rng);
    // A zero-width range has nothing to model (and would give zero-width kernels).
    if (distribution.kind !== 'categorical' && distribution.low === distribution.high)
      return distribution.low;
    return this.#sample(study, [name], [distribution])[0];
  }

  #inStartup(study: StudyView): boolean {
    if (study.directions.length !== 1)
      throw new InvalidParameterError(
        'TpeSampler',
        'directions',
        'must hold one objective (multi-objective TPE is not supported)',
      );
    return study.trials(['COMPLETE', 'PRUNED']).length < this.options.nStartupTrials;
  }

  #sample(
    study: StudyView,
    names: readonly string[],
    distributions: readonly Distribution[],
  ): ParamValue[] {
    const { options } = this;
    const split = splitObservations(
      study,
      names,
      distributions,
      options.constantLiar,
      options.gamma,
    );
    const axes = distributions.map(parzenAxis);
    const parzenOptions = {
      multivariate: options.multivariate,
      priorWeight: options.priorWeight,
      considerMagicClip: options.considerMagicClip,
      considerEndpoints: options.considerEndpoints,
      exactKernelScale: options.exactKernelScale,
    };
    const below = new ParzenEstimator(
      axes,
      split.below,
      defaultWeights(split.nBelow),
      parzenOptions,
    );
    const above = new ParzenEstimator(
      axes,
      split.above,
      defaultWeights(split.nAbove),
      parzenOptions,
    );
    const count = options.nEiCandidates;
    const d = names.length;
    const candidates = new Float64Array(count * d);
    below.sample(this.#rng, count, candidates);
    const logBelow = new Float64Array(count);
    const logAbove = new Float64Array(count);
    below.logPdf(candidates, count, logBelow);
    above.logPdf(candidates, count, logAbove);
    let best = 0;
    for (let s = 1; s < count; s++)
      if (logBelow[s] - logAbove[s] > logBelow[best] - logAbove[best]) best = s;
    return distributions.map((distribution, p) =>
      fromInternal(distribution, candidates[best * d + p]),
    );
  }
}

/** The estimator's view of a distribution: internal bounds, and a step on linear grids. */
export function parzenAxis(distribution: Distribution): ParzenAxis {
  const [low, high] = internalBounds(distribution);
  if (distribution.kind === 'categorical')
    return { categorical: true, low, high, step: 0, choices: distribution.choices.length };
  // Like Optuna 3.1, int axes are continuous between the half-step-widened bounds (values are
  // rounded onto the grid only at the end); stepped floats get probability masses per cell.
  const step =
    distribution.kind === 'int' || distribution.log || distribution.step === null
      ? 0
      : distribution.step;
  return { categorical: false, low, high, step, choices: 0 };
}
