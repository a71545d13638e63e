import { describe, expect, it } from 'vitest';
import { numericColumn } from '../../src/data/column.js';
import { fingerprintFrame } from '../../src/data/fingerprint.js';
import { Frame } from '../../src/data/frame.js';
import { datasetFromFrame } from '../../src/store/dataset-input.js';
import { forEachDialect } from './dialects.js';
import { freshStore } from './test-store.js';

const frame = new Frame([numericColumn('x', [1, 2, 3]), numericColumn('y', [0, 1, 0])]);

forEachDialect((target) => {
  describe('dataset inputs', () => {
    it("links a frame's fingerprint, name and shape to the run", async () => {
      const store = await freshStore(target);
      const run = await store.startRun();
      const datasetId = await run.logInput(datasetFromFrame(frame, 'tiny.csv'), 'train');
      expect((await store.getRun(run.id)).inputs).toEqual([
        {
          datasetId,
          name: 'tiny.csv',
          fingerprint: fingerprintFrame(frame),
          context: 'train',
          rows: 3,
          columns: 2,
        },
      ]);
    });

    it('stores the profile as JSON', async () => {
      const store = await freshStore(target);
      const run = await store.startRun();
      const dataset = datasetFromFrame(frame, 'tiny.csv');
      await run.logInput(dataset);
      const row = await store.db.selectFrom('datasets').select('profile').executeTakeFirstOrThrow();
      expect(JSON.parse(row.profile ?? 'null')).toEqual(dataset.profile);
    });

    it('shares one dataset row between runs that log the same data under the same name', async () => {
      const store = await freshStore(target);
      const a = await store.startRun();
      const b = await store.startRun();
      const idA = await a.logInput(datasetFromFrame(frame, 'tiny.csv'), 'train');
      const idB = await b.logInput(datasetFromFrame(frame, 'tiny.csv'), 'test');
      expect(idB).toBe(idA);
      expect(await store.db.selectFrom('datasets').selectAll().execute()).toHaveLength(1);
    });

    it('keeps one link when a run logs the same input twice, and one per context', async () => {
      const store = await freshStore(target);
      const run = await store.startRun();
      const dataset = datasetFromFrame(frame, 'tiny.csv');
      await run.logInput(dataset, 'train');
      await run.logInput(dataset, 'train');
      await run.logInput(dataset, 'validation');
      const contexts = (await store.getRun(run.id)).inputs.map((input) => input.context);
      expect(contexts).toEqual(['train', 'validation']);
    });
  });
});
