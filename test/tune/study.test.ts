import { describe, expect, it } from 'vitest';
import { InvalidParameterError, StoreConflictError, StoreNotFoundError } from '../../src/errors.js';
import { createStudy, FAIL_REASON_KEY } from '../../src/tune/study.js';
import { NopPruner } from '../../src/tune/schedulers/nop-pruner.js';

describe('createStudy', () => {
  it.each([
    ['an unknown direction', { direction: 'up' as never }],
    [
      'both direction and directions',
      { direction: 'minimize' as const, directions: ['minimize' as const] },
    ],
    ['empty directions', { directions: [] }],
    ['a fractional seed', { seed: 1.5 }],
    ['a seed with a custom sampler', { seed: 1, sampler: { sampleIndependent: () => 0 } }],
    ['an empty name', { name: ' ' }],
  ])('rejects %s', (_, options) => {
    expect(() => createStudy(options)).toThrow(InvalidParameterError);
  });

  it('minimises by default', () => {
    expect(createStudy().direction).toBe('minimize');
  });
});

describe('ask and tell', () => {
  it('records values, states and the best trial for a maximising study', () => {
    const study = createStudy({ direction: 'maximize' });
    for (const value of [1, 5, 3]) study.tell(study.ask(), value);
    study.tell(study.ask(), 'PRUNED');
    study.tell(study.ask().number, 'FAIL');
    expect(study.trials().map((t) => t.state)).toEqual([
      'COMPLETE',
      'COMPLETE',
      'COMPLETE',
      'PRUNED',
      'FAIL',
    ]);
    expect(study.bestValue).toBe(5);
    expect(study.bestTrial.number).toBe(1);
    expect(study.trials(['PRUNED', 'FAIL']).map((t) => t.number)).toEqual([3, 4]);
  });

  it('fails a trial told NaN, with a reason', () => {
    const study = createStudy();
    const told = study.tell(study.ask(), Number.NaN);
    expect(told.state).toBe('FAIL');
    expect(told.systemAttrs[FAIL_REASON_KEY]).toMatch(/NaN/);
  });

  it('refuses to tell a finished trial twice', () => {
    const study = createStudy();
    const trial = study.ask();
    study.tell(trial, 1);
    expect(() => study.tell(trial, 2)).toThrow(StoreConflictError);
  });

  it('refuses a value count that differs from the directions', () => {
    const study = createStudy({ directions: ['minimize', 'minimize'] });
    const trial = study.ask();
    expect(() => study.tell(trial, 1)).toThrow(InvalidParameterError);
    expect(() => study.tell(trial, [1, 2, 3])).toThrow(/3 value\(s\) but the study has 2/);
    expect(study.trials()[0].state).toBe('RUNNING');
  });

  it('refuses an unknown trial number', () => {
    expect(() => createStudy().tell(4, 1)).toThrow(StoreNotFoundError);
  });

  it('refuses values that are not numbers', () => {
    const study = createStudy();
    expect(() => study.tell(study.ask(), 'DONE' as never)).toThrow(InvalidParameterError);
  });

  it('has no best trial before one completes', () => {
    const study = createStudy();
    study.tell(study.ask(), 'FAIL');
    expect(() => study.bestTrial).toThrow(StoreNotFoundError);
  });

  it('keeps study user attributes', () => {
    const study = createStudy();
    study.setUserAttr('dataset', 'letters');
    expect(study.userAttrs).toEqual({ dataset: 'letters' });
  });

  it('lists history rows with value, params and duration', () => {
    const study = createStudy({ seed: 4 });
    const trial = study.ask();
    const x = trial.suggestFloat('x', 0, 1);
    study.tell(trial, x * 2);
    study.ask();
    const [done, running] = study.history();
    expect(done).toMatchObject({
      number: 0,
      state: 'COMPLETE',
      value: x * 2,
      values: [x * 2],
      params: { x },
    });
    expect(done.durationMs).toBeGreaterThanOrEqual(0);
    expect(running).toMatchObject({ number: 1, state: 'RUNNING', value: null, durationMs: null });
  });

  it('refuses pruning questions on a multi-objective study', () => {
    const study = createStudy({ directions: ['minimize', 'maximize'], pruner: new NopPruner() });
    expect(() => study.ask().shouldPrune()).toThrow(InvalidParameterError);
  });
});

describe('constraints', () => {
  it('never picks an infeasible trial as best and records constraint values', () => {
    const study = createStudy({ constraints: (t) => [(t.values as number[])[0] - 10] });
    study.tell(study.ask(), 12);
    expect(() => study.bestTrial).toThrow(StoreNotFoundError);
    study.tell(study.ask(), 20);
    study.tell(study.ask(), 9);
    expect(study.bestValue).toBe(9);
    expect(study.trials()[0].systemAttrs.constraints).toEqual([2]);
  });

  it('fails the trial when the constraints function throws', () => {
    const study = createStudy({
      constraints: () => {
        throw new Error('no constraint');
      },
    });
    const told = study.tell(study.ask(), 1);
    expect(told.state).toBe('FAIL');
    expect(told.systemAttrs[FAIL_REASON_KEY]).toMatch(/no constraint/);
  });
});
