import { describe, expect, it } from 'vitest';
import { StoreError } from '../../src/errors.js';
import { openStore } from '../../src/store/store.js';
import { forEachDialect } from './dialects.js';

forEachDialect((target) => {
  describe('the store', () => {
    it('exposes its dialect and URI', async () => {
      const uri = await target.freshUri();
      const store = await openStore(uri);
      expect(store.dialect).toBe(target.name);
      expect(store.uri).toBe(uri);
      await store.close();
    });

    it('removes its process listeners when it closes', async () => {
      const before = ['SIGINT', 'SIGTERM', 'beforeExit', 'exit'].map((event) =>
        process.listenerCount(event),
      );
      const store = await openStore(await target.freshUri());
      expect(process.listenerCount('SIGTERM')).toBe(before[1] + 1);
      await store.close();
      const after = ['SIGINT', 'SIGTERM', 'beforeExit', 'exit'].map((event) =>
        process.listenerCount(event),
      );
      expect(after).toEqual(before);
    });

    it('refuses to start runs once closed', async () => {
      const store = await openStore(await target.freshUri());
      await store.close();
      await expect(store.startRun()).rejects.toBeInstanceOf(StoreError);
    });
  });
});
