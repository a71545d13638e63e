import type { Kysely } from 'kysely';

/**
 * Studies of the tuning engine. A study belongs to an experiment of the same name; each trial
 * that has run is also a run of that experiment (params, intermediate values as metric history,
 * final values as metrics), so the CLI and the UI see trials like any other run. The trial row
 * keeps what samplers need in one place (JSON documents), read back incrementally through
 * `version`: every write transaction on a study's trials bumps `studies.version` first, which also
 * serialises those transactions (the row lock on PostgreSQL, `BEGIN IMMEDIATE` on SQLite).
 */
// Migrations see the database as it was at their time, not as the current types describe it.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('studies')
    .addColumn('study_id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull().unique())
    .addColumn('experiment_id', 'text', (c) =>
      c.notNull().references('experiments.experiment_id').onDelete('cascade'),
    )
    .addColumn('directions', 'text', (c) => c.notNull())
    .addColumn('settings', 'text', (c) => c.notNull())
    .addColumn('user_attrs', 'text', (c) => c.notNull())
    .addColumn('version', 'bigint', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('trials')
    .addColumn('study_id', 'text', (c) =>
      c.notNull().references('studies.study_id').onDelete('cascade'),
    )
    .addColumn('number', 'bigint', (c) => c.notNull())
    .addColumn('run_id', 'text')
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('trial_values', 'text')
    .addColumn('params', 'text', (c) => c.notNull())
    .addColumn('distributions', 'text', (c) => c.notNull())
    .addColumn('intermediate_values', 'text', (c) => c.notNull())
    .addColumn('user_attrs', 'text', (c) => c.notNull())
    .addColumn('system_attrs', 'text', (c) => c.notNull())
    .addColumn('started_at', 'bigint')
    .addColumn('completed_at', 'bigint')
    .addColumn('heartbeat_at', 'bigint')
    .addColumn('worker_id', 'text')
    .addColumn('version', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('trials_pk', ['study_id', 'number'])
    .execute();
  await db.schema
    .createIndex('trials_study_version')
    .on('trials')
    .columns(['study_id', 'version'])
    .execute();
  await db.schema
    .createIndex('trials_study_state')
    .on('trials')
    .columns(['study_id', 'state'])
    .execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropTable('trials').execute();
  await db.schema.dropTable('studies').execute();
}
