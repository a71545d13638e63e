import { dot } from './objective.js';

/**
 * The limited-memory inverse-Hessian approximation of L-BFGS: a ring of correction pairs
 * (s = x_{k+1} − x_k, y = g_{k+1} − g_k) and the two-loop recursion. All storage is allocated
 * once; `push` and `applyInverse` allocate nothing.
 */
export class LbfgsMemory {
  readonly #size: number;
  readonly #capacity: number;
  readonly #s: Float64Array;
  readonly #y: Float64Array;
  readonly #rho: Float64Array;
  readonly #alpha: Float64Array;
  #count = 0;
  #newest = -1;
  #gamma = 1;

  constructor(size: number, capacity: number) {
    this.#size = size;
    this.#capacity = capacity;
    this.#s = new Float64Array(size * capacity);
    this.#y = new Float64Array(size * capacity);
    this.#rho = new Float64Array(capacity);
    this.#alpha = new Float64Array(capacity);
  }

  get count(): number {
    return this.#count;
  }

  reset(): void {
    this.#count = 0;
    this.#newest = -1;
    this.#gamma = 1;
  }

  /**
   * Stores a correction pair; skipped (returns false) when sᵀy is not safely positive, which
   * would break positive-definiteness of the approximation.
   */
  push(s: Float64Array, y: Float64Array): boolean {
    const sy = dot(s, y);
    const yy = dot(y, y);
    if (!(sy > 2.220446049250313e-16 * yy) || yy === 0) return false;
    const slot = (this.#newest + 1) % this.#capacity;
    this.#s.set(s, slot * this.#size);
    this.#y.set(y, slot * this.#size);
    this.#rho[slot] = 1 / sy;
    this.#gamma = sy / yy;
    this.#newest = slot;
    if (this.#count < this.#capacity) this.#count++;
    return true;
  }

  /** out = −H·g, the quasi-Newton descent direction (two-loop recursion, H₀ = γI). */
  descentDirection(g: Float64Array, out: Float64Array): void {
    const n = this.#size;
    const s = this.#s;
    const y = this.#y;
    for (let i = 0; i < n; i++) out[i] = -g[i];
    for (let c = 0, slot = this.#newest; c < this.#count; c++) {
      const base = slot * n;
      let a = 0;
      for (let i = 0; i < n; i++) a += s[base + i] * out[i];
      a *= this.#rho[slot];
      this.#alpha[slot] = a;
      for (let i = 0; i < n; i++) out[i] -= a * y[base + i];
      slot = (slot - 1 + this.#capacity) % this.#capacity;
    }
    const gamma = this.#gamma;
    for (let i = 0; i < n; i++) out[i] *= gamma;
    let slot = (this.#newest - this.#count + 1 + this.#capacity) % this.#capacity;
    for (let c = 0; c < this.#count; c++) {
      const base = slot * n;
      let b = 0;
      for (let i = 0; i < n; i++) b += y[base + i] * out[i];
      b = this.#alpha[slot] - this.#rho[slot] * b;
      for (let i = 0; i < n; i++) out[i] += b * s[base + i];
      slot = (slot + 1) % this.#capacity;
    }
  }
}
