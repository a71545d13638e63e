import Database from 'better-sqlite3';
import type { ActiveRun } from './active-run.js';
import type { MetricBatch } from './metric-buffer.js';
import { writeMetricsSync } from './write-metrics.js';

/**
 * Writes runs' buffered points to a SQLite file synchronously, through a connection of its own,
 * for the process 'exit' event (no async work runs after it). Skipped when one of these runs is
 * mid-flush: that flush holds the file's write lock on the store's own connection, which cannot
 * finish now, so waiting for the lock would only stall the exit.
 */
export function writeBufferedOnExit(path: string, runs: Iterable<ActiveRun>): void {
  const open = [...runs];
  if (open.some((run) => run.inTransaction)) return;
  const batches: [string, MetricBatch][] = [];
  for (const run of open) {
    const batch = run.takeForExit();
    if (batch !== undefined) batches.push([run.id, batch]);
  }
  if (batches.length === 0) return;
  const database = new Database(path);
  try {
    database.pragma('busy_timeout = 5000');
    const writeAll = database.transaction(() => {
      for (const [runId, batch] of batches) writeMetricsSync(database, runId, batch);
    });
    writeAll.immediate();
  } finally {
    database.close();
  }
}
