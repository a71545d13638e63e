import type { Kysely } from 'kysely';
import { sql } from 'kysely';

/**
 * Whether a migration runs on PostgreSQL (`version()` exists there, not on SQLite). Migrations
 * get a bare Kysely without the store's dialect, so they ask the database.
 */
// Migrations see the database as it was at their time, not as the current types describe it.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function isPostgres(db: Kysely<any>): Promise<boolean> {
  try {
    await sql`select version()`.execute(db);
    return true;
  } catch {
    return false;
  }
}
