import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/store.js';
import { forEachDialect } from './dialects.js';

const script = join(import.meta.dirname, 'concurrent-writer.mjs');

interface ChildResult {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** A child that opens the store at argv[1] and closes it. */
const openOnce = [
  '--input-type=module',
  '-e',
  `import { openStore } from ${JSON.stringify(join(import.meta.dirname, '../../dist/src/store/index.js'))};
   const store = await openStore(process.argv[1], { handleExit: false });
   await store.close();`,
];

function runChild(args: readonly string[]): Promise<ChildResult> {
  return runNode([script], args);
}

function runNode(nodeArgs: readonly string[], args: readonly string[]): Promise<ChildResult> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [...nodeArgs, ...args]);
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', fail);
    child.on('close', (code) => done({ code, stdout, stderr }));
  });
}

const points = 1500;

forEachDialect((target) => {
  // SQLite: 8 processes on one file; PostgreSQL: 32 writers (4 processes × 8 connections).
  const [processes, writersEach] = target.name === 'sqlite' ? [8, 1] : [4, 8];

  describe('concurrent writers', () => {
    it(`loses no row with ${processes * writersEach} writers logging at once`, async () => {
      const uri = await target.freshUri();
      const results = await Promise.all(
        Array.from({ length: processes }, () =>
          runChild([uri, String(writersEach), String(points)]),
        ),
      );
      for (const result of results) {
        expect(result.stderr).toBe('');
        expect(result.code).toBe(0);
      }
      const ids = results.flatMap((result) => JSON.parse(result.stdout) as string[]);
      expect(new Set(ids).size).toBe(processes * writersEach);

      const store = await openStore(uri, { handleExit: false });
      try {
        const runs = await store.listRuns('concurrency');
        expect(runs.map((run) => run.info.runId).sort()).toEqual([...ids].sort());
        for (const run of runs) {
          expect(run.info.status).toBe('FINISHED');
          expect(Object.keys(run.params)).toHaveLength(20);
          expect(run.tags.writer).toBeDefined();
          expect(run.metrics.m).toMatchObject({ count: points, lastStep: points - 1 });
        }
        const { total } = await store.db
          .selectFrom('metrics')
          .select((eb) => eb.fn.countAll<number>().as('total'))
          .executeTakeFirstOrThrow();
        expect(Number(total)).toBe(processes * writersEach * points);
      } finally {
        await store.close();
      }
    });
  });
  describe('concurrent first opens', () => {
    // Kysely applies SQLite migrations without a transaction or lock; processes creating one
    // store at the same moment once each applied the same migration (UNIQUE constraint on
    // kysely_migration). Several rounds, because the race needs the opens to overlap.
    it('migrates a new store exactly once when 8 processes open it together', async () => {
      for (let round = 0; round < 6; round++) {
        const uri = await target.freshUri();
        const results = await Promise.all(
          Array.from({ length: 8 }, () => runNode(openOnce, [uri])),
        );
        for (const result of results) {
          expect(result.stderr).toBe('');
          expect(result.code).toBe(0);
        }
        const store = await openStore(uri, { handleExit: false });
        try {
          const { rows } = await sql<{ name: string; n: number }>`
            select name, count(*) as n from kysely_migration group by name`.execute(store.db);
          expect(rows.length).toBeGreaterThan(0);
          expect(rows.filter((row) => Number(row.n) !== 1)).toEqual([]);
        } finally {
          await store.close();
        }
      }
    });
  });
});
