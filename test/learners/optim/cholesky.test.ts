import { describe, expect, it } from 'vitest';
import { choleskyFactor, choleskySolve } from '../../../src/learners/optim/cholesky.js';
import { Rng } from '../../../src/data/rng.js';

/** A random symmetric positive definite m × m matrix, B·Bᵀ + I. */
function spd(m: number, seed: number): Float64Array {
  const rng = new Rng(seed);
  const B = Float64Array.from({ length: m * m }, () => rng.normal());
  const A = new Float64Array(m * m);
  for (let i = 0; i < m; i++)
    for (let j = 0; j < m; j++) {
      let s = i === j ? 1 : 0;
      for (let k = 0; k < m; k++) s += B[i * m + k] * B[j * m + k];
      A[i * m + j] = s;
    }
  return A;
}

describe('choleskyFactor and choleskySolve', () => {
  it('solve a positive definite system to a residual near rounding', () => {
    const m = 12;
    const A = spd(m, 3);
    const b = Float64Array.from({ length: m }, (_, i) => i - 4);
    const L = A.slice();
    expect(choleskyFactor(L, m)).toBe(true);
    const x = b.slice();
    choleskySolve(L, m, x);
    for (let i = 0; i < m; i++) {
      let s = 0;
      for (let j = 0; j < m; j++) s += A[i * m + j] * x[j];
      expect(Math.abs(s - b[i])).toBeLessThan(1e-10);
    }
  });

  it('read only the lower triangle', () => {
    const m = 6;
    const A = spd(m, 5);
    const lowerOnly = A.slice();
    for (let i = 0; i < m; i++) for (let j = i + 1; j < m; j++) lowerOnly[i * m + j] = Number.NaN;
    const full = A.slice();
    expect(choleskyFactor(full, m)).toBe(true);
    expect(choleskyFactor(lowerOnly, m)).toBe(true);
    for (let i = 0; i < m; i++)
      for (let j = 0; j <= i; j++) expect(lowerOnly[i * m + j]).toBe(full[i * m + j]);
  });

  it('report an indefinite matrix', () => {
    expect(choleskyFactor(new Float64Array([1, 0, 2, 1]), 2)).toBe(false);
  });

  it('report a singular matrix (rank one) as not numerically positive definite', () => {
    expect(choleskyFactor(new Float64Array([1, 0, 0, 1, 1, 0, 1, 1, 1]), 3)).toBe(false);
  });
});
