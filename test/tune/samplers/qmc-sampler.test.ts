import { describe, expect, it } from 'vitest';
import { Rng } from '../../../src/data/rng.js';
import { floatDistribution } from '../../../src/tune/distributions.js';
import {
  QmcSampler,
  SOBOL_MAX_DIMENSIONS,
  firstPrimes,
  haltonPermutations,
  haltonPoint,
  sobolDirections,
  sobolPoint,
} from '../../../src/tune/samplers/index.js';
import { describeSamplerConformance } from './conformance.js';
import { StudyDouble } from './study-double.js';

describeSamplerConformance(
  'QmcSampler (Sobol, scrambled)',
  (seed) => new QmcSampler({ kind: 'sobol', seed, scramble: true }),
);
describeSamplerConformance(
  'QmcSampler (Halton, scrambled)',
  (seed) => new QmcSampler({ kind: 'halton', seed, scramble: true }),
);

function sobol(count: number, dimensions: number, shift = new Uint32Array(dimensions)): number[][] {
  const directions = sobolDirections(dimensions);
  const out = new Float64Array(dimensions);
  const points: number[][] = [];
  for (let i = 0; i < count; i++) {
    sobolPoint(directions, i, shift, out);
    points.push([...out]);
  }
  return points;
}

/** Whether the first 2^k values of each axis fall one in each interval of width 2^−k. */
function stratified(points: number[][], k: number): boolean {
  const cells = 2 ** k;
  return points[0].every((_, d) => {
    const hits = new Set(points.slice(0, cells).map((p) => Math.floor(p[d] * cells)));
    return hits.size === cells;
  });
}

describe('Sobol points', () => {
  it('start with the published 2-D sequence', () => {
    expect(sobol(4, 2)).toEqual([
      [0, 0],
      [0.5, 0.5],
      [0.75, 0.25],
      [0.25, 0.75],
    ]);
  });

  it('stratify every one of 32 axes at every power of two', () => {
    const points = sobol(256, SOBOL_MAX_DIMENSIONS);
    for (let k = 1; k <= 8; k++) expect(stratified(points, k)).toBe(true);
  });

  it('keep the stratification under a random digital shift', () => {
    const rng = new Rng(1);
    const shift = Uint32Array.from({ length: 20 }, () => rng.nextUint32());
    const points = sobol(64, 20, shift);
    expect(points[0].some((v) => v !== 0)).toBe(true);
    expect(stratified(points, 6)).toBe(true);
  });
});

describe('Halton points', () => {
  it('start with the radical inverses in bases 2 and 3', () => {
    const out = new Float64Array(2);
    const expected = [
      [0, 0],
      [1 / 2, 1 / 3],
      [1 / 4, 2 / 3],
      [3 / 4, 1 / 9],
      [1 / 8, 4 / 9],
    ];
    expected.forEach((point, i) => {
      haltonPoint([2, 3], i, null, out);
      expect(out[0]).toBeCloseTo(point[0], 15);
      expect(out[1]).toBeCloseTo(point[1], 15);
    });
  });

  it('permute digits without leaving [0, 1) or repeating a point', () => {
    const bases = firstPrimes(6);
    const permutations = haltonPermutations(bases, new Rng(3));
    const out = new Float64Array(6);
    const seen = new Set<string>();
    for (let i = 0; i < 200; i++) {
      haltonPoint(bases, i, permutations, out);
      for (const v of out) expect(v >= 0 && v < 1).toBe(true);
      seen.add(out.join());
    }
    expect(seen.size).toBe(200);
  });

  it('uses the primes as bases', () => {
    expect(firstPrimes(8)).toEqual([2, 3, 5, 7, 11, 13, 17, 19]);
  });
});

describe('QmcSampler', () => {
  const x = floatDistribution('x', 0, 1);
  const y = floatDistribution('y', 0, 1);

  it('gives trial n point n of the plain Sobol sequence once a trial has completed', () => {
    const study = new StudyDouble(new QmcSampler({ kind: 'sobol' }));
    study.optimize((suggest) => (suggest('x', x) as number) + (suggest('y', y) as number), 8);
    const expected = sobol(8, 2);
    for (const trial of study.trials().slice(1))
      expect([trial.params.x, trial.params.y]).toEqual(expected[trial.number]);
  });

  it('gives trial n point n of the plain Halton sequence once a trial has completed', () => {
    const study = new StudyDouble(new QmcSampler({ kind: 'halton' }));
    study.optimize((suggest) => (suggest('x', x) as number) + (suggest('y', y) as number), 6);
    const out = new Float64Array(2);
    for (const trial of study.trials().slice(1)) {
      haltonPoint([2, 3], trial.number, null, out);
      expect(trial.params.x).toBeCloseTo(out[0], 12);
      expect(trial.params.y).toBeCloseTo(out[1], 12);
    }
  });

  it('rejects an unknown sequence kind', () => {
    expect(() => new QmcSampler({ kind: 'niederreiter' as 'sobol' })).toThrow(/kind/);
  });
});
