import type { Distribution, ParamValue } from '../distributions.js';
import { contains } from '../distributions.js';
import { InvalidParameterError } from '../../errors.js';
import type { FrozenTrial, Sampler, StudyView } from '../types.js';
import { gridAxis } from './grid-axis.js';
import { resolveCount, resolveSeed } from './seed.js';

export interface GridSamplerOptions {
  /** Values to walk per parameter; parameters not named here are discretised. */
  readonly grid?: Readonly<Record<string, readonly ParamValue[]>>;
  readonly seed?: number;
  /** Points on a linear range (both ends included); 10 by default. */
  readonly linearSteps?: number;
  /** Geometrically spaced points on a log range (both ends included); 10 by default. */
  readonly exponentialSteps?: number;
}

interface Axis {
  readonly values: readonly ParamValue[];
  /** Product of the sizes of the axes before this one: the weight of its digit. */
  readonly radix: number;
  readonly index: number;
}

/**
 * Grid search over the Cartesian product of every parameter's values, in a seeded shuffled
 * order. Trial number p (the count of trials already in the study, any state) is the grid
 * position, so concurrent workers and ask-and-tell get distinct points. Axes are the `grid`
 * entries, then the discretised parameters in the order first suggested (see `gridAxis`).
 *
 * Position p is written in mixed radix over the axes; each digit is then shifted by a seeded
 * hash of the lower digits (a bijection), so consecutive trials move along every axis while
 * the first ∏ nᵢ trials still visit every combination exactly once. Past the end the walk
 * wraps around: trial p re-visits the point of trial p mod ∏ nᵢ. A parameter only suggested
 * in some trials (a conditional space) still gets its axis, but its values are only those of
 * the positions where it is suggested, so its coverage is not guaranteed.
 *
 * @example
 * const sampler = new GridSampler({ grid: { depth: [2, 4, 8] }, seed: 1 });
 */
export class GridSampler implements Sampler {
  readonly options: Readonly<{
    grid: Readonly<Record<string, readonly ParamValue[]>>;
    seed: number;
    linearSteps: number;
    exponentialSteps: number;
  }>;
  readonly #axes = new Map<string, Axis>();
  #radix = 1;

  constructor(options: GridSamplerOptions = {}) {
    const grid: Record<string, readonly ParamValue[]> = {};
    for (const [name, values] of Object.entries(options.grid ?? {})) {
      if (!Array.isArray(values) || values.length === 0)
        throw new InvalidParameterError('GridSampler', `grid.${name}`, 'needs at least one value');
      grid[name] = Object.freeze([...values]);
    }
    this.options = Object.freeze({
      grid: Object.freeze(grid),
      seed: resolveSeed('GridSampler', options.seed),
      linearSteps: resolveCount('GridSampler', 'linearSteps', options.linearSteps, 10, 2),
      exponentialSteps: resolveCount(
        'GridSampler',
        'exponentialSteps',
        options.exponentialSteps,
        10,
        2,
      ),
    });
    for (const [name, values] of Object.entries(grid)) this.#addAxis(name, values);
  }

  /** Number of distinct points among the axes known so far. */
  get size(): number {
    return this.#radix;
  }

  sampleIndependent(
    _study: StudyView,
    trial: FrozenTrial,
    name: string,
    distribution: Distribution,
  ): ParamValue {
    const axis =
      this.#axes.get(name) ??
      this.#addAxis(
        name,
        gridAxis(distribution, this.options.linearSteps, this.options.exponentialSteps),
      );
    const value = axis.values[this.#digit(axis, trial.number)];
    if (!contains(distribution, value))
      throw new InvalidParameterError(
        'GridSampler',
        `grid.${name}`,
        `holds ${JSON.stringify(value)}, outside the suggested distribution`,
      );
    return value;
  }

  #addAxis(name: string, values: readonly ParamValue[]): Axis {
    const axis: Axis = { values, radix: this.#radix, index: this.#axes.size };
    this.#axes.set(name, axis);
    this.#radix *= values.length;
    return axis;
  }

  #digit(axis: Axis, position: number): number {
    const n = axis.values.length;
    const plain = Math.floor(position / axis.radix) % n;
    const lower = position % axis.radix;
    return (plain + (mix(this.options.seed, axis.index, lower) % n)) % n;
  }
}

/** A 32-bit integer hash of (seed, axis, lower digits): the seeded shift of one digit. */
function mix(seed: number, axis: number, lower: number): number {
  let h = (seed ^ Math.imul(axis + 1, 0x9e3779b9) ^ Math.imul(lower + 1, 0x85ebca6b)) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x7feb352d);
  h = Math.imul(h ^ (h >>> 15), 0x846ca68b);
  return (h ^ (h >>> 16)) >>> 0;
}
