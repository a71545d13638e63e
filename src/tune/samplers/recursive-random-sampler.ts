import { Rng } from '../../data/rng.js';
import { InvalidParameterError } from '../../errors.js';
import type { Distribution, ParamValue } from '../distributions.js';
import { sampleUniform } from '../distributions.js';
import type { FrozenTrial, Sampler, StudyView } from '../types.js';
import { intersectionSearchSpace } from './search-space.js';
import { resolveCount, resolveSeed } from './seed.js';
import { UnitCube } from './unit-cube.js';

export interface RecursiveRandomSamplerOptions {
  readonly seed?: number;
  /** Random trials of an exploration phase. Default 20. */
  readonly exploreTrials?: number;
  /** Width of the first exploitation box, as a share of each axis. Default 0.2. */
  readonly initialBox?: number;
  /** Factor the box shrinks by after `patience` trials without improvement. Default 0.5. */
  readonly shrink?: number;
  /** Trials without improvement before the box shrinks. Default 8. */
  readonly patience?: number;
  /** Box width below which the search restarts with a new exploration phase. Default 0.01. */
  readonly minBox?: number;
}

/**
 * Recursive random search (Ye & Kalyanaraman, 2003): explore with uniform random trials, then
 * exploit by sampling uniformly in a box around the best point; a better point re-centres the
 * box ("realign"), `patience` trials without one shrink it, and a box narrower than `minBox`
 * ends the exploitation — a new exploration phase starts, so the search does not stay in one
 * basin. Categorical axes take a random choice with probability equal to the box width.
 *
 * @example
 * const study = createStudy({ sampler: new RecursiveRandomSampler({ seed: 4 }) });
 */
export class RecursiveRandomSampler implements Sampler {
  readonly options: Readonly<Required<RecursiveRandomSamplerOptions>>;
  readonly #rng: Rng;
  #cube: UnitCube | null = null;
  #centre: { point: Float64Array; value: number } | null = null;
  #box = 0;
  #failures = 0;
  /** Trials of the current phase, with whether they were exploitation samples. */
  readonly #proposed = new Set<number>();
  #exploreLeft = 0;
  /** Best of the current exploration phase (exploitation starts from it). */
  #phaseBest: { point: Float64Array; value: number } | null = null;

  constructor(options: RecursiveRandomSamplerOptions = {}) {
    const owner = 'RecursiveRandomSampler';
    const share = (name: string, value: number, low: number, high: number) => {
      if (!(value > low && value <= high))
        throw new InvalidParameterError(owner, name, `must be in (${low}, ${high}] (got ${value})`);
      return value;
    };
    this.options = Object.freeze({
      seed: resolveSeed(owner, options.seed),
      exploreTrials: resolveCount(owner, 'exploreTrials', options.exploreTrials, 20, 1),
      initialBox: share('initialBox', options.initialBox ?? 0.2, 0, 1),
      shrink: share('shrink', options.shrink ?? 0.5, 0, 0.999),
      patience: resolveCount(owner, 'patience', options.patience, 8, 1),
      minBox: share('minBox', options.minBox ?? 0.01, 0, 1),
    });
    this.#rng = new Rng(this.options.seed);
  }

  inferRelativeSearchSpace(study: StudyView): Record<string, Distribution> {
    if (study.directions.length !== 1)
      throw new InvalidParameterError(
        'RecursiveRandomSampler',
        'directions',
        'must hold one objective',
      );
    return study.trials(['COMPLETE']).length === 0 ? {} : intersectionSearchSpace(study);
  }

  sampleRelative(
    study: StudyView,
    trial: FrozenTrial,
    space: Readonly<Record<string, Distribution>>,
  ): Record<string, ParamValue> {
    const cube = new UnitCube(space);
    if (this.#cube === null || this.#cube.key !== cube.key) {
      this.#cube = cube;
      this.#restart();
    }
    this.#learn(study);
    const point = new Float64Array(cube.dimensions);
    if (this.#exploreLeft > 0 || this.#centre === null) {
      this.#exploreLeft = Math.max(0, this.#exploreLeft - 1);
      for (let i = 0; i < point.length; i++) point[i] = this.#rng.next();
    } else {
      const centre = this.#centre.point;
      for (let i = 0; i < point.length; i++) {
        if (cube.isCategorical(i))
          point[i] = this.#rng.next() < this.#box ? this.#rng.next() : centre[i];
        else point[i] = centre[i] + this.#box * (this.#rng.next() - 0.5);
      }
    }
    this.#proposed.add(trial.number);
    return cube.fromUnit(point);
  }

  sampleIndependent(
    _study: StudyView,
    _trial: FrozenTrial,
    _name: string,
    distribution: Distribution,
  ): ParamValue {
    return sampleUniform(distribution, this.#rng);
  }

  #restart(): void {
    this.#exploreLeft = this.options.exploreTrials;
    this.#centre = null;
    this.#phaseBest = null;
    this.#box = this.options.initialBox;
    this.#failures = 0;
  }

  /** Folds the completed proposals into the phase: best so far, realign, shrink, restart. */
  #learn(study: StudyView): void {
    const sign = study.directions[0] === 'maximize' ? -1 : 1;
    const cube = this.#cube as UnitCube;
    for (const trial of study.trials(['COMPLETE'])) {
      if (!this.#proposed.has(trial.number)) continue;
      this.#proposed.delete(trial.number);
      const value = sign * (trial.values as number[])[0];
      const point = cube.toUnit(trial.params);
      if (this.#centre === null) {
        if (this.#phaseBest === null || value < this.#phaseBest.value)
          this.#phaseBest = { point, value };
        if (this.#exploreLeft === 0 && this.#proposed.size === 0) this.#centre = this.#phaseBest;
        continue;
      }
      if (value < this.#centre.value) {
        this.#centre = { point, value };
        this.#failures = 0;
      } else if (++this.#failures >= this.options.patience) {
        this.#box *= this.options.shrink;
        this.#failures = 0;
        if (this.#box < this.options.minBox) this.#restart();
      }
    }
    if (this.#centre === null && this.#exploreLeft === 0 && this.#phaseBest !== null)
      this.#centre = this.#phaseBest;
  }
}
