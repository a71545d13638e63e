import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/store.js';
import { startWriter } from './child-process.js';
import { forEachDialect } from './dialects.js';

forEachDialect((target) => {
  describe('a writer killed with SIGKILL', () => {
    it('leaves the store consistent, every flushed point readable and the run RUNNING', async () => {
      const uri = await target.freshUri();
      const writer = startWriter('crash-writer.mjs', [uri]);
      const runId = (await writer.waitFor(/^run (\w+)$/))[1];
      await writer.waitFor(/^flushed (\d{4,})$/);
      writer.child.kill('SIGKILL');
      const { signal, stdout } = await writer.exited;
      expect(signal).toBe('SIGKILL');
      const flushed = Math.max(...[...stdout.matchAll(/^flushed (\d+)$/gm)].map((m) => +m[1]));

      const store = await openStore(uri, { handleExit: false });
      try {
        if (target.name === 'sqlite') {
          const { rows } = await sql<{
            integrity_check: string;
          }>`pragma integrity_check`.execute(store.db);
          expect(rows).toEqual([{ integrity_check: 'ok' }]);
        }
        const history = await store.metricHistory(runId, 'm');
        expect(history.length).toBeGreaterThanOrEqual(flushed);
        // Whole flushes only: steps 0..n-1 with no gap, n a multiple of the flush size.
        expect(history.map((point) => point.step)).toEqual(history.map((_, i) => i));
        expect(history.length % 500).toBe(0);
        const record = await store.getRun(runId);
        expect(record.info.status).toBe('RUNNING');
        expect(record.metrics.m.count).toBe(history.length);
        expect(record.metrics.m.last).toBe(history.length - 1);
      } finally {
        await store.close();
      }
    });
  });
});
