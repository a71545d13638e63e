import { describe, expect, it } from 'vitest';
import { StoreConflictError } from '../../src/errors.js';
import { forEachDialect } from './dialects.js';
import { freshStore } from './test-store.js';

forEachDialect((target) => {
  describe('params and tags', () => {
    it('stores params as text and numeric params also as numbers', async () => {
      const store = await freshStore(target);
      const run = await store.startRun();
      await run.logParams({ lr: 0.001, depth: 6, model: 'gbdt', flag: true, code: '1e3' });
      const rows = await store.db
        .selectFrom('params')
        .select(['key', 'value', 'value_num'])
        .orderBy('key')
        .execute();
      expect(rows).toEqual([
        { key: 'code', value: '1e3', value_num: 1000 },
        { key: 'depth', value: '6', value_num: 6 },
        { key: 'flag', value: 'true', value_num: null },
        { key: 'lr', value: '0.001', value_num: 0.001 },
        { key: 'model', value: 'gbdt', value_num: null },
      ]);
    });

    it('accepts a param logged again with the same value', async () => {
      const store = await freshStore(target);
      const run = await store.startRun();
      await run.logParam('lr', 0.1);
      await run.logParam('lr', '0.1');
      expect((await store.getRun(run.id)).params).toEqual({ lr: '0.1' });
    });

    it('refuses a param logged again with another value', async () => {
      const store = await freshStore(target);
      const run = await store.startRun();
      await run.logParam('lr', 0.1);
      await expect(run.logParam('lr', 0.2)).rejects.toBeInstanceOf(StoreConflictError);
      expect((await store.getRun(run.id)).params).toEqual({ lr: '0.1' });
    });

    it('writes none of a batch of params when one conflicts', async () => {
      const store = await freshStore(target);
      const run = await store.startRun({ params: { lr: 0.1 } });
      await expect(run.logParams({ depth: 3, lr: 0.5 })).rejects.toBeInstanceOf(StoreConflictError);
      expect((await store.getRun(run.id)).params).toEqual({ lr: '0.1' });
    });

    it('overwrites a tag set twice', async () => {
      const store = await freshStore(target);
      const run = await store.startRun({ tags: { stage: 'dev' } });
      await run.setTag('stage', 'prod');
      expect((await store.getRun(run.id)).tags).toEqual({ stage: 'prod' });
    });

    it('keeps keys such as __proto__ as ordinary keys', async () => {
      const store = await freshStore(target);
      const run = await store.startRun({ params: { ['__proto__']: 'x' } });
      const record = await store.getRun(run.id);
      expect(Object.keys(record.params)).toEqual(['__proto__']);
    });
  });
});
