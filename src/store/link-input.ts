import type { StoreConnection } from './connect.js';
import type { DatasetInput } from './dataset-input.js';
import { newId } from './ids.js';
import { writeTransaction } from './write-transaction.js';

/**
 * Links a dataset to a run. A dataset is one row per (fingerprint, name), shared by every run
 * that logs it; the first logger's shape and profile are kept.
 */
export async function linkInput(
  connection: Pick<StoreConnection, 'db' | 'dialect'>,
  runId: string,
  dataset: DatasetInput,
  context: string,
): Promise<string> {
  return writeTransaction(connection, async (trx) => {
    await trx
      .insertInto('datasets')
      .values({
        dataset_id: newId(),
        fingerprint: dataset.fingerprint,
        name: dataset.name,
        rows: dataset.rows ?? dataset.profile?.rows ?? null,
        columns: dataset.columns ?? dataset.profile?.columns.length ?? null,
        profile: dataset.profile === undefined ? null : JSON.stringify(dataset.profile),
        created_at: Date.now(),
      })
      .onConflict((conflict) => conflict.columns(['fingerprint', 'name']).doNothing())
      .execute();
    const { dataset_id: datasetId } = await trx
      .selectFrom('datasets')
      .select('dataset_id')
      .where('fingerprint', '=', dataset.fingerprint)
      .where('name', '=', dataset.name)
      .executeTakeFirstOrThrow();
    await trx
      .insertInto('run_inputs')
      .values({ run_id: runId, dataset_id: datasetId, context })
      .onConflict((conflict) => conflict.columns(['run_id', 'dataset_id', 'context']).doNothing())
      .execute();
    return datasetId;
  });
}
