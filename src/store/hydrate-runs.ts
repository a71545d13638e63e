import type { Kysely } from 'kysely';
import type { MetricSummary, RunInfo, RunInput, RunRecord } from './records.js';
import type { RunRow, StoreDatabase } from './schema.js';

/** Ids per IN list: five queries hydrate up to this many runs, whatever their contents. */
const idsPerQuery = 5000;

/** Stored NULL metric values mean NaN (schema.ts). */
export function metricValue(stored: number | null): number {
  return stored === null ? NaN : stored;
}

export function runInfo(row: RunRow): RunInfo {
  return {
    runId: row.run_id,
    experimentId: row.experiment_id,
    name: row.name,
    status: row.status,
    startTime: row.start_time,
    endTime: row.end_time,
    parentRunId: row.parent_run_id,
    sourceCommit: row.source_commit,
    sourceCommand: row.source_command,
    argminVersion: row.argmin_version,
    host: row.host,
    lifecycleStage: row.lifecycle_stage,
    artifactUri: row.artifact_uri,
  };
}

interface Draft {
  info: RunInfo;
  params: [string, string][];
  tags: [string, string][];
  metrics: [string, MetricSummary][];
  inputs: RunInput[];
}

/**
 * Loads full records for `runIds`, in that order (ids the store does not hold are left out),
 * with five queries per {@link idsPerQuery} ids — never one query per run.
 */
export async function hydrateRuns(
  db: Kysely<StoreDatabase>,
  runIds: readonly string[],
): Promise<RunRecord[]> {
  const drafts = new Map<string, Draft>();
  for (let start = 0; start < runIds.length; start += idsPerQuery) {
    const ids = runIds.slice(start, start + idsPerQuery);
    await hydrateChunk(db, ids, drafts);
  }
  const records: RunRecord[] = [];
  for (const id of runIds) {
    const draft = drafts.get(id);
    if (draft === undefined) continue;
    records.push({
      info: draft.info,
      // fromEntries defines own properties, so a key such as "__proto__" stays a plain key.
      params: Object.fromEntries(draft.params),
      tags: Object.fromEntries(draft.tags),
      metrics: Object.fromEntries(draft.metrics),
      inputs: draft.inputs,
    });
  }
  return records;
}

async function hydrateChunk(
  db: Kysely<StoreDatabase>,
  ids: readonly string[],
  drafts: Map<string, Draft>,
): Promise<void> {
  const runs = await db.selectFrom('runs').selectAll().where('run_id', 'in', ids).execute();
  if (runs.length === 0) return;
  for (const row of runs)
    drafts.set(row.run_id, { info: runInfo(row), params: [], tags: [], metrics: [], inputs: [] });
  const [params, tags, latest, inputs] = await Promise.all([
    db
      .selectFrom('params')
      .select(['run_id', 'key', 'value'])
      .where('run_id', 'in', ids)
      .orderBy('key')
      .execute(),
    db
      .selectFrom('run_tags')
      .select(['run_id', 'key', 'value'])
      .where('run_id', 'in', ids)
      .orderBy('key')
      .execute(),
    db.selectFrom('latest_metrics').selectAll().where('run_id', 'in', ids).orderBy('key').execute(),
    db
      .selectFrom('run_inputs')
      .innerJoin('datasets', 'datasets.dataset_id', 'run_inputs.dataset_id')
      .select([
        'run_inputs.run_id',
        'run_inputs.context',
        'datasets.dataset_id',
        'datasets.name',
        'datasets.fingerprint',
        'datasets.rows',
        'datasets.columns',
      ])
      .where('run_inputs.run_id', 'in', ids)
      .orderBy('datasets.name')
      .orderBy('run_inputs.context')
      .execute(),
  ]);
  for (const row of params) drafts.get(row.run_id)?.params.push([row.key, row.value]);
  for (const row of tags) drafts.get(row.run_id)?.tags.push([row.key, row.value]);
  for (const row of latest)
    drafts.get(row.run_id)?.metrics.push([
      row.key,
      {
        last: metricValue(row.last_value),
        lastStep: row.last_step,
        lastTimestamp: row.last_timestamp,
        first: metricValue(row.first_value),
        firstStep: row.first_step,
        firstTimestamp: row.first_timestamp,
        min: metricValue(row.min_value),
        max: metricValue(row.max_value),
        count: row.count,
      },
    ]);
  for (const row of inputs)
    drafts.get(row.run_id)?.inputs.push({
      datasetId: row.dataset_id,
      name: row.name,
      fingerprint: row.fingerprint,
      context: row.context,
      rows: row.rows,
      columns: row.columns,
    });
}
