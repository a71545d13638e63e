import { describe, expect, it } from 'vitest';
import { InvalidParameterError, StoreConflictError } from '../../src/errors.js';
import { contains, floatDistribution, intDistribution } from '../../src/tune/distributions.js';
import { createStudy } from '../../src/tune/study.js';
import type { Trial } from '../../src/tune/trial.js';

describe('Trial', () => {
  it('suggests floats, ints and categoricals inside their distributions', async () => {
    const study = createStudy({ seed: 1 });
    for (let i = 0; i < 20; i++) {
      const trial = await study.ask();
      const lr = trial.suggestFloat('lr', 1e-4, 1, { log: true });
      const frac = trial.suggestFloat('frac', 0, 1, { step: 0.25 });
      const depth = trial.suggestInt('depth', 2, 10, { step: 2 });
      const model = trial.suggestCategorical('model', ['tree', 'linear', null]);
      expect(contains(floatDistribution('lr', 1e-4, 1, { log: true }), lr)).toBe(true);
      expect(contains(floatDistribution('frac', 0, 1, { step: 0.25 }), frac)).toBe(true);
      expect(contains(intDistribution('depth', 2, 10, { step: 2 }), depth)).toBe(true);
      expect(['tree', 'linear', null]).toContain(model);
      expect(trial.params).toEqual({ lr, frac, depth, model });
      await study.tell(trial, 0);
    }
  });

  it('returns the same value when a name is suggested twice with the same distribution', async () => {
    const trial = await createStudy({ seed: 2 }).ask();
    const first = trial.suggestFloat('x', 0, 1);
    expect(trial.suggestFloat('x', 0, 1)).toBe(first);
  });

  it('rejects a name suggested again with another distribution', async () => {
    const trial = await createStudy({ seed: 2 }).ask();
    trial.suggestFloat('x', 0, 1);
    expect(() => trial.suggestFloat('x', 0, 2)).toThrow(InvalidParameterError);
    expect(() => trial.suggestInt('x', 0, 1)).toThrow(/another distribution/);
  });

  it.each([
    ['an inverted range', (t: Trial) => t.suggestFloat('a', 2, 1)],
    ['a log scale from 0', (t: Trial) => t.suggestFloat('a', 0, 1, { log: true })],
    ['fractional int bounds', (t: Trial) => t.suggestInt('a', 0.5, 3)],
    ['no categorical choices', (t: Trial) => t.suggestCategorical('a', [])],
  ])('rejects %s with InvalidParameterError', async (_, suggest) => {
    await expect((async () => suggest(await createStudy().ask()))()).rejects.toThrow(
      InvalidParameterError,
    );
  });

  it('stores reported intermediate values, NaN included, keeping the first report of a step', async () => {
    const study = createStudy();
    const trial = await study.ask();
    trial.report(0.5, 0);
    trial.report(Number.NaN, 1);
    trial.report(0.9, 0);
    const reported = study.trials()[0].intermediateValues;
    expect([...reported.entries()]).toEqual([
      [0, 0.5],
      [1, Number.NaN],
    ]);
  });

  it.each([[-1], [1.5], [Number.NaN]])('rejects the report step %s', async (step) => {
    await expect((async () => (await createStudy().ask()).report(1, step))()).rejects.toThrow(
      InvalidParameterError,
    );
  });

  it('keeps user attributes on the trial', async () => {
    const study = createStudy();
    const trial = await study.ask();
    trial.setUserAttr('note', { fold: 3 });
    expect(trial.userAttrs).toEqual({ note: { fold: 3 } });
    expect(study.trials()[0].userAttrs.note).toEqual({ fold: 3 });
  });

  it('refuses suggestions and reports once the trial is finished', async () => {
    const study = createStudy();
    const trial = await study.ask();
    await study.tell(trial, 1);
    expect(() => trial.suggestFloat('x', 0, 1)).toThrow(StoreConflictError);
    expect(() => trial.report(1, 0)).toThrow(StoreConflictError);
  });

  it('numbers trials 0, 1, 2 in creation order', async () => {
    const study = createStudy();
    expect([
      (await study.ask()).number,
      (await study.ask()).number,
      (await study.ask()).number,
    ]).toEqual([0, 1, 2]);
  });
});

describe('enqueued trials', () => {
  it('use the fixed parameters instead of the sampler and sample the rest', async () => {
    const study = createStudy({ seed: 3 });
    await study.enqueueTrial({ x: 0.25, kind: 'b' });
    const trial = await study.ask();
    expect(trial.suggestFloat('x', 0, 1)).toBe(0.25);
    expect(trial.suggestCategorical('kind', ['a', 'b'])).toBe('b');
    const y = trial.suggestFloat('y', 5, 6);
    expect(y).toBeGreaterThanOrEqual(5);
  });

  it('are run before new trials, oldest first', async () => {
    const study = createStudy();
    await study.enqueueTrial({ x: 1 });
    await study.enqueueTrial({ x: 2 });
    expect((await study.ask()).suggestInt('x', 0, 9)).toBe(1);
    expect((await study.ask()).suggestInt('x', 0, 9)).toBe(2);
  });

  it('reject a fixed value outside the distribution', async () => {
    const study = createStudy();
    await study.enqueueTrial({ x: 7 });
    const trial = await study.ask();
    expect(() => trial.suggestFloat('x', 0, 1)).toThrow(InvalidParameterError);
  });
});
