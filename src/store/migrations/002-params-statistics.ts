import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import { isPostgres } from './dialect.js';

/**
 * PostgreSQL only: joint statistics on params(key, value). Without them the planner multiplies
 * the selectivities of `key = 'lr'` and `value = '0.1'` as if independent, underestimates the
 * match by ~20× on a 100k-run store, and sorts every match instead of reading the sort index
 * (search p95 146 ms → 88 ms with them). SQLite has no such statistics: a no-op there.
 */
// Migrations see the database as it was at their time, not as the current types describe it.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

export async function up(db: AnyDb): Promise<void> {
  if (!(await isPostgres(db))) return;
  await sql`create statistics if not exists params_key_value_stats (mcv) on key, value from params`.execute(
    db,
  );
  await sql`analyze params`.execute(db);
}

export async function down(db: AnyDb): Promise<void> {
  if (!(await isPostgres(db))) return;
  await sql`drop statistics if exists params_key_value_stats`.execute(db);
}
