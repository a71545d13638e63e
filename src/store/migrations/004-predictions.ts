import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import { isPostgres } from './dialect.js';

/**
 * Serving: the prediction log (a sampled record of what each served model was asked and
 * answered, kept for monitoring), and on PostgreSQL a trigger that NOTIFYs `argmin_aliases`
 * whenever an alias moves, so servers swap versions without polling.
 */
// Migrations see the database as it was at their time, not as the current types describe it.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('predictions')
    .addColumn('request_id', 'text', (c) => c.notNull())
    .addColumn('model', 'text', (c) => c.notNull())
    .addColumn('version', 'integer')
    .addColumn('endpoint', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('at', 'bigint', (c) => c.notNull())
    .addColumn('latency_ms', 'double precision', (c) => c.notNull())
    .addColumn('rows', 'integer', (c) => c.notNull())
    .addColumn('inputs', 'text', (c) => c.notNull())
    .addColumn('outputs', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('predictions_model_at')
    .on('predictions')
    .columns(['model', 'at'])
    .execute();
  await db.schema
    .createIndex('predictions_request')
    .on('predictions')
    .column('request_id')
    .execute();
  if (!(await isPostgres(db))) return;
  await sql`
    create or replace function argmin_notify_alias() returns trigger as $$
    begin
      perform pg_notify('argmin_aliases', coalesce(new.name, old.name) || '@' || coalesce(new.alias, old.alias));
      return null;
    end;
    $$ language plpgsql`.execute(db);
  await sql`
    create trigger model_aliases_notify after insert or update or delete on model_aliases
    for each row execute function argmin_notify_alias()`.execute(db);
}
