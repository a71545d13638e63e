import type { Kysely } from 'kysely';
import { StoreConflictError, StoreNotFoundError } from '../errors.js';
import type { StoreDatabase } from '../store/schema.js';
import { aliasEventRecord, recordAliasEvent } from './alias-log.js';
import {
  getVersion,
  requireModelExists,
  throwVersionNotFound,
  versionRow,
} from './model-versions.js';
import { validateAliasName, validateVersionNumber } from './names.js';
import type { AliasEvent, AuditOptions, ModelVersion } from './records.js';
import type { RegistryConnection } from './registry-connection.js';
import { lockModel, writeTransaction } from './write-transaction.js';

/**
 * Points `alias` at `version` and logs the move. Returns the logged event, or undefined when the
 * alias already pointed there (nothing moved, nothing logged).
 */
export async function setAlias(
  connection: RegistryConnection,
  name: string,
  alias: string,
  version: number,
  audit: AuditOptions = {},
): Promise<AliasEvent | undefined> {
  validateAliasName(alias, 'setAlias', name);
  validateVersionNumber(version, 'setAlias');
  return writeTransaction(connection, async (db) => {
    await lockModel(db, connection, name);
    return moveAlias(db, name, alias, version, audit);
  });
}

/** Inside a transaction holding the model's lock: moves the alias and logs the move. */
export async function moveAlias(
  db: Kysely<StoreDatabase>,
  name: string,
  alias: string,
  version: number,
  audit: AuditOptions,
): Promise<AliasEvent | undefined> {
  const target = await versionRow(db, name, version);
  if (target === undefined) return throwVersionNotFound(db, name, version);
  if (target.status === 'archived')
    throw new StoreConflictError(
      `${name}/${version} is archived and cannot hold @${alias}; restore it first or pick an active version`,
    );
  const current = await currentVersion(db, name, alias);
  if (current === version) return undefined;
  await db
    .insertInto('model_aliases')
    .values({ name, alias, version, updated_at: Date.now() })
    .onConflict((conflict) =>
      conflict.columns(['name', 'alias']).doUpdateSet((eb) => ({
        version: eb.ref('excluded.version'),
        updated_at: eb.ref('excluded.updated_at'),
      })),
    )
    .execute();
  return recordAliasEvent(
    db,
    { name, alias, fromVersion: current ?? null, toVersion: version },
    audit,
  );
}

/** Removes the alias and logs the removal; StoreNotFoundError when it does not exist. */
export async function deleteAlias(
  connection: RegistryConnection,
  name: string,
  alias: string,
  audit: AuditOptions = {},
): Promise<AliasEvent> {
  return writeTransaction(connection, async (db) => {
    await lockModel(db, connection, name);
    const current = await currentVersion(db, name, alias);
    if (current === undefined) throw new StoreNotFoundError('Alias', `${name}@${alias}`);
    await db
      .deleteFrom('model_aliases')
      .where('name', '=', name)
      .where('alias', '=', alias)
      .execute();
    return recordAliasEvent(db, { name, alias, fromVersion: current, toVersion: null }, audit);
  });
}

/** The version the alias points at; StoreNotFoundError names the model or the alias missing. */
export async function getByAlias(
  connection: RegistryConnection,
  name: string,
  alias: string,
): Promise<ModelVersion> {
  const version = await currentVersion(connection.db, name, alias);
  if (version === undefined) {
    await requireModelExists(connection.db, name);
    throw new StoreNotFoundError('Alias', `${name}@${alias}`);
  }
  return getVersion(connection, name, version);
}

/** Every move of the model's aliases (or of one alias), oldest first. */
export async function aliasHistory(
  connection: RegistryConnection,
  name: string,
  alias?: string,
): Promise<AliasEvent[]> {
  const rows = await connection.db
    .selectFrom('alias_events')
    .selectAll()
    .where('name', '=', name)
    .$if(alias !== undefined, (query) => query.where('alias', '=', alias as string))
    .orderBy('at')
    .execute();
  if (rows.length === 0) await requireModelExists(connection.db, name);
  return rows.map(aliasEventRecord);
}

export async function currentVersion(
  db: Kysely<StoreDatabase>,
  name: string,
  alias: string,
): Promise<number | undefined> {
  const row = await db
    .selectFrom('model_aliases')
    .select('version')
    .where('name', '=', name)
    .where('alias', '=', alias)
    .executeTakeFirst();
  return row?.version;
}
