import { execFileSync } from 'node:child_process';
import { hostname } from 'node:os';
import { describe, expect, it } from 'vitest';
import { StoreError, StoreNotFoundError } from '../../src/errors.js';
import { hydrateRuns } from '../../src/store/hydrate-runs.js';
import { argminVersion } from '../../src/model/version.js';
import { forEachDialect } from './dialects.js';
import { freshStore } from './test-store.js';

forEachDialect((target) => {
  describe('runs', () => {
    it('starts a RUNNING run with its name, params and tags', async () => {
      const store = await freshStore(target);
      const run = await store.startRun({
        name: 'first',
        params: { lr: 0.1, model: 'gbdt' },
        tags: { team: 'risk' },
      });
      const record = await store.getRun(run.id);
      expect(record.info).toMatchObject({ runId: run.id, name: 'first', status: 'RUNNING' });
      expect(record.info.endTime).toBeNull();
      expect(record.params).toEqual({ lr: '0.1', model: 'gbdt' });
      expect(record.tags).toEqual({ team: 'risk' });
    });

    it('records the source: git commit, command line, argmin version and host', async () => {
      const store = await freshStore(target);
      const { info } = await store.getRun((await store.startRun()).id);
      const head = execFileSync('git', ['rev-parse', 'HEAD']).toString().trim();
      expect(info.sourceCommit).toBe(head);
      expect(info.sourceCommand).toContain(process.argv[1].split('/').pop());
      expect(info.argminVersion).toBe(argminVersion());
      expect(info.host).toBe(hostname());
    });

    it('points the run at its artifact folder', async () => {
      const store = await freshStore(target);
      const run = await store.startRun();
      expect((await store.getRun(run.id)).info.artifactUri).toBe(store.artifacts.uriFor(run.id));
    });

    it('ends a run with its status and end time', async () => {
      const store = await freshStore(target);
      const run = await store.startRun();
      const before = Date.now();
      await run.end('FAILED');
      const { info } = await store.getRun(run.id);
      expect(info.status).toBe('FAILED');
      expect(info.endTime).toBeGreaterThanOrEqual(before);
    });

    it('ends as FINISHED by default, and ending again changes nothing', async () => {
      const store = await freshStore(target);
      const run = await store.startRun();
      await run.end();
      await run.end('KILLED');
      expect((await store.getRun(run.id)).info.status).toBe('FINISHED');
    });

    it('refuses metrics after the run ended', async () => {
      const store = await freshStore(target);
      const run = await store.startRun();
      await run.end();
      expect(() => run.logMetric('loss', 1)).toThrow(StoreError);
    });

    it('links a child run to its parent', async () => {
      const store = await freshStore(target);
      const parent = await store.startRun();
      const child = await store.startRun({ parentRunId: parent.id });
      expect((await store.getRun(child.id)).info.parentRunId).toBe(parent.id);
    });

    it('refuses a parent run that does not exist', async () => {
      const store = await freshStore(target);
      await expect(store.startRun({ parentRunId: 'f'.repeat(32) })).rejects.toBeInstanceOf(
        StoreNotFoundError,
      );
    });

    it('reports an unknown run as not found', async () => {
      const store = await freshStore(target);
      await expect(store.getRun('0'.repeat(32))).rejects.toBeInstanceOf(StoreNotFoundError);
    });

    it("lists an experiment's runs newest first", async () => {
      const store = await freshStore(target);
      const ids: string[] = [];
      for (let i = 0; i < 3; i++) {
        ids.push((await store.startRun({ experiment: 'e' })).id);
        await new Promise((wake) => setTimeout(wake, 3));
      }
      await store.startRun({ experiment: 'other' });
      expect((await store.listRuns('e')).map((r) => r.info.runId)).toEqual(ids.reverse());
    });

    it('soft-deletes a run out of the listing and restores it', async () => {
      const store = await freshStore(target);
      const run = await store.startRun({ experiment: 'e' });
      await store.deleteRun(run.id);
      expect(await store.listRuns('e')).toEqual([]);
      expect((await store.getRun(run.id)).info.lifecycleStage).toBe('deleted');
      await store.restoreRun(run.id);
      expect((await store.listRuns('e')).map((r) => r.info.runId)).toEqual([run.id]);
    });

    it('purges a run with everything logged to it and its artifacts', async () => {
      const store = await freshStore(target);
      const run = await store.startRun({ params: { a: 1 } });
      run.logMetric('loss', 1);
      await run.writeArtifact('notes.txt', 'hello');
      await run.end();
      await store.purgeRun(run.id);
      await expect(store.getRun(run.id)).rejects.toBeInstanceOf(StoreNotFoundError);
      expect(await store.metricHistory(run.id, 'loss')).toEqual([]);
      const params = await store.db.selectFrom('params').selectAll().execute();
      expect(params).toEqual([]);
      expect(await store.artifacts.list(run.id)).toEqual([]);
    });

    it('hydrates many runs with a constant number of queries', async () => {
      const store = await freshStore(target);
      for (let i = 0; i < 12; i++) {
        const run = await store.startRun({ experiment: 'e', params: { i } });
        run.logMetric('m', i);
        await run.end();
      }
      let queries = 0;
      const counted = store.db.withPlugin({
        transformQuery: (args) => {
          queries++;
          return args.node;
        },
        transformResult: async (args) => args.result,
      });
      const ids = (await store.listRuns('e')).map((r) => r.info.runId);
      const runs = await hydrateRuns(counted, ids);
      expect(queries).toBe(5);
      expect(runs.map((r) => r.info.runId)).toEqual(ids);
      for (const run of runs) expect(run.metrics.m.last).toBe(Number(run.params.i));
    });
  });
});
