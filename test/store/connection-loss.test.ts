import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { startWriter } from './child-process.js';
import { onPostgres } from './dialects.js';

onPostgres((target) => {
  describe('a pooled connection the server closes while idle', () => {
    it('is replaced on the next query; the process does not crash', async () => {
      const uri = await target.freshUri();
      const writer = startWriter('idle-connection-writer.mjs', [uri]);
      const idlePid = Number((await writer.waitFor(/^idle (\d+)$/))[1]);

      const admin = new pg.Client({ connectionString: uri });
      await admin.connect();
      try {
        const { rows } = await admin.query<{ killed: boolean }>(
          'select pg_terminate_backend($1) as killed',
          [idlePid],
        );
        expect(rows[0].killed).toBe(true);
      } finally {
        await admin.end();
      }
      // The termination notice reaches the child's pool as an 'error' event.
      await new Promise((wake) => setTimeout(wake, 300));
      writer.child.stdin.end('query again\n');

      const answered = Number((await writer.waitFor(/^answered (\d+)$/))[1]);
      const { code, stderr } = await writer.exited;
      expect(stderr).toBe('');
      expect(code).toBe(0);
      expect(answered).not.toBe(idlePid);
    });
  });
});
