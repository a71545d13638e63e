import type { Distribution, ParamValue } from '../distributions.js';
import { fromInternal, internalBounds, toInternal } from '../distributions.js';

/**
 * A search space mapped onto the unit cube, one axis per parameter in internal coordinates
 * (log scales as logs, ints and steps widened by half a step, categoricals by choice index), so
 * samplers that move points around (CMA-ES, annealing, recursive random search) work in one
 * scale and round back onto each parameter's grid only at the end.
 */
export class UnitCube {
  readonly names: readonly string[];
  readonly #distributions: readonly Distribution[];
  readonly #low: Float64Array;
  readonly #span: Float64Array;

  constructor(space: Readonly<Record<string, Distribution>>) {
    this.names = Object.keys(space);
    this.#distributions = Object.values(space);
    this.#low = new Float64Array(this.names.length);
    this.#span = new Float64Array(this.names.length);
    this.#distributions.forEach((distribution, i) => {
      const [low, high] = internalBounds(distribution);
      this.#low[i] = low;
      this.#span[i] = high - low;
    });
  }

  get dimensions(): number {
    return this.names.length;
  }

  /** Whether axis i is a categorical choice (moved by jumps, not steps). */
  isCategorical(i: number): boolean {
    return this.#distributions[i].kind === 'categorical';
  }

  /** A trial's parameters as a point of the cube. */
  toUnit(params: Readonly<Record<string, ParamValue>>): Float64Array {
    return Float64Array.from(this.names, (name, i) => {
      const internal = toInternal(this.#distributions[i], params[name]);
      return this.#span[i] === 0 ? 0.5 : (internal - this.#low[i]) / this.#span[i];
    });
  }

  /** A point of the cube (clipped into it) as parameter values on their grids. */
  fromUnit(point: ArrayLike<number>): Record<string, ParamValue> {
    const params: Record<string, ParamValue> = {};
    this.names.forEach((name, i) => {
      const unit = Math.min(1, Math.max(0, point[i]));
      params[name] = fromInternal(this.#distributions[i], this.#low[i] + unit * this.#span[i]);
    });
    return params;
  }

  /** A key that changes when the space does. */
  get key(): string {
    return JSON.stringify(this.names.map((name, i) => [name, this.#distributions[i]]));
  }
}
