import { describe, expect, it } from 'vitest';
import { minimizeOwlqn } from '../../../src/learners/optim/index.js';

describe('minimizeOwlqn', () => {
  it('solves a separable lasso exactly: soft-thresholding with exact zeros', () => {
    // ½‖D(x − c)‖² + λ‖x‖₁ with diagonal D has x_j = sign(c_j)·max(|c_j| − λ/d_j², 0).
    const c = Float64Array.of(3, -0.2, 0.5, -4, 0.05);
    const d2 = Float64Array.of(1, 2, 0.5, 3, 1);
    const lambda = 0.6;
    const smooth = (x: Float64Array, g: Float64Array): number => {
      let f = 0;
      for (let j = 0; j < x.length; j++) {
        g[j] = d2[j] * (x[j] - c[j]);
        f += 0.5 * d2[j] * (x[j] - c[j]) ** 2;
      }
      return f;
    };
    const x = new Float64Array(c.length);
    const weights = new Float64Array(c.length).fill(lambda);
    const result = minimizeOwlqn(smooth, weights, x, {
      maxIterations: 500,
      gradientTolerance: 1e-12,
      relativeDecreaseTolerance: 0,
    });
    expect(result.converged).toBe(true);
    for (let j = 0; j < c.length; j++) {
      const expected = Math.sign(c[j]) * Math.max(Math.abs(c[j]) - lambda / d2[j], 0);
      if (expected === 0) expect(x[j]).toBe(0);
      else expect(Math.abs(x[j] - expected)).toBeLessThan(1e-10);
    }
  });

  it('leaves coordinates with zero weight unpenalised', () => {
    const smooth = (x: Float64Array, g: Float64Array): number => {
      g[0] = x[0] - 0.1;
      g[1] = x[1] - 0.1;
      return 0.5 * ((x[0] - 0.1) ** 2 + (x[1] - 0.1) ** 2);
    };
    const x = new Float64Array(2);
    minimizeOwlqn(smooth, Float64Array.of(1, 0), x, {
      maxIterations: 100,
      gradientTolerance: 1e-12,
      relativeDecreaseTolerance: 0,
    });
    expect(x[0]).toBe(0);
    expect(Math.abs(x[1] - 0.1)).toBeLessThan(1e-10);
  });
});
