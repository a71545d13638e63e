import { afterEach, describe, expect, it } from 'vitest';
import { InvalidParameterError, StoreConflictError } from '../../../src/errors.js';
import type { Store } from '../../../src/store/store.js';
import { openStudy } from '../../../src/tune/open-study.js';
import type { OpenStudyOptions } from '../../../src/tune/open-study.js';
import { RandomSampler } from '../../../src/tune/samplers/random-sampler.js';
import { RETRIED_FROM_KEY } from '../../../src/tune/storage/orphans.js';
import { requireStudy } from '../../../src/tune/storage/study-rows.js';
import type { Study } from '../../../src/tune/study.js';
import { FAIL_REASON_KEY } from '../../../src/tune/study.js';
import { forEachDialect } from '../../store/dialects.js';
import { freshStore } from '../../store/test-store.js';

const studies: Study[] = [];
afterEach(async () => {
  for (const study of studies.splice(0)) await study.close();
});

async function open(store: Store, options: Partial<OpenStudyOptions> = {}): Promise<Study> {
  const study = await openStudy({ store, name: 'quadratic', seed: 1, ...options });
  studies.push(study);
  return study;
}

const quadratic = (trial: { suggestFloat(n: string, l: number, h: number): number }) =>
  (trial.suggestFloat('x', -4, 4) - 1) ** 2;

const sleep = (ms: number) => new Promise((wake) => setTimeout(wake, ms));

forEachDialect((target) => {
  describe('openStudy', () => {
    it('keeps every trial across close and reopen: state, params, values, reports', async () => {
      const store = await freshStore(target);
      const first = await open(store);
      await first.optimize(
        (trial) => {
          trial.report(Number.NaN, 0);
          trial.report(2, 1);
          return quadratic(trial);
        },
        { trials: 5 },
      );
      const before = first.trials();
      await first.close();
      const reopened = await open(store);
      const after = reopened.trials();
      expect(after.map((t) => [t.number, t.state, t.params, t.values])).toEqual(
        before.map((t) => [t.number, t.state, t.params, t.values]),
      );
      expect([...after[0].intermediateValues]).toEqual([
        [0, Number.NaN],
        [1, 2],
      ]);
      expect(reopened.bestValue).toBe(first.bestValue);
    });

    it('makes each trial a run of the study experiment with params, history and final value', async () => {
      const store = await freshStore(target);
      const study = await open(store);
      await study.optimize(
        (trial) => {
          trial.report(3, 0);
          trial.report(2, 5);
          return quadratic(trial);
        },
        { trials: 2 },
      );
      const runs = await store.listRuns('quadratic');
      expect(runs).toHaveLength(2);
      const trial = study.trials()[0];
      const run = runs.find((r) => r.tags['argmin.trial'] === '0');
      expect(run?.info.status).toBe('FINISHED');
      expect(Number(run?.params.x)).toBe(trial.params.x);
      expect(run?.tags['argmin.study']).toBe('quadratic');
      const history = await store.metricHistory(run?.info.runId ?? '', 'objective');
      expect(history.map((p) => [p.step, p.value])).toEqual([
        [0, 3],
        [5, 2],
      ]);
      expect((await store.metricHistory(run?.info.runId ?? '', 'value'))[0].value).toBe(
        trial.values?.[0],
      );
    });

    it('hands every trial number out once to two studies sharing a store, within the budget', async () => {
      const store = await freshStore(target);
      const a = await open(store, {
        maxTrials: 12,
        seed: undefined,
        sampler: new RandomSampler({ seed: 1 }),
      });
      const b = await open(store, { seed: undefined, sampler: new RandomSampler({ seed: 2 }) });
      const slow = async (trial: Parameters<typeof quadratic>[0]) => {
        await sleep(2);
        return quadratic(trial);
      };
      await Promise.all([
        a.optimize(slow, { trials: 50, concurrency: 2 }),
        b.optimize(slow, { trials: 50, concurrency: 2 }),
      ]);
      await a.refresh();
      const numbers = a.trials().map((t) => t.number);
      expect(numbers).toEqual([...Array(12).keys()]);
      expect(a.trials(['COMPLETE'])).toHaveLength(12);
    });

    it('lets another process claim an enqueued trial with its fixed parameters', async () => {
      const store = await freshStore(target);
      const a = await open(store);
      await a.enqueueTrial({ x: 0.5 });
      const b = await open(store);
      const trial = await b.ask();
      expect(trial.suggestFloat('x', -4, 4)).toBe(0.5);
      await b.tell(trial, 0.25);
      await a.refresh();
      expect(a.trials()[0].values).toEqual([0.25]);
    });

    it('fails a trial whose worker stopped beating and re-queues its parameters', async () => {
      const store = await freshStore(target);
      const options = { heartbeatIntervalMs: 40, retryFailedTrials: 1 };
      const lost = await open(store, options);
      const orphan = await lost.ask();
      const x = orphan.suggestFloat('x', -4, 4);
      await lost.close(); // stops its heartbeat; the trial is still RUNNING in the store
      studies.splice(studies.indexOf(lost), 1);
      await sleep(200);
      const survivor = await open(store, options);
      const retry = await survivor.ask();
      const failed = survivor.trials()[0];
      expect(failed.state).toBe('FAIL');
      expect(String(failed.systemAttrs[FAIL_REASON_KEY])).toMatch(/stopped sending heartbeats/);
      expect(retry.number).toBe(1);
      expect(retry.suggestFloat('x', -4, 4)).toBe(x);
      expect(survivor.trials()[1].systemAttrs[RETRIED_FROM_KEY]).toBe(0);
      const runs = await store.listRuns('quadratic');
      expect(runs.find((r) => r.tags['argmin.trial'] === '0')?.info.status).toBe('FAILED');
    });

    it('refuses to finish a trial another worker failed, and shows it failed', async () => {
      const store = await freshStore(target);
      const slowBeat = await open(store, { heartbeatIntervalMs: 40 });
      const trial = await slowBeat.ask();
      trial.suggestFloat('x', -4, 4);
      // Another worker judges it lost: pretend its last beat was long ago.
      await store.db.updateTable('trials').set({ heartbeat_at: 0 }).execute();
      const other = await open(store);
      await other.ask();
      await expect(slowBeat.tell(trial, 1)).rejects.toThrow(StoreConflictError);
      expect(slowBeat.trials()[0].state).toBe('FAIL');
    });

    it('keeps running trials alive through a long synchronous objective', async () => {
      const store = await freshStore(target);
      const busy = await open(store, { heartbeatIntervalMs: 30 });
      const trial = await busy.ask();
      const until = Date.now() + 300; // ten intervals with the main thread blocked
      while (Date.now() < until);
      const other = await open(store);
      await other.ask();
      expect(other.trials()[0].state).toBe('RUNNING');
      await busy.tell(trial, 1);
      expect(busy.trials()[0].state).toBe('COMPLETE');
    });

    it('stores user attributes given at creation and parents every trial run', async () => {
      const store = await freshStore(target);
      const parent = await store.startRun({ experiment: 'tuning' });
      const study = await open(store, {
        userAttrs: { data: 'credit.csv' },
        parentRunId: parent.id,
      });
      await study.optimize(quadratic, { trials: 2 });
      expect((await requireStudy(store.db, 'quadratic')).userAttrs).toEqual({ data: 'credit.csv' });
      const runs = await store.listRuns('quadratic');
      expect(runs.map((r) => r.info.parentRunId)).toEqual([parent.id, parent.id]);
      await parent.end();
    });

    it('refuses a study name that exists with another direction, naming both', async () => {
      const store = await freshStore(target);
      await open(store, { direction: 'minimize' });
      await expect(open(store, { direction: 'maximize' })).rejects.toThrow(
        /exists with direction\(s\) \["minimize"\]; this asks for \["maximize"\]/,
      );
      await expect(open(store, { loadIfExists: false })).rejects.toThrow(StoreConflictError);
    });

    it.each([
      [{ name: '' }, /name/],
      [{ heartbeatIntervalMs: 0 }, /heartbeatIntervalMs/],
      [{ maxTrials: 0 }, /maxTrials/],
      [{ retryFailedTrials: -1 }, /retryFailedTrials/],
    ])('rejects bad options %j', async (options, message) => {
      const store = await freshStore(target);
      await expect(open(store, options)).rejects.toThrow(InvalidParameterError);
      await expect(open(store, options)).rejects.toThrow(message);
    });
  });
});
