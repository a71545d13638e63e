import { describe, expect, it } from 'vitest';
import { Rng } from '../../../src/data/rng.js';
import { InvalidParameterError } from '../../../src/errors.js';
import { parameterImportance } from '../../../src/tune/importance/fanova.js';
import { RandomSampler } from '../../../src/tune/samplers/index.js';
import { createStudy } from '../../../src/tune/study.js';
import type { Trial } from '../../../src/tune/trial.js';

async function trialsOf(objective: (trial: Trial, rng: Rng) => number, n = 80) {
  const rng = new Rng(9);
  const study = createStudy({ sampler: new RandomSampler({ seed: 3 }) });
  await study.optimize((trial) => objective(trial, rng), { trials: n });
  return study.trials();
}

describe('parameterImportance', () => {
  it('ranks a parameter with a strong effect far above a weak one, and an unused one last', async () => {
    const trials = await trialsOf((trial, rng) => {
      const x = trial.suggestFloat('x', 0, 1);
      const y = trial.suggestFloat('y', 0, 1);
      trial.suggestFloat('unused', 0, 1);
      return 10 * x + 0.1 * y + 0.01 * rng.normal();
    });
    const importance = parameterImportance(trials, { seed: 0 });
    expect(importance.map((i) => i.param)[0]).toBe('x');
    const byName = Object.fromEntries(importance.map((i) => [i.param, i.importance]));
    expect(byName.x).toBeGreaterThan(0.9);
    expect(byName.unused).toBeLessThan(0.05);
    expect(importance.reduce((s, i) => s + i.importance, 0)).toBeCloseTo(1, 12);
  });

  it('finds a categorical parameter that drives the value', async () => {
    const trials = await trialsOf((trial) => {
      const kind = trial.suggestCategorical('kind', ['a', 'b', 'c']);
      const lr = trial.suggestFloat('lr', 1e-4, 1, { log: true });
      return { a: 0, b: 5, c: 10 }[kind] + 0.1 * Math.log10(lr);
    });
    expect(parameterImportance(trials, { seed: 1 })[0].param).toBe('kind');
  });

  it('is the same for the same seed', async () => {
    const trials = await trialsOf(
      (trial) => trial.suggestFloat('a', 0, 1) * trial.suggestInt('b', 1, 5),
    );
    expect(parameterImportance(trials, { seed: 4 })).toEqual(
      parameterImportance(trials, { seed: 4 }),
    );
  });

  it('needs at least two completed trials', async () => {
    const trials = await trialsOf((trial) => trial.suggestFloat('a', 0, 1), 1);
    expect(() => parameterImportance(trials)).toThrow(InvalidParameterError);
    expect(() => parameterImportance(trials)).toThrow(/at least 2 completed trials/);
  });
});
