import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InvalidParameterError } from '../../../src/errors.js';
import { GaussianProcess } from '../../../src/tune/samplers/gp/gaussian-process.js';
import { GpSampler } from '../../../src/tune/samplers/gp-sampler.js';
import { RandomSampler } from '../../../src/tune/samplers/index.js';
import { createStudy } from '../../../src/tune/study.js';
import type { Trial } from '../../../src/tune/trial.js';
import type { Sampler } from '../../../src/tune/types.js';
import { describeSamplerConformance } from './conformance.js';

describeSamplerConformance('GpSampler', (seed) => new GpSampler({ seed, candidates: 200 }));

const fixture = JSON.parse(
  readFileSync(join(import.meta.dirname, '../../fixtures/gp_matern.json'), 'utf8'),
) as {
  X: number[][];
  y: number[];
  lengths: number[];
  signal: number;
  noise: number;
  test: number[][];
  mean: number[];
  std: number[];
};

function fixtureGp(): GaussianProcess {
  const theta = Float64Array.from([
    ...fixture.lengths.map(Math.log),
    Math.log(fixture.signal),
    Math.log(fixture.noise),
  ]);
  return new GaussianProcess(
    Float64Array.from(fixture.X.flat()),
    Float64Array.from(fixture.y),
    3,
    theta,
  );
}

/** Branin rescaled to the unit square's usual box; optimum 0.397887. */
function branin(trial: Trial): number {
  const x1 = trial.suggestFloat('x1', -5, 10);
  const x2 = trial.suggestFloat('x2', 0, 15);
  const b = 5.1 / (4 * Math.PI ** 2);
  const c = 5 / Math.PI;
  return (x2 - b * x1 ** 2 + c * x1 - 6) ** 2 + 10 * (1 - 1 / (8 * Math.PI)) * Math.cos(x1) + 10;
}

async function medianBest(make: (seed: number) => Sampler): Promise<number> {
  const bests: number[] = [];
  for (let seed = 0; seed < 5; seed++) {
    const study = createStudy({ sampler: make(seed) });
    await study.optimize(branin, { trials: 30 });
    bests.push(study.bestValue);
  }
  return bests.sort((a, b) => a - b)[2];
}

describe('GaussianProcess', () => {
  it("predicts scikit-learn's mean and standard deviation (Matérn-5/2, ARD, fixed θ)", () => {
    const gp = fixtureGp();
    gp.condition();
    fixture.test.forEach((point, i) => {
      const { mean, std } = gp.predict(Float64Array.from(point));
      expect(mean).toBeCloseTo(fixture.mean[i], 6);
      expect(std).toBeCloseTo(fixture.std[i], 6);
    });
  });

  it('has the gradient of its objective that finite differences give', () => {
    const gp = fixtureGp();
    const theta = Float64Array.from(gp.theta);
    const gradient = new Float64Array(theta.length);
    gp.negativeLogPosterior(theta, gradient);
    const scratch = new Float64Array(theta.length);
    for (let t = 0; t < theta.length; t++) {
      const h = 1e-5;
      const up = Float64Array.from(theta);
      up[t] += h;
      const down = Float64Array.from(theta);
      down[t] -= h;
      const numeric =
        (gp.negativeLogPosterior(up, scratch) - gp.negativeLogPosterior(down, scratch)) / (2 * h);
      expect(gradient[t]).toBeCloseTo(numeric, 4);
    }
  });

  it('raises the likelihood when fitting its hyper-parameters', () => {
    const gp = fixtureGp();
    const scratch = new Float64Array(5);
    const before = gp.negativeLogPosterior(Float64Array.from(gp.theta), scratch);
    gp.fit();
    expect(gp.negativeLogPosterior(Float64Array.from(gp.theta), scratch)).toBeLessThan(before);
  });
});

describe('GpSampler', () => {
  it('beats random search on Branin (median best of 30 trials over 5 seeds)', async () => {
    const gp = await medianBest((seed) => new GpSampler({ seed }));
    const random = await medianBest((seed) => new RandomSampler({ seed }));
    expect(gp).toBeLessThan(random);
    expect(gp).toBeLessThan(1.5);
  });

  it.each(['ucb', 'pi'] as const)('also optimises with %s', async (acquisition) => {
    const study = createStudy({ sampler: new GpSampler({ seed: 1, acquisition }) });
    await study.optimize(branin, { trials: 25 });
    expect(study.bestValue).toBeLessThan(5);
  });

  it.each([
    [{ acquisition: 'lcb' as never }, /acquisition/],
    [{ ucbBeta: -1 }, /ucbBeta/],
    [{ nStartupTrials: 0 }, /nStartupTrials/],
    [{ maxObservations: 1 }, /maxObservations/],
  ])('refuses %j', (options, message) => {
    expect(() => new GpSampler(options)).toThrow(InvalidParameterError);
    expect(() => new GpSampler(options)).toThrow(message);
  });
});
