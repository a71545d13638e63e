/**
 * Opens the store's database from a URI and brings its schema up to date. One Kysely instance
 * over either dialect; everything above this file is dialect-blind except where it asks
 * `dialect` (upserts, locking).
 */
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { Kysely, Migrator, PostgresDialect, SqliteDialect, sql } from 'kysely';
import pg from 'pg';
import { StoreError } from '../errors.js';
import { MIGRATIONS } from './migrations/index.js';
import type { StoreDatabase } from './schema.js';

export type StoreDialect = 'sqlite' | 'postgres';

/** Where the store is when neither `--store` nor `ARGMIN_STORE` says otherwise. */
export const DEFAULT_STORE_URI = 'sqlite:./.argmin/argmin.db';

export interface StoreLocation {
  readonly dialect: StoreDialect;
  /** SQLite: an absolute file path or `:memory:`; PostgreSQL: the connection string. */
  readonly target: string;
}

export interface StoreConnection {
  readonly db: Kysely<StoreDatabase>;
  readonly dialect: StoreDialect;
  readonly uri: string;
  close(): Promise<void>;
}

/**
 * Reads a store URI: `sqlite:path` (relative to the working directory), `sqlite::memory:`,
 * `postgres://…` or `postgresql://…`. Anything else is a StoreError that lists the forms.
 */
export function parseStoreUri(uri: string): StoreLocation {
  if (uri.startsWith('sqlite:')) {
    const path = uri.slice('sqlite:'.length).replace(/^\/\/(?=\/)/, '');
    if (path === '')
      throw new StoreError(`Store URI "${uri}" names no file; use sqlite:path/to/argmin.db`);
    return { dialect: 'sqlite', target: path === ':memory:' ? path : resolve(path) };
  }
  if (/^postgres(ql)?:\/\//.test(uri)) return { dialect: 'postgres', target: uri };
  throw new StoreError(
    `Store URI "${uri}" is not understood; use sqlite:path/to/argmin.db or postgres://user:pass@host/db`,
  );
}

/** The URI to use: the one given, else `ARGMIN_STORE`, else {@link DEFAULT_STORE_URI}. */
export function resolveStoreUri(uri?: string): string {
  return uri ?? process.env.ARGMIN_STORE ?? DEFAULT_STORE_URI;
}

// int8 (bigint) columns hold millisecond times and counts, all far below 2^53.
const pgTypes = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    if (oid === 20) return (value: string) => Number(value);
    return pg.types.getTypeParser(oid, format);
  },
};

function sqliteDialect(path: string): SqliteDialect {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  let database: Database.Database;
  try {
    database = new Database(path);
  } catch (cause) {
    throw new StoreError(`Cannot open SQLite store ${path}: ${(cause as Error).message}`, {
      cause,
    });
  }
  // WAL lets readers run beside one writer; the busy timeout makes concurrent writers wait
  // instead of failing with "database is locked".
  database.pragma('journal_mode = WAL');
  database.pragma('synchronous = NORMAL');
  database.pragma('busy_timeout = 30000');
  database.pragma('foreign_keys = ON');
  return new SqliteDialect({ database });
}

/**
 * Connects and migrates. A store whose schema holds migrations this argmin does not know was
 * written by a newer argmin: that is a StoreError, and nothing is changed.
 *
 * @example
 * const { db, close } = await connectStore('sqlite:./.argmin/argmin.db');
 */
export async function connectStore(uri: string = resolveStoreUri()): Promise<StoreConnection> {
  const location = parseStoreUri(uri);
  const dialect =
    location.dialect === 'sqlite'
      ? sqliteDialect(location.target)
      : new PostgresDialect({ pool: postgresPool(location.target) });
  const db = new Kysely<StoreDatabase>({ dialect });
  try {
    for (let attempt = 1; ; attempt++) {
      try {
        await migrate(db, uri, location.dialect === 'sqlite');
        break;
      } catch (error) {
        if (!lostMigrationRace(error) || attempt >= MIGRATION_ATTEMPTS) throw error;
        await new Promise((wake) => setTimeout(wake, 100 * attempt));
      }
    }
  } catch (error) {
    await db.destroy();
    if (error instanceof StoreError) throw error;
    throw new StoreError(`Cannot open store ${uri}: ${(error as Error).message}`, { cause: error });
  }
  return { db, dialect: location.dialect, uri, close: () => db.destroy() };
}

function postgresPool(connectionString: string): pg.Pool {
  const pool = new pg.Pool({
    connectionString,
    types: pgTypes,
    max: 10,
    // An idle pool must not keep a finished program alive (and delay its exit flush).
    allowExitOnIdle: true,
  });
  // A connection the server closes while it sits idle in the pool (server restart, an
  // administrator's pg_terminate_backend, a dropped database, an idle timeout) reaches the pool
  // as an 'error' event. The pool has already discarded that connection and the next query opens
  // a new one; unheard, the event would be thrown and end the process (a model server, a worker).
  pool.on('error', () => undefined);
  return pool;
}

/** Attempts at migrating a SQLite file that other processes are creating at the same moment. */
const MIGRATION_ATTEMPTS = 5;

/**
 * Whether migrating failed only because another process held the SQLite file busy past the
 * busy timeout (or while it was being created). Trying again then finds the schema in place.
 */
function lostMigrationRace(error: unknown): boolean {
  for (let e: unknown = error; e instanceof Error; e = e.cause) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && /^SQLITE_(BUSY|LOCKED)/.test(code)) return true;
  }
  return false;
}

async function appliedMigrations(db: Kysely<StoreDatabase>): Promise<string[]> {
  try {
    const { rows } = await sql<{ name: string }>`select name from kysely_migration`.execute(db);
    return rows.map((row) => row.name);
  } catch {
    return []; // a new store: the migration table does not exist yet
  }
}

async function migrate(db: Kysely<StoreDatabase>, uri: string, sqlite: boolean): Promise<void> {
  const unknown = (await appliedMigrations(db)).filter((name) => !(name in MIGRATIONS));
  if (unknown.length > 0)
    throw new StoreError(
      `Store ${uri} was written by a newer argmin (schema ${unknown.join(', ')}); upgrade argmin to open it`,
    );
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => ({ ...MIGRATIONS }) },
  });
  // Kysely runs SQLite migrations outside any transaction and takes no lock, so processes
  // creating one store at once could each apply the same migration. BEGIN IMMEDIATE takes the
  // write lock first (waiting out the busy timeout): the migrator then reads the applied list
  // under it, and a crash mid-upgrade leaves the store as it was.
  if (sqlite) await sql`begin immediate`.execute(db);
  let outcome: Awaited<ReturnType<Migrator['migrateToLatest']>>;
  try {
    outcome = await migrator.migrateToLatest();
  } catch (cause) {
    if (sqlite) await sql`rollback`.execute(db);
    throw cause;
  }
  if (sqlite) await sql.raw(outcome.error === undefined ? 'commit' : 'rollback').execute(db);
  const { error, results } = outcome;
  if (error !== undefined) {
    const failed = results?.find((result) => result.status === 'Error')?.migrationName;
    throw new StoreError(
      `Cannot upgrade store ${uri}${failed ? ` (migration ${failed})` : ''}: ${(error as Error).message}`,
      { cause: error },
    );
  }
}
