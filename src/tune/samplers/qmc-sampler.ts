import { Rng } from '../../data/rng.js';
import { InvalidParameterError } from '../../errors.js';
import type { Distribution, ParamValue } from '../distributions.js';
import { fromInternal, internalBounds, sampleUniform } from '../distributions.js';
import type { FrozenTrial, Sampler, StudyView } from '../types.js';
import { firstPrimes, haltonPermutations, haltonPoint } from './halton.js';
import { trialSearchSpace } from './search-space.js';
import { resolveSeed } from './seed.js';
import { SOBOL_MAX_DIMENSIONS, sobolDirections, sobolPoint } from './sobol.js';

export interface QmcSamplerOptions {
  /** 'sobol' (default) or 'halton'. */
  readonly kind?: 'sobol' | 'halton';
  readonly seed?: number;
  /** Randomise the sequence: a digital shift (Sobol') or digit permutations (Halton). Off by default, as in Optuna. */
  readonly scramble?: boolean;
}

/**
 * Quasi-random (low-discrepancy) search. The joint space is every parameter of the first
 * completed trial (as Optuna's QMCSampler); trial number n takes point n of the sequence over
 * it, so the first trial (sampled at random, since no space is known yet) skips point 0 and
 * concurrent trials get distinct points. Parameters outside that space are drawn at random.
 * Sobol' supports up to 32 parameters in the joint space; beyond that they are drawn at random.
 *
 * @example
 * const sampler = new QmcSampler({ kind: 'halton', seed: 3, scramble: true });
 */
export class QmcSampler implements Sampler {
  readonly options: Readonly<Required<QmcSamplerOptions>>;
  readonly #rng: Rng;
  #space: Record<string, Distribution> | null = null;
  #sequence: ((index: number, out: Float64Array) => void) | null = null;

  constructor(options: QmcSamplerOptions = {}) {
    const kind = options.kind ?? 'sobol';
    if (kind !== 'sobol' && kind !== 'halton')
      throw new InvalidParameterError(
        'QmcSampler',
        'kind',
        `must be 'sobol' or 'halton' (got ${String(kind)})`,
      );
    this.options = Object.freeze({
      kind,
      seed: resolveSeed('QmcSampler', options.seed),
      scramble: options.scramble ?? false,
    });
    this.#rng = new Rng(this.options.seed);
  }

  inferRelativeSearchSpace(study: StudyView): Record<string, Distribution> {
    if (this.#space === null) {
      const first = study.trials(['COMPLETE'])[0];
      if (first === undefined) return {};
      const space = trialSearchSpace(first);
      const names = Object.keys(space);
      const limit = this.options.kind === 'sobol' ? SOBOL_MAX_DIMENSIONS : names.length;
      this.#space = Object.fromEntries(names.slice(0, limit).map((n) => [n, space[n]]));
      this.#sequence = this.#buildSequence(Math.min(limit, names.length));
    }
    return this.#space;
  }

  sampleRelative(
    _study: StudyView,
    trial: FrozenTrial,
    searchSpace: Readonly<Record<string, Distribution>>,
  ): Record<string, ParamValue> {
    const names = Object.keys(searchSpace);
    if (names.length === 0 || this.#sequence === null) return {};
    const point = new Float64Array(names.length);
    this.#sequence(trial.number, point);
    const params: Record<string, ParamValue> = {};
    names.forEach((name, d) => {
      const distribution = searchSpace[name];
      const [low, high] = internalBounds(distribution);
      params[name] = fromInternal(distribution, low + (high - low) * point[d]);
    });
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

  #buildSequence(dimensions: number): (index: number, out: Float64Array) => void {
    const sequenceRng = new Rng(this.options.seed ^ 0x5bd1e995);
    if (this.options.kind === 'sobol') {
      const directions = sobolDirections(dimensions);
      const shift = new Uint32Array(dimensions);
      if (this.options.scramble)
        for (let d = 0; d < dimensions; d++) shift[d] = sequenceRng.nextUint32();
      return (index, out) => sobolPoint(directions, index, shift, out);
    }
    const bases = firstPrimes(dimensions);
    const permutations = this.options.scramble ? haltonPermutations(bases, sequenceRng) : null;
    return (index, out) => haltonPoint(bases, index, permutations, out);
  }
}
