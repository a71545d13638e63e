import { describe, expect, it } from 'vitest';
import { minimizeNewtonCholesky } from '../../../src/learners/optim/index.js';
import type { HessianFunction, SmoothObjective } from '../../../src/learners/optim/index.js';

/** Σ log(cosh(xᵢ − cᵢ)) + ½·Σ (xᵢ − xᵢ₊₁)²: smooth, strictly convex, minimum at x = c when c is constant. */
const centre = 0.75;
const objective: SmoothObjective = (x, g) => {
  let f = 0;
  g.fill(0);
  for (let i = 0; i < x.length; i++) {
    const t = x[i] - centre;
    f += Math.abs(t) + Math.log1p(Math.exp(-2 * Math.abs(t))) - Math.LN2;
    g[i] += Math.tanh(t);
    if (i + 1 < x.length) {
      const d = x[i] - x[i + 1];
      f += 0.5 * d * d;
      g[i] += d;
      g[i + 1] -= d;
    }
  }
  return f;
};
const hessian: HessianFunction = (x, H) => {
  const n = x.length;
  H.fill(0);
  for (let i = 0; i < n; i++) {
    const c = 1 / Math.cosh(x[i] - centre);
    H[i * n + i] = c * c + (i > 0 ? 1 : 0) + (i + 1 < n ? 1 : 0);
    if (i > 0) H[i * n + i - 1] = -1;
  }
};
const start = (): Float64Array => Float64Array.from({ length: 8 }, (_, i) => (i % 3) - 1.5);
const stopping = { maxIterations: 100, gradientTolerance: 1e-12, relativeDecreaseTolerance: 0 };

describe('minimizeNewtonCholesky', () => {
  it('reaches the minimum in a handful of iterations without falling back', () => {
    const x = start();
    const result = minimizeNewtonCholesky(objective, hessian, x, stopping);
    expect(result.converged).toBe(true);
    expect(result.fellBack).toBe(false);
    expect(result.iterations).toBeLessThanOrEqual(10);
    for (const v of x) expect(Math.abs(v - centre)).toBeLessThan(1e-10);
  });

  it('stops unconverged at the iteration limit', () => {
    const x = start();
    const result = minimizeNewtonCholesky(objective, hessian, x, { ...stopping, maxIterations: 1 });
    expect(result.converged).toBe(false);
    expect(result.iterations).toBe(1);
  });

  it('adds a ridge and still converges when the Hessian is singular', () => {
    // log cosh(x₀ + x₁ − 1) + log cosh(x₂ + 2): flat along (1, −1, 0), so ∇² is singular.
    const flat: SmoothObjective = (x, g) => {
      const a = x[0] + x[1] - 1;
      const b = x[2] + 2;
      g[0] = g[1] = Math.tanh(a);
      g[2] = Math.tanh(b);
      return Math.log(Math.cosh(a)) + Math.log(Math.cosh(b));
    };
    const flatHessian: HessianFunction = (x, H) => {
      const a = 1 / Math.cosh(x[0] + x[1] - 1) ** 2;
      H.fill(0);
      H[0] = H[3] = H[4] = a;
      H[8] = 1 / Math.cosh(x[2] + 2) ** 2;
    };
    const x = new Float64Array([0.3, 1.4, 0.5]);
    const result = minimizeNewtonCholesky(flat, flatHessian, x, stopping);
    expect(result.converged).toBe(true);
    expect(result.fellBack).toBe(false);
    expect(Math.abs(x[0] + x[1] - 1)).toBeLessThan(1e-12);
    expect(Math.abs(x[2] + 2)).toBeLessThan(1e-12);
  });

  it('falls back to L-BFGS when the Hessian is not positive definite even with a ridge', () => {
    const indefinite: HessianFunction = (x, H) => {
      hessian(x, H);
      for (let i = 0; i < H.length; i++) H[i] = -H[i];
    };
    const x = start();
    const result = minimizeNewtonCholesky(objective, indefinite, x, stopping);
    expect(result.fellBack).toBe(true);
    expect(result.converged).toBe(true);
    for (const v of x) expect(Math.abs(v - centre)).toBeLessThan(1e-8);
  });
});
