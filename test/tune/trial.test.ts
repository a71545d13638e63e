import { describe, expect, it } from 'vitest';
import { InvalidParameterError, StoreConflictError } from '../../src/errors.js';
import { contains, floatDistribution, intDistribution } from '../../src/tune/distributions.js';
import { createStudy } from '../../src/tune/study.js';

describe('Trial', () => {
  it('suggests floats, ints and categoricals inside their distributions', () => {
    const study = createStudy({ seed: 1 });
    for (let i = 0; i < 20; i++) {
      const trial = study.ask();
      const lr = trial.suggestFloat('lr', 1e-4, 1, { log: true });
      const frac = trial.suggestFloat('frac', 0, 1, { step: 0.25 });
      const depth = trial.suggestInt('depth', 2, 10, { step: 2 });
      const model = trial.suggestCategorical('model', ['tree', 'linear', null]);
      expect(contains(floatDistribution('lr', 1e-4, 1, { log: true }), lr)).toBe(true);
      expect(contains(floatDistribution('frac', 0, 1, { step: 0.25 }), frac)).toBe(true);
      expect(contains(intDistribution('depth', 2, 10, { step: 2 }), depth)).toBe(true);
      expect(['tree', 'linear', null]).toContain(model);
      expect(trial.params).toEqual({ lr, frac, depth, model });
      study.tell(trial, 0);
    }
  });

  it('returns the same value when a name is suggested twice with the same distribution', () => {
    const trial = createStudy({ seed: 2 }).ask();
    const first = trial.suggestFloat('x', 0, 1);
    expect(trial.suggestFloat('x', 0, 1)).toBe(first);
  });

  it('rejects a name suggested again with another distribution', () => {
    const trial = createStudy({ seed: 2 }).ask();
    trial.suggestFloat('x', 0, 1);
    expect(() => trial.suggestFloat('x', 0, 2)).toThrow(InvalidParameterError);
    expect(() => trial.suggestInt('x', 0, 1)).toThrow(/another distribution/);
  });

  it.each([
    [
      'an inverted range',
      (t: ReturnType<ReturnType<typeof createStudy>['ask']>) => t.suggestFloat('a', 2, 1),
    ],
    [
      'a log scale from 0',
      (t: ReturnType<ReturnType<typeof createStudy>['ask']>) =>
        t.suggestFloat('a', 0, 1, { log: true }),
    ],
    [
      'fractional int bounds',
      (t: ReturnType<ReturnType<typeof createStudy>['ask']>) => t.suggestInt('a', 0.5, 3),
    ],
    [
      'no categorical choices',
      (t: ReturnType<ReturnType<typeof createStudy>['ask']>) => t.suggestCategorical('a', []),
    ],
  ])('rejects %s with InvalidParameterError', (_, suggest) => {
    expect(() => suggest(createStudy().ask())).toThrow(InvalidParameterError);
  });

  it('stores reported intermediate values, NaN included, keeping the first report of a step', () => {
    const study = createStudy();
    const trial = study.ask();
    trial.report(0.5, 0);
    trial.report(Number.NaN, 1);
    trial.report(0.9, 0);
    const reported = study.trials()[0].intermediateValues;
    expect([...reported.entries()]).toEqual([
      [0, 0.5],
      [1, Number.NaN],
    ]);
  });

  it.each([[-1], [1.5], [Number.NaN]])('rejects the report step %s', (step) => {
    expect(() => createStudy().ask().report(1, step)).toThrow(InvalidParameterError);
  });

  it('keeps user attributes on the trial', () => {
    const study = createStudy();
    const trial = study.ask();
    trial.setUserAttr('note', { fold: 3 });
    expect(trial.userAttrs).toEqual({ note: { fold: 3 } });
    expect(study.trials()[0].userAttrs.note).toEqual({ fold: 3 });
  });

  it('refuses suggestions and reports once the trial is finished', () => {
    const study = createStudy();
    const trial = study.ask();
    study.tell(trial, 1);
    expect(() => trial.suggestFloat('x', 0, 1)).toThrow(StoreConflictError);
    expect(() => trial.report(1, 0)).toThrow(StoreConflictError);
  });

  it('numbers trials 0, 1, 2 in creation order', () => {
    const study = createStudy();
    expect([study.ask().number, study.ask().number, study.ask().number]).toEqual([0, 1, 2]);
  });
});

describe('enqueued trials', () => {
  it('use the fixed parameters instead of the sampler and sample the rest', () => {
    const study = createStudy({ seed: 3 });
    study.enqueueTrial({ x: 0.25, kind: 'b' });
    const trial = study.ask();
    expect(trial.suggestFloat('x', 0, 1)).toBe(0.25);
    expect(trial.suggestCategorical('kind', ['a', 'b'])).toBe('b');
    const y = trial.suggestFloat('y', 5, 6);
    expect(y).toBeGreaterThanOrEqual(5);
  });

  it('are run before new trials, oldest first', () => {
    const study = createStudy();
    study.enqueueTrial({ x: 1 });
    study.enqueueTrial({ x: 2 });
    expect(study.ask().suggestInt('x', 0, 9)).toBe(1);
    expect(study.ask().suggestInt('x', 0, 9)).toBe(2);
  });

  it('reject a fixed value outside the distribution', () => {
    const study = createStudy();
    study.enqueueTrial({ x: 7 });
    const trial = study.ask();
    expect(() => trial.suggestFloat('x', 0, 1)).toThrow(InvalidParameterError);
  });
});
