import { describe, expect, it } from 'vitest';
import { InvalidParameterError } from '../../../src/errors.js';
import { categoricalDistribution, floatDistribution } from '../../../src/tune/distributions.js';
import { RandomSampler, TpeSampler } from '../../../src/tune/samplers/index.js';
import type { Sampler } from '../../../src/tune/types.js';
import { describeSamplerConformance } from './conformance.js';
import type { Suggest } from './study-double.js';
import { StudyDouble } from './study-double.js';

describeSamplerConformance('TpeSampler', (seed) => new TpeSampler({ seed }));
describeSamplerConformance(
  'TpeSampler (multivariate, constant liar)',
  (seed) => new TpeSampler({ seed, multivariate: true, constantLiar: true }),
);

const x = floatDistribution('x', -5, 5);
const y = floatDistribution('y', -5, 5);

function quadratic(suggest: Suggest): number {
  const a = suggest('x', x) as number;
  const b = suggest('y', y) as number;
  return (a - 1.5) ** 2 + 2 * (b + 0.5) ** 2;
}

function medianBest(make: (seed: number) => Sampler): number {
  const bests: number[] = [];
  for (let seed = 0; seed < 10; seed++) {
    const study = new StudyDouble(make(seed));
    study.optimize(quadratic, 40);
    bests.push(study.bestValue());
  }
  bests.sort((p, q) => p - q);
  return (bests[4] + bests[5]) / 2;
}

describe('TpeSampler', () => {
  it('beats random search on a 2-D quadratic (median best of 40 trials over 10 seeds)', () => {
    const random = medianBest((seed) => new RandomSampler({ seed }));
    expect(medianBest((seed) => new TpeSampler({ seed }))).toBeLessThan(random);
    expect(medianBest((seed) => new TpeSampler({ seed, multivariate: true }))).toBeLessThan(random);
  });

  it('samples at random for the first nStartupTrials trials', () => {
    const tpe = new StudyDouble(new TpeSampler({ seed: 4, nStartupTrials: 5 }));
    const random = new StudyDouble(new RandomSampler({ seed: 4 }));
    tpe.optimize(quadratic, 5);
    random.optimize(quadratic, 5);
    expect(tpe.trials().map((t) => t.params)).toEqual(random.trials().map((t) => t.params));
  });

  it('concentrates a categorical on the choice with the best values', () => {
    const kind = categoricalDistribution('kind', ['bad', 'good', 'worse']);
    const study = new StudyDouble(new TpeSampler({ seed: 1 }));
    const loss = { bad: 1, good: 0, worse: 2 } as Record<string, number>;
    study.optimize((suggest) => loss[suggest('kind', kind) as string], 60);
    const late = study.trials().slice(30);
    const good = late.filter((t) => t.params.kind === 'good').length;
    expect(good).toBeGreaterThan(late.length / 2);
  });

  it('maximises when the study maximises', () => {
    const study = new StudyDouble(new TpeSampler({ seed: 2 }), 'maximize');
    study.optimize((suggest) => -((suggest('x', x) as number) ** 2), 40);
    const late = study.trials().slice(20);
    const nearZero = late.filter((t) => Math.abs(t.params.x as number) < 2).length;
    expect(nearZero).toBeGreaterThan(late.length / 2);
  });

  it('samples the completed trials’ common parameters jointly when multivariate', () => {
    const sampler = new TpeSampler({ seed: 3, multivariate: true, nStartupTrials: 3 });
    const study = new StudyDouble(sampler);
    study.optimize(quadratic, 5);
    const trial = study.trials()[4];
    const space = sampler.inferRelativeSearchSpace(study);
    expect(Object.keys(space)).toEqual(['x', 'y']);
    const joint = sampler.sampleRelative(study, trial, space);
    expect(Object.keys(joint)).toEqual(['x', 'y']);
  });

  it('spreads concurrent trials with the constant liar', () => {
    const spreads = [false, true].map((constantLiar) => {
      let total = 0;
      for (let seed = 0; seed < 5; seed++) {
        const study = new StudyDouble(new TpeSampler({ seed, constantLiar, nStartupTrials: 5 }));
        study.optimize(quadratic, 20);
        const running = Array.from({ length: 8 }, () => study.start());
        const values = running.map((t) => t.suggest('x', x) as number);
        const mean = values.reduce((s, v) => s + v, 0) / values.length;
        total += values.reduce((s, v) => s + (v - mean) ** 2, 0);
      }
      return total;
    });
    expect(spreads[1]).toBeGreaterThan(spreads[0]);
  });

  it('rejects a multi-objective study', () => {
    const sampler = new TpeSampler({ nStartupTrials: 0 });
    const study = { name: 'mo', directions: ['minimize', 'minimize'] as const, trials: () => [] };
    expect(() => sampler.inferRelativeSearchSpace(study)).not.toThrow();
    expect(() => sampler.sampleIndependent(study, {} as never, 'x', x)).toThrow(
      InvalidParameterError,
    );
  });

  it('rejects invalid options', () => {
    expect(() => new TpeSampler({ nEiCandidates: 0 })).toThrow(InvalidParameterError);
    expect(() => new TpeSampler({ priorWeight: -1 })).toThrow(InvalidParameterError);
  });
});
