import { Rng } from '../../data/rng.js';
import { InvalidParameterError } from '../../errors.js';
import type { Distribution, ParamValue } from '../distributions.js';
import { sampleUniform } from '../distributions.js';
import { isWritableStudyView } from '../pruner-hook.js';
import type { FrozenTrial, Sampler, StudyView } from '../types.js';
import { CmaState } from './cmaes-state.js';
import { intersectionSearchSpace } from './search-space.js';
import { resolveCount, resolveSeed } from './seed.js';
import { UnitCube } from './unit-cube.js';

/** System attribute recording the CMA-ES generation a trial was sampled in. */
export const CMAES_GENERATION_KEY = 'cmaes:generation';

export interface CmaEsSamplerOptions {
  /** 32-bit seed; omitted → drawn from Math.random. */
  readonly seed?: number;
  /** Initial step size in the unit cube the space is mapped to (log scales honoured). Default 1/6. */
  readonly sigma0?: number;
  /** Candidates per generation (λ); default 4 + ⌊3 ln n⌋. */
  readonly populationSize?: number;
  /** Starting mean by parameter name (values in the parameter's own units); default: the centre. */
  readonly x0?: Readonly<Record<string, number>>;
}

/**
 * CMA-ES over the numeric parameters that every completed trial shares (ints and stepped floats
 * searched continuously, then rounded onto their grid; log scales searched in log space), each
 * mapped to [0, 1]. Candidates outside the cube are redrawn (up to 100 times, then clipped).
 * The first trial, categorical parameters and parameters outside the shared space are sampled
 * uniformly at random, as Optuna's CmaEsSampler does. A generation is told once λ of the trials
 * it sampled have completed; failed and pruned ones are replaced by later trials. The state
 * lives in this sampler (workers in other processes each run their own CMA-ES); each trial's
 * generation is recorded in its system attributes.
 *
 * @example
 * const study = createStudy({ sampler: new CmaEsSampler({ seed: 1 }) });
 */
export class CmaEsSampler implements Sampler {
  readonly options: Readonly<{ seed: number; sigma0: number; populationSize: number | null }>;
  readonly #x0: Readonly<Record<string, number>>;
  readonly #rng: Rng;
  #cube: UnitCube | null = null;
  #state: CmaState | null = null;
  /** Trials sampled in the current generation. */
  #members = new Set<number>();

  constructor(options: CmaEsSamplerOptions = {}) {
    const owner = 'CmaEsSampler';
    const sigma0 = options.sigma0 ?? 1 / 6;
    if (!(sigma0 > 0) || !Number.isFinite(sigma0))
      throw new InvalidParameterError(owner, 'sigma0', `must be a positive number (got ${sigma0})`);
    const populationSize =
      options.populationSize === undefined
        ? null
        : resolveCount(owner, 'populationSize', options.populationSize, 0, 2);
    this.options = Object.freeze({
      seed: resolveSeed(owner, options.seed),
      sigma0,
      populationSize,
    });
    this.#x0 = Object.freeze({ ...(options.x0 ?? {}) });
    this.#rng = new Rng(this.options.seed);
  }

  inferRelativeSearchSpace(study: StudyView): Record<string, Distribution> {
    if (study.directions.length !== 1)
      throw new InvalidParameterError(
        'CmaEsSampler',
        'directions',
        'must hold one objective (RandomSampler, GridSampler and QmcSampler handle several)',
      );
    const space: Record<string, Distribution> = {};
    for (const [name, distribution] of Object.entries(intersectionSearchSpace(study)))
      if (distribution.kind !== 'categorical') space[name] = distribution;
    // One dimension is better served by independent sampling, as in Optuna.
    return Object.keys(space).length >= 2 ? space : {};
  }

  sampleRelative(
    study: StudyView,
    trial: FrozenTrial,
    space: Readonly<Record<string, Distribution>>,
  ): Record<string, ParamValue> {
    const state = this.#stateFor(space);
    this.#tellFinishedGeneration(study, state);
    const n = state.n;
    const x = new Float64Array(n);
    let inside = false;
    for (let attempt = 0; attempt < 100 && !inside; attempt++) {
      state.sample(this.#rng, x);
      inside = x.every((v) => v >= 0 && v <= 1);
    }
    this.#members.add(trial.number);
    if (isWritableStudyView(study))
      study.setTrialSystemAttr(trial.number, CMAES_GENERATION_KEY, state.generations);
    return (this.#cube as UnitCube).fromUnit(x);
  }

  sampleIndependent(
    _study: StudyView,
    _trial: FrozenTrial,
    _name: string,
    distribution: Distribution,
  ): ParamValue {
    return sampleUniform(distribution, this.#rng);
  }

  /** The CMA-ES for this space, started afresh when the space changes. */
  #stateFor(space: Readonly<Record<string, Distribution>>): CmaState {
    const cube = new UnitCube(space);
    if (this.#state !== null && this.#cube !== null && cube.key === this.#cube.key)
      return this.#state;
    this.#cube = cube;
    const centre = cube.toUnit(
      Object.fromEntries(cube.names.map((name) => [name, this.#x0[name] ?? Number.NaN] as const)),
    );
    const mean = centre.map((v, i) =>
      cube.names[i] in this.#x0 && Number.isFinite(v) ? Math.min(1, Math.max(0, v)) : 0.5,
    );
    const n = cube.dimensions;
    this.#state = new CmaState(
      mean,
      this.options.sigma0,
      this.options.populationSize ?? 4 + Math.floor(3 * Math.log(n)),
    );
    this.#members = new Set();
    return this.#state;
  }

  /** Tells the generation once λ of its trials are complete: best first by the objective. */
  #tellFinishedGeneration(study: StudyView, state: CmaState): void {
    const complete = study
      .trials(['COMPLETE'])
      .filter((t) => this.#members.has(t.number) && t.values !== null);
    if (complete.length < state.lambda) return;
    const sign = study.directions[0] === 'maximize' ? -1 : 1;
    const ranked = complete
      .slice(0, state.lambda)
      .sort((a, b) => sign * ((a.values as number[])[0] - (b.values as number[])[0]));
    const cube = this.#cube as UnitCube;
    state.tell(ranked.map((t) => cube.toUnit(t.params)));
    this.#members = new Set();
  }
}
