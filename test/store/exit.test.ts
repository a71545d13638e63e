import { describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/store.js';
import { startWriter } from './child-process.js';
import { forEachDialect } from './dialects.js';

async function loggedPoints(uri: string, runId: string) {
  const store = await openStore(uri, { handleExit: false });
  try {
    return {
      history: await store.metricHistory(runId, 'm'),
      status: (await store.getRun(runId)).info.status,
    };
  } finally {
    await store.close();
  }
}

forEachDialect((target) => {
  describe('points buffered when the process ends', () => {
    it('are written on SIGTERM, and the run ends KILLED', async () => {
      const uri = await target.freshUri();
      const writer = startWriter('exit-writer.mjs', [uri, 'signal']);
      const runId = (await writer.waitFor(/^run (\w+)$/))[1];
      await writer.waitFor(/^ready$/);
      writer.child.kill('SIGTERM');
      const { signal, stderr } = await writer.exited;
      expect(stderr).toBe('');
      expect(signal).toBe('SIGTERM');
      const { history, status } = await loggedPoints(uri, runId);
      expect(history).toHaveLength(1000);
      expect(status).toBe('KILLED');
    });

    // PostgreSQL's idle pool keeps the event loop alive for its idle timeout, and it has no
    // synchronous client for 'exit': these two guarantees are SQLite's.
    if (target.name === 'sqlite') {
      it('are written when the event loop empties', async () => {
        const uri = await target.freshUri();
        const writer = startWriter('exit-writer.mjs', [uri, 'natural']);
        const runId = (await writer.waitFor(/^run (\w+)$/))[1];
        const { code, stderr } = await writer.exited;
        expect(stderr).toBe('');
        expect(code).toBe(0);
        expect((await loggedPoints(uri, runId)).history).toHaveLength(1000);
      });

      it('are written synchronously on process.exit()', async () => {
        const uri = await target.freshUri();
        const writer = startWriter('exit-writer.mjs', [uri, 'exit']);
        const runId = (await writer.waitFor(/^run (\w+)$/))[1];
        const { code, stderr } = await writer.exited;
        expect(stderr).toBe('');
        expect(code).toBe(0);
        const { history, status } = await loggedPoints(uri, runId);
        expect(history.map((point) => point.step)).toEqual(history.map((_, i) => i));
        expect(history).toHaveLength(1000);
        expect(status).toBe('RUNNING');
      });
    }
  });
});
