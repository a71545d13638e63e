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

  it('minimises by default', async () => {
    expect(createStudy().direction).toBe('minimize');
  });
});

describe('ask and tell', () => {
  it('records values, states and the best trial for a maximising study', async () => {
    const study = createStudy({ direction: 'maximize' });
    for (const value of [1, 5, 3]) await study.tell(await study.ask(), value);
    await study.tell(await study.ask(), 'PRUNED');
    await study.tell((await study.ask()).number, 'FAIL');
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

  it('fails a trial told NaN, with a reason', async () => {
    const study = createStudy();
    const told = await study.tell(await study.ask(), Number.NaN);
    expect(told.state).toBe('FAIL');
    expect(told.systemAttrs[FAIL_REASON_KEY]).toMatch(/NaN/);
  });

  it('refuses to tell a finished trial twice', async () => {
    const study = createStudy();
    const trial = await study.ask();
    await study.tell(trial, 1);
    await expect((async () => study.tell(trial, 2))()).rejects.toThrow(StoreConflictError);
  });

  it('refuses a value count that differs from the directions', async () => {
    const study = createStudy({ directions: ['minimize', 'minimize'] });
    const trial = await study.ask();
    await expect((async () => study.tell(trial, 1))()).rejects.toThrow(InvalidParameterError);
    await expect((async () => study.tell(trial, [1, 2, 3]))()).rejects.toThrow(
      /3 value\(s\) but the study has 2/,
    );
    expect(study.trials()[0].state).toBe('RUNNING');
  });

  it('refuses an unknown trial number', async () => {
    await expect((async () => createStudy().tell(4, 1))()).rejects.toThrow(StoreNotFoundError);
  });

  it('refuses values that are not numbers', async () => {
    const study = createStudy();
    await expect((async () => study.tell(await study.ask(), 'DONE' as never))()).rejects.toThrow(
      InvalidParameterError,
    );
  });

  it('has no best trial before one completes', async () => {
    const study = createStudy();
    await study.tell(await study.ask(), 'FAIL');
    expect(() => study.bestTrial).toThrow(StoreNotFoundError);
  });

  it('keeps study user attributes', async () => {
    const study = createStudy();
    study.setUserAttr('dataset', 'letters');
    expect(study.userAttrs).toEqual({ dataset: 'letters' });
  });

  it('lists history rows with value, params and duration', async () => {
    const study = createStudy({ seed: 4 });
    const trial = await study.ask();
    const x = trial.suggestFloat('x', 0, 1);
    await study.tell(trial, x * 2);
    await study.ask();
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

  it('refuses pruning questions on a multi-objective study', async () => {
    const study = createStudy({ directions: ['minimize', 'maximize'], pruner: new NopPruner() });
    await expect((async () => (await study.ask()).shouldPrune())()).rejects.toThrow(
      InvalidParameterError,
    );
  });
});

describe('constraints', () => {
  it('never picks an infeasible trial as best and records constraint values', async () => {
    const study = createStudy({ constraints: (t) => [(t.values as number[])[0] - 10] });
    await study.tell(await study.ask(), 12);
    expect(() => study.bestTrial).toThrow(StoreNotFoundError);
    await study.tell(await study.ask(), 20);
    await study.tell(await study.ask(), 9);
    expect(study.bestValue).toBe(9);
    expect(study.trials()[0].systemAttrs.constraints).toEqual([2]);
  });

  it('fails the trial when the constraints function throws', async () => {
    const study = createStudy({
      constraints: () => {
        throw new Error('no constraint');
      },
    });
    const told = await study.tell(await study.ask(), 1);
    expect(told.state).toBe('FAIL');
    expect(told.systemAttrs[FAIL_REASON_KEY]).toMatch(/no constraint/);
  });
});
