import type { Kysely } from 'kysely';
import type { StoreDatabase } from '../../store/schema.js';
import { FAIL_REASON_KEY } from '../study.js';
import { FIXED_PARAMS_KEY } from '../trial.js';
import { decodeJson, encodeJson } from './json-values.js';
import type { StoredStudy } from './store-trial-storage.js';
import { MISSED_HEARTBEATS } from './study-settings.js';
import { nextTrialNumber, waitingTrialRow } from './trial-rows.js';

/** System attribute of a re-queued trial: the number of the failed trial it repeats. */
export const RETRIED_FROM_KEY = 'retriedFrom';
/** System attribute: how many times these parameters have been tried again so far. */
export const RETRY_COUNT_KEY = 'retryCount';

/**
 * Fails the study's RUNNING trials whose worker stopped sending heartbeats (killed, lost its
 * machine or its connection), ends their runs as FAILED, and re-queues their parameters as a
 * WAITING trial while the study's retry budget for them lasts. Runs inside the caller's write
 * transaction, which has bumped the study to `version`.
 */
export async function failOrphans(
  trx: Kysely<StoreDatabase>,
  study: StoredStudy,
  version: number,
  now: number,
): Promise<void> {
  const { heartbeatIntervalMs, retryFailedTrials } = study.settings;
  const orphans = await trx
    .selectFrom('trials')
    .select(['number', 'params', 'system_attrs', 'run_id', 'worker_id', 'heartbeat_at'])
    .where('study_id', '=', study.id)
    .where('state', '=', 'RUNNING')
    .where('heartbeat_at', '<', now - MISSED_HEARTBEATS * heartbeatIntervalMs)
    .orderBy('number')
    .execute();
  for (const orphan of orphans) {
    const systemAttrs = decodeJson<Record<string, unknown>>(orphan.system_attrs);
    systemAttrs[FAIL_REASON_KEY] =
      `worker ${orphan.worker_id} stopped sending heartbeats (last ${new Date(Number(orphan.heartbeat_at)).toISOString()})`;
    await trx
      .updateTable('trials')
      .set({
        state: 'FAIL',
        system_attrs: encodeJson(systemAttrs),
        completed_at: now,
        heartbeat_at: null,
        version,
      })
      .where('study_id', '=', study.id)
      .where('number', '=', orphan.number)
      .execute();
    if (orphan.run_id !== null)
      await trx
        .updateTable('runs')
        .set({ status: 'FAILED', end_time: now })
        .where('run_id', '=', orphan.run_id)
        .execute();
    const retries = Number(systemAttrs[RETRY_COUNT_KEY] ?? 0);
    if (retries < retryFailedTrials) {
      const number = await nextTrialNumber(trx, study.id);
      const attrs = {
        [FIXED_PARAMS_KEY]: decodeJson(orphan.params),
        [RETRIED_FROM_KEY]: Number(orphan.number),
        [RETRY_COUNT_KEY]: retries + 1,
      };
      await trx
        .insertInto('trials')
        .values(waitingTrialRow(study.id, number, attrs, version))
        .execute();
    }
  }
}
