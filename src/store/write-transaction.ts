import { sql } from 'kysely';
import type { Kysely } from 'kysely';
import type { StoreConnection } from './connect.js';
import type { StoreDatabase } from './schema.js';

/** How often a write that still finds the database locked after SQLite's 30 s busy wait retries. */
const busyRetries = 5;

/**
 * Runs `work` in one write transaction. SQLite: `BEGIN IMMEDIATE` takes the write lock up front,
 * so the busy timeout covers the whole wait; a deferred transaction that reads first and writes
 * later can fail at once with SQLITE_BUSY when another process wrote in between. Should the lock
 * still be busy after the timeout, the transaction is retried, never surfaced as "database is
 * locked". PostgreSQL: an ordinary transaction on a pooled connection.
 *
 * `work` must use only the executor it is given (SQLite has one connection, held here).
 *
 * @example
 * await writeTransaction(store, (trx) => trx.deleteFrom('runs').where('run_id', '=', id).execute());
 */
export async function writeTransaction<T>(
  connection: Pick<StoreConnection, 'db' | 'dialect'>,
  work: (trx: Kysely<StoreDatabase>) => Promise<T>,
): Promise<T> {
  if (connection.dialect === 'postgres') return connection.db.transaction().execute(work);
  for (let attempt = 0; ; attempt++) {
    try {
      return await connection.db.connection().execute(async (conn) => {
        await sql`begin immediate`.execute(conn);
        try {
          const result = await work(conn);
          await sql`commit`.execute(conn);
          return result;
        } catch (error) {
          await sql`rollback`.execute(conn).catch(() => undefined);
          throw error;
        }
      });
    } catch (error) {
      if (!isBusyError(error) || attempt >= busyRetries) throw error;
      await new Promise((wake) => setTimeout(wake, 50 * (attempt + 1)));
    }
  }
}

/** SQLITE_BUSY and its extended codes (BUSY_SNAPSHOT, BUSY_RECOVERY, ...), anywhere in the cause chain. */
export function isBusyError(error: unknown): boolean {
  for (let current = error; current instanceof Error; current = current.cause) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && code.startsWith('SQLITE_BUSY')) return true;
  }
  return false;
}
