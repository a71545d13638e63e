import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { StoreError } from '../../src/errors.js';
import { MIGRATIONS } from '../../src/store/migrations/index.js';
import { openStore } from '../../src/store/store.js';
import { forEachDialect } from './dialects.js';

forEachDialect((target) => {
  describe('migrations', () => {
    it('brings a fresh store to the latest migration', async () => {
      const store = await openStore(await target.freshUri(), { handleExit: false });
      const { rows } = await sql<{
        name: string;
      }>`select name from kysely_migration order by name`.execute(store.db);
      expect(rows.map((row) => row.name)).toEqual(Object.keys(MIGRATIONS).sort());
      await store.close();
    });

    it('opens a store again without changing it', async () => {
      const uri = await target.freshUri();
      const first = await openStore(uri, { handleExit: false });
      const run = await first.startRun({ params: { a: 1 } });
      await run.end();
      await first.close();
      const second = await openStore(uri, { handleExit: false });
      expect((await second.getRun(run.id)).params).toEqual({ a: '1' });
      await second.close();
    });

    it('refuses a store that lists a migration from a newer argmin', async () => {
      const uri = await target.freshUri();
      const store = await openStore(uri, { handleExit: false });
      await sql`insert into kysely_migration (name, timestamp) values (${'999-from-the-future'}, ${new Date().toISOString()})`.execute(
        store.db,
      );
      await store.close();
      const attempt = openStore(uri, { handleExit: false });
      await expect(attempt).rejects.toBeInstanceOf(StoreError);
      await expect(attempt).rejects.toThrow(/newer argmin/);
    });
  });
});
