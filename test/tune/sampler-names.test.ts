import { describe, expect, it } from 'vitest';
import { InvalidParameterError } from '../../src/errors.js';
import { SAMPLER_NAMES, samplerByName } from '../../src/tune/sampler-names.js';
import { createStudy } from '../../src/tune/study.js';

describe('samplerByName', () => {
  it.each(SAMPLER_NAMES)('builds a working, seeded "%s" sampler', async (name) => {
    const run = async () => {
      const study = createStudy({ sampler: samplerByName(name, 3) });
      await study.optimize((t) => t.suggestFloat('x', 0, 1), { trials: 12 });
      return study.trials().map((t) => t.params.x);
    };
    expect(await run()).toEqual(await run());
  });

  it('names the samplers there are when asked for an unknown one', () => {
    expect(() => samplerByName('annealing-typo', 1)).toThrow(InvalidParameterError);
    expect(() => samplerByName('annealing-typo', 1)).toThrow(
      /choose one of auto, random, qmc, tpe/,
    );
  });
});
