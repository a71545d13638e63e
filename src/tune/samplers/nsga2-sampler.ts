import { Rng } from '../../data/rng.js';
import { InvalidParameterError } from '../../errors.js';
import type { Distribution, ParamValue } from '../distributions.js';
import { sampleUniform } from '../distributions.js';
import { isWritableStudyView } from '../pruner-hook.js';
import type { FrozenTrial, Sampler, StudyView } from '../types.js';
import { constrainedDominates, selectElite } from './nsga2/selection.js';
import { intersectionSearchSpace } from './search-space.js';
import { resolveCount, resolveSeed } from './seed.js';

/** System attribute holding the NSGA-II generation a trial belongs to. */
export const NSGA2_GENERATION_KEY = 'nsga2:generation';

export interface Nsga2SamplerOptions {
  readonly seed?: number;
  /** Trials per generation. Default 50. */
  readonly populationSize?: number;
  /** Probability that a child mixes its two parents (else it copies the first). Default 0.9. */
  readonly crossoverProb?: number;
  /** With uniform crossover, the probability each parameter comes from the second parent. Default 0.5. */
  readonly swappingProb?: number;
  /** Probability that a parameter is redrawn at random; default 1 / (number of parameters). */
  readonly mutationProb?: number;
}

/**
 * NSGA-II (Deb et al., 2002) with Optuna 3.1's choices: the first generation is random; each
 * later trial is a child of two parents picked by binary tournament (constrained domination,
 * Deb's rule with the study's constraints) from the elite of the previous generation and its
 * parents — whole non-dominated fronts, the last one cut by crowding distance — made by uniform
 * crossover and mutated by redrawing parameters at random. Works for one objective or several.
 * A trial's generation is kept in its system attributes, so a study reopened from the store
 * resumes the same generations.
 *
 * @example
 * const study = createStudy({ directions: ['minimize', 'minimize'], sampler: new Nsga2Sampler({ seed: 1 }) });
 */
export class Nsga2Sampler implements Sampler {
  readonly options: Readonly<{
    seed: number;
    populationSize: number;
    crossoverProb: number;
    swappingProb: number;
    mutationProb: number | null;
  }>;
  readonly #rng: Rng;
  /** Generations of trials this sampler placed (for studies that keep no system attributes). */
  readonly #generations = new Map<number, number>();
  /** Elite parents by generation, computed once that generation's predecessor is full. */
  readonly #elites = new Map<number, FrozenTrial[]>();
  #parents: FrozenTrial[] = [];

  constructor(options: Nsga2SamplerOptions = {}) {
    const owner = 'Nsga2Sampler';
    const probability = (name: string, value: number) => {
      if (!(value >= 0 && value <= 1))
        throw new InvalidParameterError(
          owner,
          name,
          `must be a probability in [0, 1] (got ${value})`,
        );
      return value;
    };
    this.options = Object.freeze({
      seed: resolveSeed(owner, options.seed),
      populationSize: resolveCount(owner, 'populationSize', options.populationSize, 50, 2),
      crossoverProb: probability('crossoverProb', options.crossoverProb ?? 0.9),
      swappingProb: probability('swappingProb', options.swappingProb ?? 0.5),
      mutationProb:
        options.mutationProb === undefined
          ? null
          : probability('mutationProb', options.mutationProb),
    });
    this.#rng = new Rng(this.options.seed);
  }

  inferRelativeSearchSpace(study: StudyView, trial: FrozenTrial): Record<string, Distribution> {
    const generation = this.#placeTrial(study, trial);
    return generation === 0 ? {} : intersectionSearchSpace(study);
  }

  sampleRelative(
    study: StudyView,
    _trial: FrozenTrial,
    space: Readonly<Record<string, Distribution>>,
  ): Record<string, ParamValue> {
    const names = Object.keys(space);
    const first = this.#tournament(study);
    const second = this.#tournament(study);
    const mix = this.#rng.next() < this.options.crossoverProb;
    const mutation = this.options.mutationProb ?? 1 / Math.max(1, names.length);
    const child: Record<string, ParamValue> = {};
    for (const name of names) {
      const parent = mix && this.#rng.next() < this.options.swappingProb ? second : first;
      if (!Object.hasOwn(parent.params, name)) continue;
      // A mutated parameter is left out: the trial then draws it uniformly at random.
      if (this.#rng.next() < mutation) continue;
      child[name] = parent.params[name];
    }
    return child;
  }

  sampleIndependent(
    _study: StudyView,
    _trial: FrozenTrial,
    _name: string,
    distribution: Distribution,
  ): ParamValue {
    return sampleUniform(distribution, this.#rng);
  }

  /** The trial's generation (recorded on it), with the parents of that generation ready. */
  #placeTrial(study: StudyView, trial: FrozenTrial): number {
    const size = this.options.populationSize;
    const complete = study.trials(['COMPLETE']);
    let generation = 0;
    let parents: FrozenTrial[] = [];
    for (;;) {
      const population = complete
        .filter((t) => this.#generationOf(t) === generation)
        .slice(0, size);
      if (population.length < size) break;
      let elite = this.#elites.get(generation + 1);
      if (elite === undefined) {
        elite = selectElite([...parents, ...population], size, study.directions);
        this.#elites.set(generation + 1, elite);
      }
      parents = elite;
      generation++;
    }
    this.#parents = parents;
    this.#generations.set(trial.number, generation);
    if (isWritableStudyView(study))
      study.setTrialSystemAttr(trial.number, NSGA2_GENERATION_KEY, generation);
    return generation;
  }

  #generationOf(trial: FrozenTrial): number | undefined {
    const recorded = trial.systemAttrs[NSGA2_GENERATION_KEY];
    return typeof recorded === 'number' ? recorded : this.#generations.get(trial.number);
  }

  /** Binary tournament: of two random parents, the one that dominates (else the first drawn). */
  #tournament(study: StudyView): FrozenTrial {
    const parents = this.#parents;
    const a = parents[this.#rng.nextInt(parents.length)];
    const b = parents[this.#rng.nextInt(parents.length)];
    return constrainedDominates(b, a, study.directions) ? b : a;
  }
}
