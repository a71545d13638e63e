import type { Kysely } from 'kysely';
import type { InputSignature } from '../features/index.js';
import { InvalidParameterError, StoreConflictError, StoreNotFoundError } from '../errors.js';
import type { ModelVersionRow, ModelVersionStatus, StoreDatabase } from '../store/schema.js';
import { recordAliasEvent } from './alias-log.js';
import { hydrateVersions } from './hydrate.js';
import { encodeMetrics, encodeSignature } from './json-fields.js';
import { validateModelName, validateTagKey, validateVersionNumber } from './names.js';
import type { AuditOptions, ModelVersion } from './records.js';
import { insertModel } from './registered-models.js';
import type { RegistryConnection } from './registry-connection.js';
import { lockModel, writeTransaction } from './write-transaction.js';

export interface CreateVersionOptions {
  /** Where the model artifact is: a path, a `file://` URI or `runs:/<run_id>/<path>`. */
  readonly artifactUri: string;
  readonly runId?: string;
  readonly signature?: InputSignature;
  readonly metrics?: Readonly<Record<string, number>>;
  readonly description?: string;
  readonly tags?: Readonly<Record<string, string>>;
  /** Register the model first when it does not exist yet (default false). */
  readonly createModel?: boolean;
}

/** Registers the next version; the number comes from the model's counter under its row lock. */
export async function createVersion(
  connection: RegistryConnection,
  name: string,
  options: CreateVersionOptions,
): Promise<ModelVersion> {
  validateModelName(name, 'createVersion');
  if (typeof options.artifactUri !== 'string' || options.artifactUri.trim() === '')
    throw new InvalidParameterError('createVersion', 'artifactUri', 'must name the model artifact');
  for (const key of Object.keys(options.tags ?? {})) validateTagKey(key, 'createVersion');
  const version = await writeTransaction(connection, async (db) => {
    const now = Date.now();
    if (options.createModel === true) await insertModel(db, name, null);
    // One UPDATE reads and bumps the counter: on PostgreSQL it takes the row lock, so two
    // concurrent calls serialise here and never see the same number.
    const counter = await db
      .updateTable('registered_models')
      .set((eb) => ({ next_version: eb('next_version', '+', 1), updated_at: now }))
      .where('name', '=', name)
      .returning('next_version')
      .executeTakeFirst();
    if (counter === undefined) throw new StoreNotFoundError('Registered model', name);
    const number = Number(counter.next_version) - 1;
    await db
      .insertInto('model_versions')
      .values({
        name,
        version: number,
        run_id: options.runId ?? null,
        artifact_uri: options.artifactUri,
        signature: encodeSignature(options.signature),
        metrics: encodeMetrics(options.metrics),
        description: options.description ?? null,
        status: 'active',
        created_at: now,
        updated_at: now,
      })
      .execute();
    await upsertVersionTags(db, name, number, options.tags ?? {});
    return number;
  });
  return getVersion(connection, name, version);
}

export async function getVersion(
  connection: RegistryConnection,
  name: string,
  version: number,
): Promise<ModelVersion> {
  const row = await versionRow(connection.db, name, version);
  if (row === undefined) await throwVersionNotFound(connection.db, name, version);
  const [record] = await hydrateVersions(connection.db, [row as ModelVersionRow]);
  return record;
}

export interface ListVersionsOptions {
  /** Only versions with this status; all when absent. */
  readonly status?: ModelVersionStatus;
}

/** The model's versions, oldest first. */
export async function listVersions(
  connection: RegistryConnection,
  name: string,
  options: ListVersionsOptions = {},
): Promise<ModelVersion[]> {
  const rows = await connection.db
    .selectFrom('model_versions')
    .selectAll()
    .where('name', '=', name)
    .$if(options.status !== undefined, (query) =>
      query.where('status', '=', options.status as ModelVersionStatus),
    )
    .orderBy('version')
    .execute();
  if (rows.length === 0) await requireModelExists(connection.db, name);
  return hydrateVersions(connection.db, rows);
}

export async function updateVersionDescription(
  connection: RegistryConnection,
  name: string,
  version: number,
  description: string | null,
): Promise<ModelVersion> {
  const result = await connection.db
    .updateTable('model_versions')
    .set({ description, updated_at: Date.now() })
    .where('name', '=', name)
    .where('version', '=', version)
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) === 0) await throwVersionNotFound(connection.db, name, version);
  return getVersion(connection, name, version);
}

/**
 * Archives or restores a version. An archived version cannot hold an alias, so archiving one
 * that does is refused until its aliases move elsewhere.
 */
export async function setVersionStatus(
  connection: RegistryConnection,
  name: string,
  version: number,
  status: ModelVersionStatus,
): Promise<ModelVersion> {
  validateVersionNumber(version, 'setVersionStatus');
  await writeTransaction(connection, async (db) => {
    await lockModel(db, connection, name);
    if ((await versionRow(db, name, version)) === undefined)
      await throwVersionNotFound(db, name, version);
    if (status === 'archived') {
      const held = await aliasesOf(db, name, version);
      if (held.length > 0)
        throw new StoreConflictError(
          `${name}/${version} cannot be archived while it holds ${held.map((a) => `@${a}`).join(', ')}: move or delete ${held.length === 1 ? 'that alias' : 'those aliases'} first`,
        );
    }
    await db
      .updateTable('model_versions')
      .set({ status, updated_at: Date.now() })
      .where('name', '=', name)
      .where('version', '=', version)
      .execute();
  });
  return getVersion(connection, name, version);
}

/** Deletes a version and its tags; aliases pointing at it are removed, each move logged. */
export async function deleteVersion(
  connection: RegistryConnection,
  name: string,
  version: number,
  audit: AuditOptions = {},
): Promise<void> {
  await writeTransaction(connection, async (db) => {
    await lockModel(db, connection, name);
    if ((await versionRow(db, name, version)) === undefined)
      await throwVersionNotFound(db, name, version);
    for (const alias of await aliasesOf(db, name, version)) {
      await db
        .deleteFrom('model_aliases')
        .where('name', '=', name)
        .where('alias', '=', alias)
        .execute();
      await recordAliasEvent(
        db,
        { name, alias, fromVersion: version, toVersion: null },
        { ...audit, reason: audit.reason ?? `version ${version} deleted` },
      );
    }
    await db
      .deleteFrom('model_versions')
      .where('name', '=', name)
      .where('version', '=', version)
      .execute();
  });
}

export async function setVersionTag(
  connection: RegistryConnection,
  name: string,
  version: number,
  key: string,
  value: string,
): Promise<void> {
  validateTagKey(key, 'setVersionTag');
  await writeTransaction(connection, async (db) => {
    if ((await versionRow(db, name, version)) === undefined)
      await throwVersionNotFound(db, name, version);
    await upsertVersionTags(db, name, version, { [key]: value });
  });
}

export async function deleteVersionTag(
  connection: RegistryConnection,
  name: string,
  version: number,
  key: string,
): Promise<void> {
  const result = await connection.db
    .deleteFrom('model_version_tags')
    .where('name', '=', name)
    .where('version', '=', version)
    .where('key', '=', key)
    .executeTakeFirst();
  if (Number(result.numDeletedRows) === 0)
    throw new StoreNotFoundError('Tag', `${name}/${version}: ${key}`);
}

export function versionRow(
  db: Kysely<StoreDatabase>,
  name: string,
  version: number,
): Promise<ModelVersionRow | undefined> {
  return db
    .selectFrom('model_versions')
    .selectAll()
    .where('name', '=', name)
    .where('version', '=', version)
    .executeTakeFirst();
}

/** Names the missing thing precisely: the model when it is absent, else the version. */
export async function throwVersionNotFound(
  db: Kysely<StoreDatabase>,
  name: string,
  version: number,
): Promise<never> {
  await requireModelExists(db, name);
  throw new StoreNotFoundError('Model version', `${name}/${version}`);
}

/** StoreNotFoundError unless the model exists. */
export async function requireModelExists(db: Kysely<StoreDatabase>, name: string): Promise<void> {
  const model = await db
    .selectFrom('registered_models')
    .select('name')
    .where('name', '=', name)
    .executeTakeFirst();
  if (model === undefined) throw new StoreNotFoundError('Registered model', name);
}

async function aliasesOf(
  db: Kysely<StoreDatabase>,
  name: string,
  version: number,
): Promise<string[]> {
  const rows = await db
    .selectFrom('model_aliases')
    .select('alias')
    .where('name', '=', name)
    .where('version', '=', version)
    .orderBy('alias')
    .execute();
  return rows.map((row) => row.alias);
}

async function upsertVersionTags(
  db: Kysely<StoreDatabase>,
  name: string,
  version: number,
  tags: Readonly<Record<string, string>>,
): Promise<void> {
  const rows = Object.entries(tags).map(([key, value]) => ({
    name,
    version,
    key,
    value: String(value),
  }));
  if (rows.length === 0) return;
  await db
    .insertInto('model_version_tags')
    .values(rows)
    .onConflict((conflict) =>
      conflict
        .columns(['name', 'version', 'key'])
        .doUpdateSet((eb) => ({ value: eb.ref('excluded.value') })),
    )
    .execute();
}
