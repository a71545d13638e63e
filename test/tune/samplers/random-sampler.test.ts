import { describe, expect, it } from 'vitest';
import { InvalidParameterError } from '../../../src/errors.js';
import { floatDistribution } from '../../../src/tune/distributions.js';
import { RandomSampler } from '../../../src/tune/samplers/index.js';
import { describeSamplerConformance } from './conformance.js';
import { StudyDouble } from './study-double.js';

describeSamplerConformance('RandomSampler', (seed) => new RandomSampler({ seed }));

describe('RandomSampler', () => {
  it('spreads log-scale values evenly over the decades', () => {
    const study = new StudyDouble(new RandomSampler({ seed: 2 }));
    const lr = floatDistribution('lr', 1e-4, 1, { log: true });
    study.optimize((suggest) => suggest('lr', lr) as number, 400);
    const decades = new Array<number>(4).fill(0);
    for (const t of study.trials())
      decades[Math.min(3, Math.floor(-Math.log10(t.params.lr as number)))]++;
    for (const count of decades) expect(count).toBeGreaterThan(60);
  });

  it('rejects a fractional seed', () => {
    expect(() => new RandomSampler({ seed: 1.5 })).toThrow(InvalidParameterError);
  });
});
