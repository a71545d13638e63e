import { describe, expect, it } from 'vitest';
import { Rng } from '../../../src/data/rng.js';
import { categoricalDistribution, floatDistribution } from '../../../src/tune/distributions.js';
import type { ParzenOptions } from '../../../src/tune/samplers/index.js';
import { ParzenEstimator, defaultWeights, parzenAxis } from '../../../src/tune/samplers/index.js';

const univariate: ParzenOptions = {
  multivariate: false,
  priorWeight: 1,
  considerMagicClip: true,
  considerEndpoints: false,
  exactKernelScale: true,
};

function fitted(options: ParzenOptions, axes = [parzenAxis(floatDistribution('x', -2, 3))]) {
  const rng = new Rng(8);
  const n = 15;
  const observations = new Float64Array(n * axes.length);
  for (let i = 0; i < observations.length; i++) observations[i] = rng.uniform(-2, 0.5);
  return new ParzenEstimator(axes, observations, defaultWeights(n), options);
}

function density(estimator: ParzenEstimator, points: Float64Array): Float64Array {
  const out = new Float64Array(points.length);
  estimator.logPdf(points, points.length, out);
  return out.map(Math.exp);
}

describe('ParzenEstimator', () => {
  it('has a density that integrates to 1 over the range', () => {
    for (const multivariate of [false, true]) {
      const estimator = fitted({ ...univariate, multivariate });
      const cells = 20_000;
      const width = 5 / cells;
      const midpoints = Float64Array.from({ length: cells }, (_, i) => -2 + (i + 0.5) * width);
      const total = density(estimator, midpoints).reduce((s, p) => s + p * width, 0);
      expect(total).toBeCloseTo(1, 4);
    }
  });

  it('has a 2-D density that integrates to 1 over the box', () => {
    const axes = [
      parzenAxis(floatDistribution('x', -2, 3)),
      parzenAxis(floatDistribution('y', -2, 3)),
    ];
    const estimator = fitted({ ...univariate, multivariate: true }, axes);
    const side = 300;
    const width = 5 / side;
    const points = new Float64Array(side * side * 2);
    for (let i = 0; i < side; i++)
      for (let j = 0; j < side; j++) {
        points[(i * side + j) * 2] = -2 + (i + 0.5) * width;
        points[(i * side + j) * 2 + 1] = -2 + (j + 0.5) * width;
      }
    const out = new Float64Array(side * side);
    estimator.logPdf(points, side * side, out);
    expect(out.reduce((s, lp) => s + Math.exp(lp) * width * width, 0)).toBeCloseTo(1, 3);
  });

  it('gives masses that sum to 1 over a stepped grid and over categorical choices', () => {
    const ints = fitted(univariate, [parzenAxis(floatDistribution('n', -2, 3, { step: 1 }))]);
    const grid = Float64Array.from([-2, -1, 0, 1, 2, 3]);
    expect(density(ints, grid).reduce((s, p) => s + p, 0)).toBeCloseTo(1, 6);
    const choices = new ParzenEstimator(
      [parzenAxis(categoricalDistribution('k', ['a', 'b', 'c']))],
      Float64Array.from([0, 0, 2]),
      defaultWeights(3),
      univariate,
    );
    const probabilities = density(choices, Float64Array.from([0, 1, 2]));
    expect(probabilities.reduce((s, p) => s + p, 0)).toBeCloseTo(1, 12);
    expect(probabilities[0]).toBeGreaterThan(probabilities[2]);
    expect(probabilities[2]).toBeGreaterThan(probabilities[1]);
  });

  it('draws only inside the range and onto the grid', () => {
    const estimator = fitted(univariate, [
      parzenAxis(floatDistribution('f', -2, 3, { step: 0.5 })),
    ]);
    const draws = new Float64Array(500);
    estimator.sample(new Rng(1), 500, draws);
    for (const v of draws) {
      expect(v >= -2 && v <= 3).toBe(true);
      expect(Math.abs(v * 2 - Math.round(v * 2))).toBeLessThan(1e-9);
    }
  });

  it('draws where its density is: the sample mean matches the density mean', () => {
    const estimator = fitted(univariate);
    const draws = new Float64Array(20_000);
    estimator.sample(new Rng(2), draws.length, draws);
    const sampleMean = draws.reduce((s, v) => s + v, 0) / draws.length;
    const cells = 5000;
    const width = 5 / cells;
    const midpoints = Float64Array.from({ length: cells }, (_, i) => -2 + (i + 0.5) * width);
    const p = density(estimator, midpoints);
    const mean = midpoints.reduce((s, v, i) => s + v * p[i] * width, 0);
    expect(Math.abs(sampleMean - mean)).toBeLessThan(0.03);
  });
});
