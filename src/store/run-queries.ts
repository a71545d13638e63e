import type { Kysely } from 'kysely';
import { StoreNotFoundError } from '../errors.js';
import type { ArtifactStore } from './artifacts/artifact-store.js';
import type { StoreConnection } from './connect.js';
import { metricValue } from './hydrate-runs.js';
import type { MetricPoint } from './records.js';
import type { LifecycleStage, StoreDatabase } from './schema.js';
import { writeTransaction } from './write-transaction.js';

type Connection = Pick<StoreConnection, 'db' | 'dialect'>;

/** A metric's full history, by step, then timestamp (points of equal step and time: any order). */
export async function metricHistory(
  db: Kysely<StoreDatabase>,
  runId: string,
  key: string,
): Promise<MetricPoint[]> {
  const rows = await db
    .selectFrom('metrics')
    .select(['step', 'timestamp', 'value'])
    .where('run_id', '=', runId)
    .where('key', '=', key)
    .orderBy('step')
    .orderBy('timestamp')
    .execute();
  return rows.map((row) => ({
    step: row.step,
    timestamp: row.timestamp,
    value: metricValue(row.value),
  }));
}

export async function setRunLifecycle(
  connection: Connection,
  runId: string,
  stage: LifecycleStage,
): Promise<void> {
  const result = await writeTransaction(connection, (trx) =>
    trx
      .updateTable('runs')
      .set({ lifecycle_stage: stage })
      .where('run_id', '=', runId)
      .executeTakeFirst(),
  );
  if (Number(result.numUpdatedRows) === 0) throw new StoreNotFoundError('Run', runId);
}

/** Deletes a run, everything logged to it (foreign keys cascade) and its artifacts. */
export async function purgeRun(
  connection: Connection,
  artifacts: ArtifactStore,
  runId: string,
): Promise<void> {
  const result = await writeTransaction(connection, (trx) =>
    trx.deleteFrom('runs').where('run_id', '=', runId).executeTakeFirst(),
  );
  if (Number(result.numDeletedRows) === 0) throw new StoreNotFoundError('Run', runId);
  await artifacts.deleteRun(runId);
}

/** Ids of an experiment's runs, newest first. */
export async function experimentRunIds(
  db: Kysely<StoreDatabase>,
  experimentId: string,
  lifecycle: LifecycleStage | 'all',
): Promise<string[]> {
  let query = db
    .selectFrom('runs')
    .select('run_id')
    .where('experiment_id', '=', experimentId)
    .orderBy('start_time', 'desc')
    .orderBy('run_id');
  if (lifecycle !== 'all') query = query.where('lifecycle_stage', '=', lifecycle);
  return (await query.execute()).map((row) => row.run_id);
}
