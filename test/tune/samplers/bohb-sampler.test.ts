import { describe, expect, it } from 'vitest';
import { InvalidParameterError } from '../../../src/errors.js';
import { BohbSampler, bohb } from '../../../src/tune/samplers/bohb-sampler.js';
import { RandomSampler } from '../../../src/tune/samplers/index.js';
import { HyperbandPruner } from '../../../src/tune/schedulers/hyperband-pruner.js';
import { createStudy } from '../../../src/tune/study.js';
import type { Trial } from '../../../src/tune/trial.js';
import { TrialPruned } from '../../../src/tune/trial-pruned.js';
import type { Pruner, Sampler } from '../../../src/tune/types.js';
import { describeSamplerConformance } from './conformance.js';

describeSamplerConformance('BohbSampler', (seed) => new BohbSampler({ seed }));

/**
 * A multi-fidelity objective: the value after `step` of 27 rounds approaches f(x, y) as noise
 * that shrinks with the budget fades; it reports every round and stops when pruned.
 */
function multiFidelity(trial: Trial): number {
  const x = trial.suggestFloat('x', -3, 3);
  const y = trial.suggestFloat('y', -3, 3);
  const target = (x - 1) ** 2 + (y + 0.5) ** 2;
  let value = 0;
  for (let step = 1; step <= 27; step++) {
    value = target + (2 + Math.sin(7 * x * y + step)) / step;
    trial.report(value, step);
    if (trial.shouldPrune()) throw new TrialPruned();
  }
  return value;
}

async function medianBest(
  make: (seed: number) => { sampler: Sampler; pruner: Pruner },
): Promise<number> {
  const bests: number[] = [];
  for (let seed = 0; seed < 7; seed++) {
    // A fixed name: Hyperband puts trials in brackets by a hash of the study's name, and the
    // default name is random, which made this comparison differ from run to run.
    const study = createStudy({ ...make(seed), name: `multi-fidelity-${seed}` });
    await study.optimize(multiFidelity, { trials: 120 });
    bests.push(study.bestValue);
  }
  return bests.sort((a, b) => a - b)[3];
}

describe('BohbSampler', () => {
  it('finds better configurations than random search under the same Hyperband pruner', async () => {
    const withModel = await medianBest((seed) => bohb({ seed, minResource: 1, maxResource: 27 }));
    const random = await medianBest((seed) => ({
      sampler: new RandomSampler({ seed }),
      pruner: new HyperbandPruner({ minResource: 1, maxResource: 27 }),
    }));
    expect(withModel).toBeLessThan(random);
  });

  it('models the largest budget that has enough observations', async () => {
    const study = createStudy({ sampler: new RandomSampler({ seed: 1 }) });
    for (let i = 0; i < 8; i++) {
      const trial = await study.ask();
      trial.suggestFloat('x', 0, 1);
      trial.report(i, 1);
      if (i < 3) trial.report(i, 9);
      await study.tell(trial, i);
    }
    const sampler = new BohbSampler({ minPointsInModel: 4 });
    expect(sampler.modelBudget(study, 1)?.step).toBe(1);
    expect(new BohbSampler({ minPointsInModel: 3 }).modelBudget(study, 1)?.step).toBe(9);
    expect(new BohbSampler({ minPointsInModel: 9 }).modelBudget(study, 1)).toBeNull();
  });

  it.each([
    [{ randomFraction: 1 }, /randomFraction/],
    [{ topFraction: 0 }, /topFraction/],
    [{ minPointsInModel: 1 }, /minPointsInModel/],
  ])('refuses %j', (options, message) => {
    expect(() => new BohbSampler(options)).toThrow(InvalidParameterError);
    expect(() => new BohbSampler(options)).toThrow(message);
  });
});
