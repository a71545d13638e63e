import { describe, expect, it } from 'vitest';
import { FilterParseError } from '../../src/errors.js';
import type { Store } from '../../src/store/store.js';
import { forEachDialect } from './dialects.js';
import { freshStore } from './test-store.js';

async function seed(store: Store): Promise<string[]> {
  const ids: string[] = [];
  for (const [model, auc] of [
    ['gbdt', 0.91],
    ['rf', 0.88],
    ['gbdt', 0.95],
    ['linear', 0.7],
  ] as const) {
    const run = await store.startRun({ experiment: 'search', params: { model } });
    run.logMetric('auc', auc);
    await run.end();
    ids.push(run.id);
  }
  return ids;
}

forEachDialect((target) => {
  describe('searchRuns', () => {
    it('returns hydrated runs matching a filter, in the asked order', async () => {
      const store = await freshStore(target);
      const ids = await seed(store);
      const { runs, nextPageToken } = await store.searchRuns({
        filter: "params.model = 'gbdt' or metrics.auc > 0.9",
        orderBy: ['metrics.auc DESC'],
      });
      expect(runs.map((run) => run.info.runId)).toEqual([ids[2], ids[0]]);
      expect(runs[0].params).toEqual({ model: 'gbdt' });
      expect(runs[0].metrics.auc.last).toBe(0.95);
      expect(nextPageToken).toBeUndefined();
    });

    it('pages through every run exactly once', async () => {
      const store = await freshStore(target);
      const ids = await seed(store);
      const seen: string[] = [];
      let pageToken: string | undefined;
      do {
        const page = await store.searchRuns({ orderBy: ['metrics.auc'], maxResults: 3, pageToken });
        seen.push(...page.runs.map((run) => run.info.runId));
        pageToken = page.nextPageToken;
      } while (pageToken !== undefined);
      expect(seen).toEqual([ids[3], ids[1], ids[0], ids[2]]);
    });

    it('leaves deleted runs out unless asked', async () => {
      const store = await freshStore(target);
      const ids = await seed(store);
      await store.deleteRun(ids[0]);
      expect((await store.searchRuns()).runs).toHaveLength(3);
      const deleted = await store.searchRuns({ lifecycle: 'deleted' });
      expect(deleted.runs.map((run) => run.info.runId)).toEqual([ids[0]]);
    });

    it('reports a malformed filter as a parse error', async () => {
      const store = await freshStore(target);
      await expect(store.searchRuns({ filter: "'; drop table runs; --" })).rejects.toBeInstanceOf(
        FilterParseError,
      );
    });
  });
});
