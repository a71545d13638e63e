import { describe, expect, it } from 'vitest';
import { InvalidParameterError } from '../../../src/errors.js';
import { CONSTRAINTS_KEY } from '../../../src/tune/pareto.js';
import { RandomSampler } from '../../../src/tune/samplers/index.js';
import {
  crowdingDistances,
  nondominatedFronts,
  selectElite,
} from '../../../src/tune/samplers/nsga2/selection.js';
import { NSGA2_GENERATION_KEY, Nsga2Sampler } from '../../../src/tune/samplers/nsga2-sampler.js';
import { createStudy } from '../../../src/tune/study.js';
import type { Trial } from '../../../src/tune/trial.js';
import type { FrozenTrial, Sampler } from '../../../src/tune/types.js';
import { describeSamplerConformance } from './conformance.js';

describeSamplerConformance('Nsga2Sampler', (seed) => new Nsga2Sampler({ seed, populationSize: 8 }));

/** ZDT1 in 5 dimensions: both objectives minimised, Pareto front f2 = 1 − √f1 at x2..5 = 0. */
function zdt1(trial: Trial): [number, number] {
  const x = Array.from({ length: 5 }, (_, i) => trial.suggestFloat(`x${i}`, 0, 1));
  const g = 1 + (9 / 4) * x.slice(1).reduce((s, v) => s + v, 0);
  return [x[0], g * (1 - Math.sqrt(x[0] / g))];
}

/** Area dominated by the points (minimised) up to the reference point. */
function hypervolume2d(
  points: readonly (readonly number[])[],
  reference: [number, number],
): number {
  const sorted = points
    .filter((p) => p[0] < reference[0] && p[1] < reference[1])
    .sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  let area = 0;
  let ceiling = reference[1];
  for (const [f1, f2] of sorted) {
    if (f2 >= ceiling) continue;
    area += (reference[0] - f1) * (ceiling - f2);
    ceiling = f2;
  }
  return area;
}

async function medianHypervolume(make: (seed: number) => Sampler): Promise<number> {
  const volumes: number[] = [];
  for (let seed = 0; seed < 5; seed++) {
    const study = createStudy({ directions: ['minimize', 'minimize'], sampler: make(seed) });
    await study.optimize(zdt1, { trials: 300 });
    volumes.push(
      hypervolume2d(
        study.bestTrials.map((t) => t.values as number[]),
        [1.1, 11],
      ),
    );
  }
  return volumes.sort((a, b) => a - b)[2];
}

function trial(number: number, values: number[], constraints?: number[]): FrozenTrial {
  return {
    number,
    state: 'COMPLETE',
    values,
    params: {},
    distributions: {},
    intermediateValues: new Map(),
    userAttrs: {},
    systemAttrs: constraints === undefined ? {} : { [CONSTRAINTS_KEY]: constraints },
    startedAt: 0,
    completedAt: 0,
  };
}

describe('Nsga2Sampler', () => {
  it('finds a larger Pareto hypervolume on ZDT1 than random search (300 trials, 5 seeds)', async () => {
    const nsga = await medianHypervolume((seed) => new Nsga2Sampler({ seed, populationSize: 30 }));
    const random = await medianHypervolume((seed) => new RandomSampler({ seed }));
    expect(nsga).toBeGreaterThan(random);
  });

  it('records generations of populationSize completed trials', async () => {
    const study = createStudy({
      directions: ['minimize', 'minimize'],
      sampler: new Nsga2Sampler({ seed: 1, populationSize: 4 }),
    });
    await study.optimize(zdt1, { trials: 10 });
    expect(study.trials().map((t) => t.systemAttrs[NSGA2_GENERATION_KEY])).toEqual([
      0, 0, 0, 0, 1, 1, 1, 1, 2, 2,
    ]);
  });

  it.each([
    [{ populationSize: 1 }, /populationSize/],
    [{ crossoverProb: 1.5 }, /crossoverProb/],
    [{ swappingProb: -0.1 }, /swappingProb/],
    [{ mutationProb: 2 }, /mutationProb/],
  ])('refuses %j', (options, message) => {
    expect(() => new Nsga2Sampler(options)).toThrow(InvalidParameterError);
    expect(() => new Nsga2Sampler(options)).toThrow(message);
  });
});

describe('NSGA-II selection', () => {
  const directions = ['minimize', 'minimize'] as const;

  it('sorts trials into non-dominated fronts, best first', () => {
    const trials = [
      trial(0, [1, 5]),
      trial(1, [2, 2]),
      trial(2, [3, 3]),
      trial(3, [5, 1]),
      trial(4, [4, 4]),
    ];
    const fronts = nondominatedFronts(trials, directions).map((f) => f.map((t) => t.number));
    expect(fronts).toEqual([[0, 1, 3], [2], [4]]);
  });

  it('puts feasible trials ahead of infeasible ones, the smaller violation first', () => {
    const trials = [trial(0, [9, 9]), trial(1, [0, 0], [2]), trial(2, [0, 0], [0.5])];
    const fronts = nondominatedFronts(trials, directions).map((f) => f.map((t) => t.number));
    expect(fronts).toEqual([[0], [2], [1]]);
  });

  it('gives the extremes infinite crowding distance and ranks by spread', () => {
    const front = [trial(0, [0, 4]), trial(1, [1, 3]), trial(2, [3.5, 0.5]), trial(3, [4, 0])];
    const distance = crowdingDistances(front);
    expect(distance.get(0)).toBe(Infinity);
    expect(distance.get(3)).toBe(Infinity);
    // Trial 1's neighbours are further apart (1.75 of the normalised ranges) than trial 2's (1.5).
    expect(distance.get(1)).toBeCloseTo(1.75, 12);
    expect(distance.get(2)).toBeCloseTo(1.5, 12);
    expect(selectElite(front, 3, directions).map((t) => t.number)).toEqual([0, 3, 1]);
  });
});
