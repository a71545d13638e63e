import { describe, expect, it } from 'vitest';
import { AutoSampler } from '../../../src/tune/samplers/auto-sampler.js';
import { GpSampler } from '../../../src/tune/samplers/gp-sampler.js';
import { RandomSampler } from '../../../src/tune/samplers/index.js';
import { createStudy } from '../../../src/tune/study.js';
import type { Trial } from '../../../src/tune/trial.js';
import type { Sampler } from '../../../src/tune/types.js';
import { describeSamplerConformance } from './conformance.js';

describeSamplerConformance('AutoSampler', (seed) => new AutoSampler({ seed }));

const bowl = (trial: Trial) =>
  (trial.suggestFloat('x', -2, 2) - 0.5) ** 2 + (trial.suggestFloat('y', -2, 2) + 1) ** 2;

/** Algorithm selection: the best branch needs its own parameters tuned. */
function conditional(trial: Trial): number {
  const model = trial.suggestCategorical('model', ['a', 'b']);
  if (model === 'a') return 0.5 + trial.suggestFloat('a_x', 0, 1) ** 2;
  const c = trial.suggestFloat('b_c', 1e-3, 1e3, { log: true });
  return Math.log10(c) ** 2 / 4;
}

async function paramsOf(sampler: Sampler, objective: (t: Trial) => number, trials: number) {
  const study = createStudy({ sampler });
  await study.optimize(objective, { trials });
  return study;
}

describe('AutoSampler', () => {
  it('is Gaussian-process BO on a fixed space (same suggestions as GpSampler)', async () => {
    const auto = await paramsOf(new AutoSampler({ seed: 5 }), bowl, 16);
    const gp = await paramsOf(new GpSampler({ seed: 5 }), bowl, 16);
    expect(auto.trials().map((t) => t.params)).toEqual(gp.trials().map((t) => t.params));
  });

  it('switches to TPE on a conditional space and beats random search there', async () => {
    const best = async (make: (seed: number) => Sampler) => {
      const values: number[] = [];
      for (let seed = 0; seed < 7; seed++)
        values.push((await paramsOf(make(seed), conditional, 60)).bestValue);
      return values.sort((a, b) => a - b)[3];
    };
    expect(await best((seed) => new AutoSampler({ seed }))).toBeLessThan(
      await best((seed) => new RandomSampler({ seed })),
    );
  });
});
