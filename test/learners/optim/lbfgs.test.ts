import { describe, expect, it } from 'vitest';
import { minimizeLbfgs } from '../../../src/learners/optim/index.js';

/** Rosenbrock's banana in n dimensions: minimum 0 at (1, …, 1), a classic hard valley. */
function rosenbrock(x: Float64Array, g: Float64Array): number {
  g.fill(0);
  let f = 0;
  for (let i = 0; i + 1 < x.length; i++) {
    const a = x[i + 1] - x[i] * x[i];
    const b = 1 - x[i];
    f += 100 * a * a + b * b;
    g[i] += -400 * a * x[i] - 2 * b;
    g[i + 1] += 200 * a;
  }
  return f;
}

describe('minimizeLbfgs', () => {
  it('finds the Rosenbrock minimum to the requested gradient tolerance', () => {
    const x = new Float64Array(10).fill(-1.2);
    const result = minimizeLbfgs(rosenbrock, x, {
      maxIterations: 1000,
      gradientTolerance: 1e-8,
      relativeDecreaseTolerance: 0,
    });
    expect(result.converged).toBe(true);
    for (const v of x) expect(Math.abs(v - 1)).toBeLessThan(1e-6);
  });

  it('stops unconverged at the iteration limit', () => {
    const x = new Float64Array(10).fill(-1.2);
    const result = minimizeLbfgs(rosenbrock, x, {
      maxIterations: 3,
      gradientTolerance: 1e-12,
      relativeDecreaseTolerance: 0,
    });
    expect(result.converged).toBe(false);
    expect(result.iterations).toBe(3);
  });
});
