import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import { StoreNotFoundError } from '../errors.js';
import type { StoreDatabase } from '../store/schema.js';
import type { RegistryConnection } from './registry-connection.js';

/**
 * Runs `work` in a transaction that holds the write lock from its first statement. SQLite's
 * plain BEGIN takes the lock at the first write, and a transaction that read first may then fail
 * with SQLITE_BUSY without waiting; BEGIN IMMEDIATE waits (busy_timeout) for the lock instead.
 * PostgreSQL transactions take row locks as they go (see {@link lockModel}).
 */
export async function writeTransaction<T>(
  connection: RegistryConnection,
  work: (db: Kysely<StoreDatabase>) => Promise<T>,
): Promise<T> {
  if (connection.dialect === 'postgres') return connection.db.transaction().execute(work);
  return connection.db.connection().execute(async (db) => {
    await sql`begin immediate`.execute(db);
    try {
      const result = await work(db);
      await sql`commit`.execute(db);
      return result;
    } catch (error) {
      // SQLite ends the transaction itself on some errors (SQLITE_FULL, SQLITE_IOERR); the
      // rollback then fails, and the error worth reporting is still the first one.
      await sql`rollback`.execute(db).catch(() => undefined);
      throw error;
    }
  });
}

/**
 * Inside {@link writeTransaction}: locks the model's row until commit, so moves of its aliases and
 * numbering of its versions happen one at a time (PostgreSQL row lock; SQLite already holds the
 * database write lock). Throws StoreNotFoundError when the model does not exist.
 */
export async function lockModel(
  db: Kysely<StoreDatabase>,
  connection: RegistryConnection,
  name: string,
): Promise<void> {
  const row = await db
    .selectFrom('registered_models')
    .select('name')
    .where('name', '=', name)
    .$if(connection.dialect === 'postgres', (query) => query.forUpdate())
    .executeTakeFirst();
  if (row === undefined) throw new StoreNotFoundError('Registered model', name);
}
