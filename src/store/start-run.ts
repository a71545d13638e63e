import { StoreConflictError, StoreNotFoundError } from '../errors.js';
import type { ArtifactStore } from './artifacts/artifact-store.js';
import { ActiveRun } from './active-run.js';
import type { RunContext } from './active-run.js';
import { newId } from './ids.js';
import type { LoggedValue } from './run-values.js';
import { insertParams, upsertTags } from './run-values.js';
import type { ExperimentRow, NewRun } from './schema.js';
import { sourceInfo } from './source-info.js';
import { writeTransaction } from './write-transaction.js';

export interface StartRunOptions {
  /** Experiment name or id; created when no experiment has that name. Default 'Default'. */
  readonly experiment?: string;
  /** Default `run-` and the first 8 digits of the run id. */
  readonly name?: string;
  readonly parentRunId?: string;
  readonly tags?: Readonly<Record<string, LoggedValue>>;
  readonly params?: Readonly<Record<string, LoggedValue>>;
}

/**
 * A new RUNNING run's row, started now, with its source (git commit, command line, argmin
 * version, host). Shared by `startRun` and the tuning engine, which inserts a trial's run in the
 * transaction that claims the trial.
 */
export function newRunRow(
  experiment: ExperimentRow,
  artifacts: Pick<ArtifactStore, 'uriFor'>,
  options: Pick<StartRunOptions, 'name' | 'parentRunId'> = {},
): NewRun & { run_id: string; name: string; artifact_uri: string } {
  const id = newId();
  const source = sourceInfo();
  return {
    run_id: id,
    experiment_id: experiment.experiment_id,
    name: options.name ?? `run-${id.slice(0, 8)}`,
    status: 'RUNNING',
    start_time: Date.now(),
    end_time: null,
    parent_run_id: options.parentRunId ?? null,
    source_commit: source.commit,
    source_command: source.command,
    argmin_version: source.argminVersion,
    host: source.host,
    lifecycle_stage: 'active',
    artifact_uri: artifacts.uriFor(id),
  };
}

/**
 * Inserts the run row (with its source: git commit, command line, argmin version, host), its
 * params and tags in one transaction, and returns the run to log to.
 */
export async function insertRun(
  context: RunContext,
  experiment: ExperimentRow,
  options: StartRunOptions,
): Promise<ActiveRun> {
  if (experiment.lifecycle_stage === 'deleted')
    throw new StoreConflictError(
      `Experiment "${experiment.name}" is deleted; restore it before starting runs in it`,
    );
  const { connection, artifacts } = context;
  if (options.parentRunId !== undefined) {
    const parent = await connection.db
      .selectFrom('runs')
      .select('run_id')
      .where('run_id', '=', options.parentRunId)
      .executeTakeFirst();
    if (parent === undefined) throw new StoreNotFoundError('Run', options.parentRunId);
  }
  const row = newRunRow(experiment, artifacts, options);
  const id = row.run_id;
  await writeTransaction(connection, async (trx) => {
    await trx.insertInto('runs').values(row).execute();
    await insertParams(trx, id, options.params ?? {});
    await upsertTags(trx, id, options.tags ?? {});
  });
  return new ActiveRun(context, {
    id,
    experimentId: experiment.experiment_id,
    name: row.name,
    artifactUri: row.artifact_uri,
  });
}
