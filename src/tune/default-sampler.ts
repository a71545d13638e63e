import { Rng } from '../data/rng.js';
import type { Distribution, ParamValue } from './distributions.js';
import { sampleUniform } from './distributions.js';
import type { FrozenTrial, Sampler, StudyView } from './types.js';

/**
 * The study's fallback sampler: each parameter drawn independently and uniformly (log-uniformly
 * on log scales). Unseeded studies seed it from Math.random.
 *
 * @example
 * const study = createStudy({ seed: 7 }); // uses UniformSampler(7)
 */
export class UniformSampler implements Sampler {
  readonly #rng: Rng;

  constructor(seed: number = Math.floor(Math.random() * 0x100000000)) {
    this.#rng = new Rng(seed);
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
