import { describe, expect, it } from 'vitest';
import { InvalidParameterError } from '../../../src/errors.js';
import {
  categoricalDistribution,
  floatDistribution,
  intDistribution,
} from '../../../src/tune/distributions.js';
import { GridSampler, gridAxis } from '../../../src/tune/samplers/index.js';
import { describeSamplerConformance } from './conformance.js';
import { StudyDouble } from './study-double.js';

describeSamplerConformance('GridSampler', (seed) => new GridSampler({ seed }));

const a = intDistribution('a', 1, 3);
const b = categoricalDistribution('b', ['x', 'y']);
const c = floatDistribution('c', 0, 1);

function walk(sampler: GridSampler, trials: number): string[] {
  const study = new StudyDouble(sampler);
  study.optimize((suggest) => {
    suggest('a', a);
    suggest('b', b);
    return suggest('c', c) as number;
  }, trials);
  return study.trials().map((t) => JSON.stringify([t.params.a, t.params.b, t.params.c]));
}

describe('GridSampler', () => {
  it('visits every point of the product exactly once in the first ∏ nᵢ trials', () => {
    const points = walk(new GridSampler({ grid: { a: [1, 2, 3] }, seed: 4, linearSteps: 5 }), 30);
    expect(new Set(points).size).toBe(30);
  });

  it('wraps around past the end, repeating the walk in the same order', () => {
    const points = walk(new GridSampler({ seed: 4, linearSteps: 3 }), 36);
    expect(new Set(points.slice(0, 18)).size).toBe(18);
    expect(points.slice(18)).toEqual(points.slice(0, 18));
  });

  it('orders the walk by the seed', () => {
    const one = walk(new GridSampler({ seed: 1, linearSteps: 3 }), 18);
    const two = walk(new GridSampler({ seed: 2, linearSteps: 3 }), 18);
    expect(one).not.toEqual(two);
    expect(new Set(one)).toEqual(new Set(two));
  });

  it('gives concurrent trials distinct points', () => {
    const study = new StudyDouble(new GridSampler({ seed: 3, linearSteps: 4 }));
    const running = [study.start(), study.start(), study.start(), study.start()];
    const values = running.map((t) => t.suggest('c', c));
    expect(new Set(values).size).toBe(4);
  });

  it('rejects grid values outside the suggested distribution', () => {
    const study = new StudyDouble(new GridSampler({ grid: { a: [7] } }));
    expect(() => study.start().suggest('a', a)).toThrow(InvalidParameterError);
  });

  it('rejects an empty value list', () => {
    expect(() => new GridSampler({ grid: { a: [] } })).toThrow(InvalidParameterError);
  });
});

describe('gridAxis', () => {
  it('spaces a linear range evenly, both ends included', () => {
    const values = gridAxis(floatDistribution('x', -1, 1), 5, 5) as number[];
    expect(values).toHaveLength(5);
    expect(values[0]).toBe(-1);
    expect(values[4]).toBe(1);
    for (let i = 1; i < 5; i++) expect(values[i] - values[i - 1]).toBeCloseTo(0.5, 12);
  });

  it('spaces a log range geometrically', () => {
    const values = gridAxis(floatDistribution('lr', 1e-4, 1, { log: true }), 3, 5) as number[];
    expect(values).toHaveLength(5);
    for (let i = 1; i < 5; i++) expect(values[i] / values[i - 1]).toBeCloseTo(10, 9);
  });

  it('takes every grid point of a short int range and spaced grid points of a long one', () => {
    expect(gridAxis(intDistribution('n', 2, 10, { step: 2 }), 10, 10)).toEqual([2, 4, 6, 8, 10]);
    const long = gridAxis(intDistribution('n', 0, 1000), 11, 11);
    expect(long).toEqual([0, 100, 200, 300, 400, 500, 600, 700, 800, 900, 1000]);
  });

  it('takes every choice of a categorical', () => {
    expect(gridAxis(categoricalDistribution('k', ['a', null, 2]), 2, 2)).toEqual(['a', null, 2]);
  });
});
