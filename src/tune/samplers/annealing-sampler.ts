import { Rng } from '../../data/rng.js';
import { InvalidParameterError } from '../../errors.js';
import type { Distribution, ParamValue } from '../distributions.js';
import { sampleUniform } from '../distributions.js';
import type { FrozenTrial, Sampler, StudyView } from '../types.js';
import { intersectionSearchSpace } from './search-space.js';
import { resolveCount, resolveSeed } from './seed.js';
import { UnitCube } from './unit-cube.js';

export interface AnnealingSamplerOptions {
  readonly seed?: number;
  /** Random trials before annealing starts from the best of them. Default 10. */
  readonly nStartupTrials?: number;
  /** Starting temperature, in standard deviations of the values seen. Default 1. */
  readonly initialTemperature?: number;
  /** Factor the temperature is multiplied by after each judged trial, in (0, 1). Default 0.95. */
  readonly cooling?: number;
  /** Standard deviation of a move in the unit cube at the starting temperature. Default 0.15. */
  readonly stepSize?: number;
}

/**
 * Simulated annealing: each trial is a neighbour of the current point — a Gaussian step in the
 * unit cube (smaller as the temperature falls) for numeric parameters, and, for each categorical
 * one, a jump to another choice with probability 1/d — and a completed neighbour replaces the
 * current point if it is better, or with the Metropolis probability exp(−Δ/T) when it is worse
 * (Δ in standard deviations of the values seen so far). The first trials are random; the
 * search space is the one every completed trial shares, other parameters are drawn uniformly.
 *
 * @example
 * const study = createStudy({ sampler: new AnnealingSampler({ seed: 1, cooling: 0.9 }) });
 */
export class AnnealingSampler implements Sampler {
  readonly options: Readonly<Required<AnnealingSamplerOptions>>;
  readonly #rng: Rng;
  #cube: UnitCube | null = null;
  #current: { point: Float64Array; value: number } | null = null;
  #temperature: number;
  /** Trial numbers this sampler proposed and has not judged yet. */
  readonly #proposed = new Set<number>();

  constructor(options: AnnealingSamplerOptions = {}) {
    const owner = 'AnnealingSampler';
    const initialTemperature = options.initialTemperature ?? 1;
    const cooling = options.cooling ?? 0.95;
    const stepSize = options.stepSize ?? 0.15;
    if (!(initialTemperature > 0) || !Number.isFinite(initialTemperature))
      throw new InvalidParameterError(
        owner,
        'initialTemperature',
        `must be > 0 (got ${initialTemperature})`,
      );
    if (!(cooling > 0 && cooling < 1))
      throw new InvalidParameterError(owner, 'cooling', `must be in (0, 1) (got ${cooling})`);
    if (!(stepSize > 0 && stepSize <= 1))
      throw new InvalidParameterError(owner, 'stepSize', `must be in (0, 1] (got ${stepSize})`);
    this.options = Object.freeze({
      seed: resolveSeed(owner, options.seed),
      nStartupTrials: resolveCount(owner, 'nStartupTrials', options.nStartupTrials, 10, 1),
      initialTemperature,
      cooling,
      stepSize,
    });
    this.#rng = new Rng(this.options.seed);
    this.#temperature = initialTemperature;
  }

  inferRelativeSearchSpace(study: StudyView): Record<string, Distribution> {
    if (study.directions.length !== 1)
      throw new InvalidParameterError('AnnealingSampler', 'directions', 'must hold one objective');
    if (study.trials(['COMPLETE']).length < this.options.nStartupTrials) return {};
    return intersectionSearchSpace(study);
  }

  sampleRelative(
    study: StudyView,
    trial: FrozenTrial,
    space: Readonly<Record<string, Distribution>>,
  ): Record<string, ParamValue> {
    const cube = new UnitCube(space);
    const sign = study.directions[0] === 'maximize' ? -1 : 1;
    const complete = study.trials(['COMPLETE']);
    if (this.#cube === null || this.#cube.key !== cube.key || this.#current === null) {
      this.#cube = cube;
      const best = complete.reduce((a, b) =>
        sign * (b.values as number[])[0] < sign * (a.values as number[])[0] ? b : a,
      );
      this.#current = {
        point: cube.toUnit(best.params),
        value: sign * (best.values as number[])[0],
      };
      this.#proposed.clear();
      this.#temperature = this.options.initialTemperature;
    }
    this.#judge(complete, sign);
    const current = this.#current as { point: Float64Array };
    const scale =
      this.options.stepSize * Math.sqrt(this.#temperature / this.options.initialTemperature);
    const point = Float64Array.from(current.point);
    for (let i = 0; i < point.length; i++) {
      if (cube.isCategorical(i)) {
        if (this.#rng.next() < 1 / point.length) point[i] = this.#rng.next();
      } else {
        point[i] = reflect(point[i] + Math.max(scale, 0.01) * this.#rng.normal());
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

  /** Metropolis steps for the proposals that completed since the last ask, in trial order. */
  #judge(complete: readonly FrozenTrial[], sign: number): void {
    const values = complete.map((t) => sign * (t.values as number[])[0]);
    const mean = values.reduce((s, v) => s + v, 0) / values.length;
    const spread = Math.sqrt(values.reduce((s, v) => s + (v - mean) ** 2, 0) / values.length) || 1;
    const cube = this.#cube as UnitCube;
    for (const trial of complete) {
      if (!this.#proposed.has(trial.number)) continue;
      this.#proposed.delete(trial.number);
      const value = sign * (trial.values as number[])[0];
      const current = this.#current as { point: Float64Array; value: number };
      const worse = (value - current.value) / spread;
      if (worse <= 0 || this.#rng.next() < Math.exp(-worse / this.#temperature))
        this.#current = { point: cube.toUnit(trial.params), value };
      this.#temperature *= this.options.cooling;
    }
  }
}

/** Folds a coordinate back into [0, 1] at the walls. */
function reflect(v: number): number {
  let x = v;
  while (x < 0 || x > 1) x = x < 0 ? -x : 2 - x;
  return x;
}
