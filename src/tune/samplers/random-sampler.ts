import { Rng } from '../../data/rng.js';
import type { Distribution, ParamValue } from '../distributions.js';
import { sampleUniform } from '../distributions.js';
import type { FrozenTrial, Sampler, StudyView } from '../types.js';
import { resolveSeed } from './seed.js';

export interface RandomSamplerOptions {
  /** 32-bit seed; omitted → drawn from Math.random. */
  readonly seed?: number;
}

/**
 * Random search: every parameter drawn independently, uniformly (log-uniformly on log scales,
 * uniformly over the step grid for ints and stepped floats, uniformly over categorical choices).
 *
 * @example
 * const study = createStudy({ sampler: new RandomSampler({ seed: 1 }) });
 */
export class RandomSampler implements Sampler {
  readonly options: Readonly<Required<RandomSamplerOptions>>;
  readonly #rng: Rng;

  constructor(options: RandomSamplerOptions = {}) {
    this.options = Object.freeze({ seed: resolveSeed('RandomSampler', options.seed) });
    this.#rng = new Rng(this.options.seed);
  }

  sampleIndependent(
    _study: StudyView,
    _trial: FrozenTrial,
    _name: string,
    distribution: Distribution,
  ): ParamValue {
    return sampleUniform(distribution, this.#rng);
  }
}
