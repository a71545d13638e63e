import { Rng } from '../../data/rng.js';
import { InvalidParameterError } from '../../errors.js';
import type { Distribution, ParamValue } from '../distributions.js';
import { fromInternal, sampleUniform, toInternal } from '../distributions.js';
import { HyperbandPruner } from '../schedulers/hyperband-pruner.js';
import type { FrozenTrial, Pruner, Sampler, StudyView } from '../types.js';
import { ParzenEstimator } from './parzen-estimator.js';
import { intersectionSearchSpace } from './search-space.js';
import { resolveCount, resolveSeed } from './seed.js';
import { defaultWeights } from './tpe-observations.js';
import { parzenAxis } from './tpe-sampler.js';

export interface BohbSamplerOptions {
  readonly seed?: number;
  /** Observations a budget needs before its model is used; default max(6, parameters + 2). */
  readonly minPointsInModel?: number;
  /** Share of trials sampled at random regardless of the model (the paper's ρ). Default 1/3. */
  readonly randomFraction?: number;
  /** Share of a budget's observations counted as good. Default 0.15, as in the paper. */
  readonly topFraction?: number;
  /** Candidates drawn from the good density per suggestion. Default 64. */
  readonly candidates?: number;
}

/**
 * The model half of BOHB (Falkner et al., 2018), meant to run with a Hyperband pruner (see
 * {@link bohb}): at the largest budget — reported step — with enough observations, the trials'
 * values there (pruned ones included, as far as they got) are split into the best
 * `topFraction` and the rest, a multivariate Parzen density is fitted to each, and the candidate
 * from the good density with the highest good/bad ratio is proposed. A `randomFraction` of
 * trials, and every trial before any budget has enough points, is sampled at random.
 *
 * @example
 * const { sampler, pruner } = bohb({ seed: 1, minResource: 1, maxResource: 81 });
 * const study = createStudy({ sampler, pruner });
 */
export class BohbSampler implements Sampler {
  readonly options: Readonly<{
    seed: number;
    minPointsInModel: number | null;
    randomFraction: number;
    topFraction: number;
    candidates: number;
  }>;
  readonly #rng: Rng;

  constructor(options: BohbSamplerOptions = {}) {
    const owner = 'BohbSampler';
    const share = (name: string, value: number, allowZero: boolean) => {
      if (!((allowZero ? value >= 0 : value > 0) && value < 1))
        throw new InvalidParameterError(
          owner,
          name,
          `must be in ${allowZero ? '[0' : '(0'}, 1) (got ${value})`,
        );
      return value;
    };
    this.options = Object.freeze({
      seed: resolveSeed(owner, options.seed),
      minPointsInModel:
        options.minPointsInModel === undefined
          ? null
          : resolveCount(owner, 'minPointsInModel', options.minPointsInModel, 0, 2),
      randomFraction: share('randomFraction', options.randomFraction ?? 1 / 3, true),
      topFraction: share('topFraction', options.topFraction ?? 0.15, false),
      candidates: resolveCount(owner, 'candidates', options.candidates, 64, 1),
    });
    this.#rng = new Rng(this.options.seed);
  }

  inferRelativeSearchSpace(study: StudyView): Record<string, Distribution> {
    if (study.directions.length !== 1)
      throw new InvalidParameterError('BohbSampler', 'directions', 'must hold one objective');
    // Pruned trials are BOHB's low-budget observations: they define the space too.
    const finished = study.trials(['COMPLETE', 'PRUNED']);
    return intersectionSearchSpace({
      ...study,
      name: study.name,
      directions: study.directions,
      trials: () => finished,
    });
  }

  sampleRelative(
    study: StudyView,
    _trial: FrozenTrial,
    space: Readonly<Record<string, Distribution>>,
  ): Record<string, ParamValue> {
    if (this.#rng.next() < this.options.randomFraction) return {};
    const names = Object.keys(space);
    const distributions = Object.values(space);
    const observations = this.modelBudget(study, names.length);
    if (observations === null) return {};
    const sign = study.directions[0] === 'maximize' ? -1 : 1;
    const ranked = [...observations.trials].sort(
      (a, b) => sign * (a.value - b.value) || a.trial.number - b.trial.number,
    );
    const good = Math.max(names.length + 1, Math.ceil(this.options.topFraction * ranked.length));
    const split = [ranked.slice(0, good), ranked.slice(good)];
    const [below, above] = split.map((part) => {
      const points = new Float64Array(part.length * names.length);
      part.forEach(({ trial }, i) =>
        distributions.forEach(
          (d, j) => (points[i * names.length + j] = toInternal(d, trial.params[names[j]])),
        ),
      );
      return new ParzenEstimator(
        distributions.map(parzenAxis),
        points,
        defaultWeights(part.length),
        {
          multivariate: true,
          priorWeight: 1,
          considerMagicClip: true,
          considerEndpoints: false,
          exactKernelScale: false,
        },
      );
    });
    const count = this.options.candidates;
    const d = names.length;
    const candidates = new Float64Array(count * d);
    below.sample(this.#rng, count, candidates);
    const goodLog = new Float64Array(count);
    const badLog = new Float64Array(count);
    below.logPdf(candidates, count, goodLog);
    above.logPdf(candidates, count, badLog);
    let best = 0;
    for (let c = 1; c < count; c++)
      if (goodLog[c] - badLog[c] > goodLog[best] - badLog[best]) best = c;
    const params: Record<string, ParamValue> = {};
    names.forEach(
      (name, j) => (params[name] = fromInternal(distributions[j], candidates[best * d + j])),
    );
    return params;
  }

  sampleIndependent(
    _study: StudyView,
    _trial: FrozenTrial,
    _name: string,
    distribution: Distribution,
  ): ParamValue {
    return sampleUniform(distribution, this.#rng);
  }

  /**
   * The largest budget (reported step) at which enough finished trials have a value, with those
   * values; null when no budget has enough.
   */
  modelBudget(
    study: StudyView,
    dimensions: number,
  ): { step: number; trials: { trial: FrozenTrial; value: number }[] } | null {
    const needed = this.options.minPointsInModel ?? Math.max(6, dimensions + 2);
    const byStep = new Map<number, { trial: FrozenTrial; value: number }[]>();
    for (const trial of study.trials(['COMPLETE', 'PRUNED'])) {
      for (const [step, value] of trial.intermediateValues) {
        if (!Number.isFinite(value)) continue;
        const list = byStep.get(step) ?? [];
        list.push({ trial, value });
        byStep.set(step, list);
      }
    }
    const steps = [...byStep.keys()].sort((a, b) => b - a);
    for (const step of steps) {
      const trials = byStep.get(step) as { trial: FrozenTrial; value: number }[];
      if (trials.length >= needed) return { step, trials };
    }
    return null;
  }
}

/**
 * BOHB: the {@link BohbSampler} with a {@link HyperbandPruner} over the same budgets.
 *
 * @example
 * const study = createStudy(bohb({ seed: 2, minResource: 1, maxResource: 27 }));
 */
export function bohb(options: {
  readonly seed?: number;
  readonly minResource?: number;
  readonly maxResource: number;
  readonly reductionFactor?: number;
}): { sampler: BohbSampler; pruner: Pruner } {
  return {
    sampler: new BohbSampler(options.seed === undefined ? {} : { seed: options.seed }),
    pruner: new HyperbandPruner({
      maxResource: options.maxResource,
      ...(options.minResource === undefined ? {} : { minResource: options.minResource }),
      ...(options.reductionFactor === undefined
        ? {}
        : { reductionFactor: options.reductionFactor }),
    }),
  };
}
