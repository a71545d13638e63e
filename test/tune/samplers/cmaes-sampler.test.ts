import { describe, expect, it } from 'vitest';
import { InvalidParameterError } from '../../../src/errors.js';
import { CmaEsSampler, CMAES_GENERATION_KEY } from '../../../src/tune/samplers/cmaes-sampler.js';
import { CmaState } from '../../../src/tune/samplers/cmaes-state.js';
import { RandomSampler } from '../../../src/tune/samplers/index.js';
import { Rng } from '../../../src/data/rng.js';
import { createStudy } from '../../../src/tune/study.js';
import type { Sampler } from '../../../src/tune/types.js';
import type { Trial } from '../../../src/tune/trial.js';
import { describeSamplerConformance } from './conformance.js';

describeSamplerConformance('CmaEsSampler', (seed) => new CmaEsSampler({ seed }));

/** A 5-D ellipsoid with its optimum away from the centre of the box. */
function ellipsoid(trial: Trial): number {
  let sum = 0;
  for (let i = 0; i < 5; i++) {
    const v = trial.suggestFloat(`x${i}`, -5, 5);
    sum += (i + 1) * (v - 1.5) ** 2;
  }
  return sum;
}

async function medianBest(make: (seed: number) => Sampler, trials: number): Promise<number> {
  const bests: number[] = [];
  for (let seed = 0; seed < 7; seed++) {
    const study = createStudy({ sampler: make(seed) });
    await study.optimize(ellipsoid, { trials });
    bests.push(study.bestValue);
  }
  return bests.sort((a, b) => a - b)[3];
}

describe('CmaEsSampler', () => {
  it('beats random search on a 5-D ellipsoid (median best of 80 trials over 7 seeds)', async () => {
    const cma = await medianBest((seed) => new CmaEsSampler({ seed }), 80);
    const random = await medianBest((seed) => new RandomSampler({ seed }), 80);
    expect(cma).toBeLessThan(random / 2);
  });

  it('records each trial’s generation, moving on once a population has completed', async () => {
    const study = createStudy({ sampler: new CmaEsSampler({ seed: 1, populationSize: 4 }) });
    await study.optimize(ellipsoid, { trials: 13 });
    const generations = study.trials().map((t) => t.systemAttrs[CMAES_GENERATION_KEY]);
    // Trial 0 is random (no shared space yet); then generations of four.
    expect(generations).toEqual([undefined, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2]);
  });

  it('keeps to the box and the int grid', async () => {
    const study = createStudy({ sampler: new CmaEsSampler({ seed: 2, sigma0: 2 }) });
    await study.optimize(
      (trial) => trial.suggestInt('k', 1, 9) + trial.suggestFloat('lr', 1e-4, 1, { log: true }),
      { trials: 30 },
    );
    for (const t of study.trials()) {
      expect(Number.isInteger(t.params.k)).toBe(true);
      expect(t.params.k).toBeGreaterThanOrEqual(1);
      expect(t.params.k).toBeLessThanOrEqual(9);
      expect(t.params.lr).toBeGreaterThanOrEqual(1e-4);
      expect(t.params.lr).toBeLessThanOrEqual(1);
    }
  });

  it.each([
    [{ sigma0: 0 }, /sigma0/],
    [{ sigma0: Number.NaN }, /sigma0/],
    [{ populationSize: 1 }, /populationSize/],
    [{ populationSize: 2.5 }, /populationSize/],
  ])('refuses %j', (options, message) => {
    expect(() => new CmaEsSampler(options)).toThrow(InvalidParameterError);
    expect(() => new CmaEsSampler(options)).toThrow(message);
  });

  it('refuses a multi-objective study', async () => {
    const study = createStudy({
      directions: ['minimize', 'minimize'],
      sampler: new CmaEsSampler({ seed: 1 }),
    });
    await expect(
      study.optimize((t) => [t.suggestFloat('a', 0, 1), t.suggestFloat('b', 0, 1)], {
        trials: 1,
        catch: false,
      }),
    ).rejects.toThrow(/must hold one objective/);
  });
});

describe('CmaState', () => {
  it('moves its mean toward the optimum and shrinks its step on a sphere', () => {
    const rng = new Rng(3);
    const state = new CmaState(Float64Array.from([0.9, 0.9, 0.9]), 0.3, 8);
    const target = [0.2, 0.4, 0.3];
    const distance = () => Math.hypot(...target.map((t, i) => state.mean[i] - t));
    const before = distance();
    for (let generation = 0; generation < 30; generation++) {
      const population = Array.from({ length: state.lambda }, () => {
        const x = new Float64Array(3);
        state.sample(rng, x);
        return x;
      });
      const loss = (x: Float64Array) => target.reduce((s, t, i) => s + (x[i] - t) ** 2, 0);
      state.tell(population.sort((a, b) => loss(a) - loss(b)));
    }
    expect(distance()).toBeLessThan(before / 10);
    expect(state.sigma).toBeLessThan(0.3);
  });
});
