import type { Kysely } from 'kysely';
import { StoreConflictError, StoreNotFoundError } from '../errors.js';
import type { StoreConnection } from './connect.js';
import { newId } from './ids.js';
import type { Experiment } from './records.js';
import type { ExperimentRow, LifecycleStage, StoreDatabase } from './schema.js';
import { writeTransaction } from './write-transaction.js';

/** The experiment runs go to when none is named; created on first use. */
export const DEFAULT_EXPERIMENT = 'Default';

export interface CreateExperimentOptions {
  readonly description?: string;
  readonly tags?: Readonly<Record<string, string>>;
}

type Connection = Pick<StoreConnection, 'db' | 'dialect'>;

/** The experiment row with this id, else with this name, else undefined. */
export async function findExperimentRow(
  db: Kysely<StoreDatabase>,
  idOrName: string,
): Promise<ExperimentRow | undefined> {
  const byId = await db
    .selectFrom('experiments')
    .selectAll()
    .where('experiment_id', '=', idOrName)
    .executeTakeFirst();
  return (
    byId ??
    (await db.selectFrom('experiments').selectAll().where('name', '=', idOrName).executeTakeFirst())
  );
}

export async function experimentFromRow(
  db: Kysely<StoreDatabase>,
  row: ExperimentRow,
): Promise<Experiment> {
  const tags = await db
    .selectFrom('experiment_tags')
    .select(['key', 'value'])
    .where('experiment_id', '=', row.experiment_id)
    .orderBy('key')
    .execute();
  return {
    experimentId: row.experiment_id,
    name: row.name,
    description: row.description,
    lifecycleStage: row.lifecycle_stage,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    tags: Object.fromEntries(tags.map((tag) => [tag.key, tag.value])),
  };
}

export async function requireExperimentRow(
  db: Kysely<StoreDatabase>,
  idOrName: string,
): Promise<ExperimentRow> {
  const row = await findExperimentRow(db, idOrName);
  if (row === undefined) throw new StoreNotFoundError('Experiment', idOrName);
  return row;
}

/** Creates an experiment; a name already taken (even by a deleted one) is a StoreConflictError. */
export async function createExperimentRow(
  connection: Connection,
  name: string,
  options: CreateExperimentOptions = {},
): Promise<ExperimentRow> {
  if (name.trim() === '') throw new StoreConflictError('An experiment needs a non-empty name');
  const now = Date.now();
  const row: ExperimentRow = {
    experiment_id: newId(),
    name,
    description: options.description ?? null,
    lifecycle_stage: 'active',
    created_at: now,
    updated_at: now,
  };
  const inserted = await writeTransaction(connection, async (trx) => {
    const result = await trx
      .insertInto('experiments')
      .values(row)
      .onConflict((conflict) => conflict.column('name').doNothing())
      .executeTakeFirst();
    if (Number(result.numInsertedOrUpdatedRows ?? 0) === 0) return false;
    const tags = Object.entries(options.tags ?? {});
    if (tags.length > 0)
      await trx
        .insertInto('experiment_tags')
        .values(tags.map(([key, value]) => ({ experiment_id: row.experiment_id, key, value })))
        .execute();
    return true;
  });
  if (!inserted) throw new StoreConflictError(`Experiment "${name}" already exists`);
  return row;
}

/**
 * The experiment named `name`, created when absent. Safe when several processes race to create
 * it: the loser of the insert reads the winner's row.
 */
export async function ensureExperimentRow(
  connection: Connection,
  idOrName: string,
): Promise<ExperimentRow> {
  const found = await findExperimentRow(connection.db, idOrName);
  if (found !== undefined) return found;
  try {
    return await createExperimentRow(connection, idOrName);
  } catch (error) {
    if (!(error instanceof StoreConflictError)) throw error;
    return requireExperimentRow(connection.db, idOrName);
  }
}

export async function setExperimentLifecycle(
  connection: Connection,
  idOrName: string,
  stage: LifecycleStage,
): Promise<void> {
  const row = await requireExperimentRow(connection.db, idOrName);
  await writeTransaction(connection, (trx) =>
    trx
      .updateTable('experiments')
      .set({ lifecycle_stage: stage, updated_at: Date.now() })
      .where('experiment_id', '=', row.experiment_id)
      .execute(),
  );
}

export async function setExperimentTag(
  connection: Connection,
  idOrName: string,
  key: string,
  value: string,
): Promise<void> {
  const row = await requireExperimentRow(connection.db, idOrName);
  await writeTransaction(connection, (trx) =>
    trx
      .insertInto('experiment_tags')
      .values({ experiment_id: row.experiment_id, key, value })
      .onConflict((conflict) => conflict.columns(['experiment_id', 'key']).doUpdateSet({ value }))
      .execute(),
  );
}
