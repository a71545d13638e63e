import { describe, expect, it } from 'vitest';
import { InvalidParameterError } from '../../../src/errors.js';
import { floatDistribution, intDistribution } from '../../../src/tune/distributions.js';
import { AnnealingSampler } from '../../../src/tune/samplers/annealing-sampler.js';
import { RandomSampler } from '../../../src/tune/samplers/index.js';
import { RecursiveRandomSampler } from '../../../src/tune/samplers/recursive-random-sampler.js';
import type { Sampler } from '../../../src/tune/types.js';
import { describeSamplerConformance } from './conformance.js';
import type { Suggest } from './study-double.js';
import { StudyDouble } from './study-double.js';

describeSamplerConformance('AnnealingSampler', (seed) => new AnnealingSampler({ seed }));
describeSamplerConformance(
  'RecursiveRandomSampler',
  (seed) => new RecursiveRandomSampler({ seed, exploreTrials: 5 }),
);

const x = floatDistribution('x', -5, 5);
const y = floatDistribution('y', -5, 5);
const k = intDistribution('k', 0, 20);

/** A quadratic with an int axis, optimum 0 at (1.5, −0.5, 7). */
function bowl(suggest: Suggest): number {
  const a = suggest('x', x) as number;
  const b = suggest('y', y) as number;
  const c = suggest('k', k) as number;
  return (a - 1.5) ** 2 + 2 * (b + 0.5) ** 2 + 0.1 * (c - 7) ** 2;
}

function medianBest(make: (seed: number) => Sampler, trials = 80): number {
  const bests: number[] = [];
  for (let seed = 0; seed < 11; seed++) {
    const study = new StudyDouble(make(seed));
    study.optimize(bowl, trials);
    bests.push(study.bestValue());
  }
  return bests.sort((p, q) => p - q)[5];
}

describe('AnnealingSampler and RecursiveRandomSampler', () => {
  const random = medianBest((seed) => new RandomSampler({ seed }));

  it('annealing beats random search on a 3-D bowl (median best of 80 trials over 11 seeds)', () => {
    expect(medianBest((seed) => new AnnealingSampler({ seed }))).toBeLessThan(random);
  });

  it('recursive random search beats random search on the same bowl', () => {
    expect(medianBest((seed) => new RecursiveRandomSampler({ seed }))).toBeLessThan(random);
  });

  it.each([
    [() => new AnnealingSampler({ cooling: 1 }), /cooling/],
    [() => new AnnealingSampler({ initialTemperature: 0 }), /initialTemperature/],
    [() => new AnnealingSampler({ stepSize: 2 }), /stepSize/],
    [() => new AnnealingSampler({ nStartupTrials: 0 }), /nStartupTrials/],
    [() => new RecursiveRandomSampler({ shrink: 1 }), /shrink/],
    [() => new RecursiveRandomSampler({ initialBox: 0 }), /initialBox/],
    [() => new RecursiveRandomSampler({ patience: 0 }), /patience/],
  ])('refuses bad options (%#)', (make, message) => {
    expect(make).toThrow(InvalidParameterError);
    expect(make).toThrow(message);
  });
});
