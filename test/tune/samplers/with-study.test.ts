import { describe, expect, it } from 'vitest';
import { createStudy } from '../../../src/tune/study.js';
import type { Sampler } from '../../../src/tune/types.js';
import {
  GridSampler,
  QmcSampler,
  RandomSampler,
  TpeSampler,
} from '../../../src/tune/samplers/index.js';

const samplers: Record<string, () => Sampler> = {
  RandomSampler: () => new RandomSampler({ seed: 1 }),
  GridSampler: () => new GridSampler({ seed: 1 }),
  QmcSampler: () => new QmcSampler({ seed: 1, scramble: true }),
  TpeSampler: () => new TpeSampler({ seed: 1, nStartupTrials: 5 }),
  'TpeSampler (multivariate)': () =>
    new TpeSampler({ seed: 1, nStartupTrials: 5, multivariate: true }),
};

describe('samplers driving the real study', () => {
  for (const [name, make] of Object.entries(samplers)) {
    it(`${name} completes every trial of a mixed search space`, async () => {
      const study = createStudy({ sampler: make() });
      await study.optimize(
        (trial) => {
          const x = trial.suggestFloat('x', -4, 4);
          const n = trial.suggestInt('n', 1, 64, { log: true });
          const kind = trial.suggestCategorical('kind', ['a', 'b']);
          return x * x + Math.log(n) + (kind === 'a' ? 0 : 1);
        },
        { trials: 20 },
      );
      expect(study.trials().map((t) => t.state)).toEqual(new Array(20).fill('COMPLETE'));
    });
  }
});
