import type { Kysely } from 'kysely';
import { StoreConflictError, StoreNotFoundError } from '../errors.js';
import type { StoreDatabase } from '../store/schema.js';
import { hydrateModels } from './hydrate.js';
import { validateModelName, validateTagKey } from './names.js';
import type { RegisteredModel } from './records.js';
import type { RegistryConnection } from './registry-connection.js';
import { lockModel, writeTransaction } from './write-transaction.js';

export interface CreateModelOptions {
  readonly description?: string;
  readonly tags?: Readonly<Record<string, string>>;
}

export async function createModel(
  connection: RegistryConnection,
  name: string,
  options: CreateModelOptions = {},
): Promise<RegisteredModel> {
  validateModelName(name, 'createModel');
  for (const key of Object.keys(options.tags ?? {})) validateTagKey(key, 'createModel');
  await writeTransaction(connection, async (db) => {
    if (!(await insertModel(db, name, options.description ?? null)))
      throw new StoreConflictError(`Registered model "${name}" already exists`);
    await upsertModelTags(db, name, options.tags ?? {});
  });
  return getModel(connection, name);
}

/** Inserts the model unless it exists; says whether it inserted. */
export async function insertModel(
  db: Kysely<StoreDatabase>,
  name: string,
  description: string | null,
): Promise<boolean> {
  const now = Date.now();
  const inserted = await db
    .insertInto('registered_models')
    .values({ name, description, created_at: now, updated_at: now, next_version: 1 })
    .onConflict((conflict) => conflict.column('name').doNothing())
    .returning('name')
    .executeTakeFirst();
  return inserted !== undefined;
}

export async function getModel(
  connection: RegistryConnection,
  name: string,
): Promise<RegisteredModel> {
  const row = await connection.db
    .selectFrom('registered_models')
    .selectAll()
    .where('name', '=', name)
    .executeTakeFirst();
  if (row === undefined) throw new StoreNotFoundError('Registered model', name);
  const [model] = await hydrateModels(connection.db, [row]);
  return model;
}

export async function updateModelDescription(
  connection: RegistryConnection,
  name: string,
  description: string | null,
): Promise<RegisteredModel> {
  const result = await connection.db
    .updateTable('registered_models')
    .set({ description, updated_at: Date.now() })
    .where('name', '=', name)
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) === 0) throw new StoreNotFoundError('Registered model', name);
  return getModel(connection, name);
}

export async function setModelTag(
  connection: RegistryConnection,
  name: string,
  key: string,
  value: string,
): Promise<void> {
  validateTagKey(key, 'setModelTag');
  await writeTransaction(connection, async (db) => {
    await lockModel(db, connection, name);
    await upsertModelTags(db, name, { [key]: value });
  });
}

export async function deleteModelTag(
  connection: RegistryConnection,
  name: string,
  key: string,
): Promise<void> {
  const result = await connection.db
    .deleteFrom('registered_model_tags')
    .where('name', '=', name)
    .where('key', '=', key)
    .executeTakeFirst();
  if (Number(result.numDeletedRows) === 0) throw new StoreNotFoundError('Tag', `${name}: ${key}`);
}

/** Deletes the model with its versions, tags, aliases and alias history. */
export async function deleteModel(connection: RegistryConnection, name: string): Promise<void> {
  const result = await connection.db
    .deleteFrom('registered_models')
    .where('name', '=', name)
    .executeTakeFirst();
  if (Number(result.numDeletedRows) === 0) throw new StoreNotFoundError('Registered model', name);
}

async function upsertModelTags(
  db: Kysely<StoreDatabase>,
  name: string,
  tags: Readonly<Record<string, string>>,
): Promise<void> {
  const rows = Object.entries(tags).map(([key, value]) => ({ name, key, value: String(value) }));
  if (rows.length === 0) return;
  await db
    .insertInto('registered_model_tags')
    .values(rows)
    .onConflict((conflict) =>
      conflict.columns(['name', 'key']).doUpdateSet((eb) => ({ value: eb.ref('excluded.value') })),
    )
    .execute();
}
