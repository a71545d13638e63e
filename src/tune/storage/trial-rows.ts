import type { Insertable, Kysely, Selectable } from 'kysely';
import type { StoreDialect } from '../../store/connect.js';
import type { MetricBatch } from '../../store/metric-buffer.js';
import { insertParams, upsertTags } from '../../store/run-values.js';
import type { LoggedValue } from '../../store/run-values.js';
import type { RunStatus, StoreDatabase, TrialsTable } from '../../store/schema.js';
import { writeMetrics } from '../../store/write-metrics.js';
import type { Distribution, ParamValue } from '../distributions.js';
import type { FrozenTrial, TrialState } from '../types.js';
import { decodeJson, encodeJson } from './json-values.js';

export type TrialRow = Selectable<TrialsTable>;

/** Metric key of a trial's reported intermediate values in its run's history. */
export const INTERMEDIATE_METRIC = 'objective';

/** A trial as samplers see it, from its row. */
export function trialFromRow(row: TrialRow): FrozenTrial {
  const intermediate = decodeJson<[number, number][]>(row.intermediate_values);
  return Object.freeze({
    number: Number(row.number),
    state: row.state,
    values:
      row.trial_values === null ? null : Object.freeze(decodeJson<number[]>(row.trial_values)),
    params: Object.freeze(decodeJson<Record<string, ParamValue>>(row.params)),
    distributions: Object.freeze(decodeJson<Record<string, Distribution>>(row.distributions)),
    intermediateValues: new Map(intermediate),
    userAttrs: Object.freeze(decodeJson<Record<string, unknown>>(row.user_attrs)),
    systemAttrs: Object.freeze(decodeJson<Record<string, unknown>>(row.system_attrs)),
    startedAt: row.started_at === null ? null : Number(row.started_at),
    completedAt: row.completed_at === null ? null : Number(row.completed_at),
  });
}

/** The row columns that hold a trial's documents (what its owner writes back). */
export function documentColumns(trial: FrozenTrial) {
  return {
    params: encodeJson(trial.params),
    distributions: encodeJson(trial.distributions),
    intermediate_values: encodeJson([...trial.intermediateValues]),
    user_attrs: encodeJson(trial.userAttrs),
    system_attrs: encodeJson(trial.systemAttrs),
  };
}

/** The row of a new WAITING trial holding only these system attributes. */
export function waitingTrialRow(
  studyId: string,
  number: number,
  systemAttrs: Record<string, unknown>,
  version: number,
): Insertable<TrialsTable> {
  return {
    study_id: studyId,
    number,
    run_id: null,
    state: 'WAITING',
    trial_values: null,
    params: '{}',
    distributions: '{}',
    intermediate_values: '[]',
    user_attrs: '{}',
    system_attrs: encodeJson(systemAttrs),
    started_at: null,
    completed_at: null,
    heartbeat_at: null,
    worker_id: null,
    version,
  };
}

/** The number the study's next trial gets (inside a transaction holding the study's lock). */
export async function nextTrialNumber(
  trx: Kysely<StoreDatabase>,
  studyId: string,
): Promise<number> {
  const max = await trx
    .selectFrom('trials')
    .select((eb) => eb.fn.max('number').as('n'))
    .where('study_id', '=', studyId)
    .executeTakeFirst();
  return max?.n === null || max?.n === undefined ? 0 : Number(max.n) + 1;
}

/** A trial with some fields replaced, frozen like the others. */
export function withChanges(trial: FrozenTrial, changes: Partial<FrozenTrial>): FrozenTrial {
  return Object.freeze({ ...trial, ...changes });
}

const runStatus: Readonly<Record<Exclude<TrialState, 'WAITING' | 'RUNNING'>, RunStatus>> = {
  COMPLETE: 'FINISHED',
  PRUNED: 'FINISHED',
  FAIL: 'FAILED',
};

/**
 * Brings the trial's run up to date: its params, the intermediate values after the first
 * `written` (the history already holds those), and, once finished, its values and status.
 */
export async function mirrorTrialToRun(
  trx: Kysely<StoreDatabase>,
  dialect: StoreDialect,
  runId: string,
  trial: FrozenTrial,
  written: number,
): Promise<void> {
  const params: Record<string, LoggedValue> = {};
  for (const [name, value] of Object.entries(trial.params))
    params[name] = value === null ? 'null' : value;
  await insertParams(trx, runId, params);
  const now = Date.now();
  const keys: string[] = [];
  const steps: number[] = [];
  const values: number[] = [];
  let index = 0;
  for (const [step, value] of trial.intermediateValues) {
    if (index++ < written) continue;
    keys.push(INTERMEDIATE_METRIC);
    steps.push(step);
    values.push(value);
  }
  const finalValues = trial.values ?? [];
  finalValues.forEach((value, i) => {
    keys.push(finalValues.length === 1 ? 'value' : `value_${i}`);
    steps.push(0);
    values.push(value);
  });
  if (keys.length > 0) {
    const batch: MetricBatch = {
      length: keys.length,
      keys,
      steps: Float64Array.from(steps),
      timestamps: new Float64Array(keys.length).fill(now),
      values: Float64Array.from(values),
    };
    await writeMetrics(trx, dialect, runId, batch);
  }
  if (trial.state === 'RUNNING' || trial.state === 'WAITING') return;
  await upsertTags(trx, runId, { 'argmin.trial.state': trial.state });
  await trx
    .updateTable('runs')
    .set({ status: runStatus[trial.state], end_time: trial.completedAt ?? now })
    .where('run_id', '=', runId)
    .execute();
}
