import { CompiledQuery } from 'kysely';
import type { Kysely } from 'kysely';
import type { StoreDialect } from './connect.js';
import { aggregateBatch } from './metric-aggregate.js';
import type { MetricBatch } from './metric-buffer.js';
import {
  latestRowsPerStatement,
  latestUpsertParams,
  latestUpsertSql,
  metricInsertParams,
  metricInsertSql,
  metricRowsPerStatement,
} from './metric-sql.js';
import type { StoreDatabase } from './schema.js';

/**
 * The statements that write a batch, produced one at a time so a large batch never holds all
 * its parameter arrays at once.
 */
function* metricStatements(
  dialect: StoreDialect,
  runId: string,
  batch: MetricBatch,
): Generator<[string, unknown[]]> {
  for (let start = 0; start < batch.length; start += metricRowsPerStatement) {
    const end = Math.min(batch.length, start + metricRowsPerStatement);
    yield [metricInsertSql(dialect, end - start), metricInsertParams(runId, batch, start, end)];
  }
  const aggregates = aggregateBatch(batch);
  for (let start = 0; start < aggregates.length; start += latestRowsPerStatement) {
    const end = Math.min(aggregates.length, start + latestRowsPerStatement);
    yield [
      latestUpsertSql(dialect, end - start),
      latestUpsertParams(runId, aggregates, start, end),
    ];
  }
}

/**
 * Writes a batch of one run's points and merges them into latest_metrics. Call it inside a
 * write transaction (write-transaction.ts) so the history and the aggregates move together.
 */
export async function writeMetrics(
  trx: Kysely<StoreDatabase>,
  dialect: StoreDialect,
  runId: string,
  batch: MetricBatch,
): Promise<void> {
  for (const [text, parameters] of metricStatements(dialect, runId, batch))
    await trx.executeQuery(CompiledQuery.raw(text, parameters));
}

/** The slice of a better-sqlite3 database the synchronous writer uses. */
export interface SyncSqlite {
  prepare(text: string): { run(...parameters: unknown[]): unknown };
}

/** {@link writeMetrics} on a synchronous SQLite handle, for the process 'exit' hook. */
export function writeMetricsSync(database: SyncSqlite, runId: string, batch: MetricBatch): void {
  for (const [text, parameters] of metricStatements('sqlite', runId, batch))
    database.prepare(text).run(...parameters);
}
