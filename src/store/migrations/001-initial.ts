import type { Kysely } from 'kysely';

/**
 * The first schema: tracking (experiments, runs, params, tags, metric history and per-key
 * aggregates, datasets) and the registry (models, versions, tags, aliases and their audit log).
 * Written with Kysely's schema builder and types both dialects accept; see ../schema.ts for the
 * conventions. Migrations are append-only: a change is a new file, never an edit of this one.
 */
// Migrations see the database as it was at their time, not as the current types describe it.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('experiments')
    .addColumn('experiment_id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull().unique())
    .addColumn('description', 'text')
    .addColumn('lifecycle_stage', 'text', (c) => c.notNull().defaultTo('active'))
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('experiment_tags')
    .addColumn('experiment_id', 'text', (c) =>
      c.notNull().references('experiments.experiment_id').onDelete('cascade'),
    )
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('value', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('experiment_tags_pk', ['experiment_id', 'key'])
    .execute();

  await db.schema
    .createTable('runs')
    .addColumn('run_id', 'text', (c) => c.primaryKey())
    .addColumn('experiment_id', 'text', (c) =>
      c.notNull().references('experiments.experiment_id').onDelete('cascade'),
    )
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('start_time', 'bigint', (c) => c.notNull())
    .addColumn('end_time', 'bigint')
    .addColumn('parent_run_id', 'text')
    .addColumn('source_commit', 'text')
    .addColumn('source_command', 'text')
    .addColumn('argmin_version', 'text', (c) => c.notNull())
    .addColumn('host', 'text')
    .addColumn('lifecycle_stage', 'text', (c) => c.notNull().defaultTo('active'))
    .addColumn('artifact_uri', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('runs_experiment_start')
    .on('runs')
    .columns(['experiment_id', 'start_time'])
    .execute();
  await db.schema.createIndex('runs_parent').on('runs').column('parent_run_id').execute();

  for (const table of ['run_tags', 'params'] as const) {
    let builder = db.schema
      .createTable(table)
      .addColumn('run_id', 'text', (c) => c.notNull().references('runs.run_id').onDelete('cascade'))
      .addColumn('key', 'text', (c) => c.notNull())
      .addColumn('value', 'text', (c) => c.notNull());
    if (table === 'params') builder = builder.addColumn('value_num', 'double precision');
    await builder.addPrimaryKeyConstraint(`${table}_pk`, ['run_id', 'key']).execute();
  }
  await db.schema
    .createIndex('run_tags_key_value')
    .on('run_tags')
    .columns(['key', 'value'])
    .execute();
  await db.schema.createIndex('params_key_value').on('params').columns(['key', 'value']).execute();
  await db.schema
    .createIndex('params_key_num')
    .on('params')
    .columns(['key', 'value_num'])
    .execute();

  await db.schema
    .createTable('metrics')
    .addColumn('run_id', 'text', (c) => c.notNull().references('runs.run_id').onDelete('cascade'))
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('step', 'bigint', (c) => c.notNull())
    .addColumn('timestamp', 'bigint', (c) => c.notNull())
    .addColumn('value', 'double precision')
    .execute();
  await db.schema
    .createIndex('metrics_run_key_step')
    .on('metrics')
    .columns(['run_id', 'key', 'step'])
    .execute();

  await db.schema
    .createTable('latest_metrics')
    .addColumn('run_id', 'text', (c) => c.notNull().references('runs.run_id').onDelete('cascade'))
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('last_value', 'double precision')
    .addColumn('last_step', 'bigint', (c) => c.notNull())
    .addColumn('last_timestamp', 'bigint', (c) => c.notNull())
    .addColumn('first_value', 'double precision')
    .addColumn('first_step', 'bigint', (c) => c.notNull())
    .addColumn('first_timestamp', 'bigint', (c) => c.notNull())
    .addColumn('min_value', 'double precision')
    .addColumn('max_value', 'double precision')
    .addColumn('count', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('latest_metrics_pk', ['run_id', 'key'])
    .execute();
  await db.schema
    .createIndex('latest_metrics_key_last')
    .on('latest_metrics')
    .columns(['key', 'last_value'])
    .execute();

  await db.schema
    .createTable('datasets')
    .addColumn('dataset_id', 'text', (c) => c.primaryKey())
    .addColumn('fingerprint', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('rows', 'bigint')
    .addColumn('columns', 'integer')
    .addColumn('profile', 'text')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addUniqueConstraint('datasets_fingerprint_name', ['fingerprint', 'name'])
    .execute();
  await db.schema
    .createTable('run_inputs')
    .addColumn('run_id', 'text', (c) => c.notNull().references('runs.run_id').onDelete('cascade'))
    .addColumn('dataset_id', 'text', (c) =>
      c.notNull().references('datasets.dataset_id').onDelete('cascade'),
    )
    .addColumn('context', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('run_inputs_pk', ['run_id', 'dataset_id', 'context'])
    .execute();

  await db.schema
    .createTable('registered_models')
    .addColumn('name', 'text', (c) => c.primaryKey())
    .addColumn('description', 'text')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addColumn('next_version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema
    .createTable('registered_model_tags')
    .addColumn('name', 'text', (c) =>
      c.notNull().references('registered_models.name').onDelete('cascade'),
    )
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('value', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('registered_model_tags_pk', ['name', 'key'])
    .execute();
  await db.schema
    .createTable('model_versions')
    .addColumn('name', 'text', (c) =>
      c.notNull().references('registered_models.name').onDelete('cascade'),
    )
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('run_id', 'text')
    .addColumn('artifact_uri', 'text', (c) => c.notNull())
    .addColumn('signature', 'text')
    .addColumn('metrics', 'text')
    .addColumn('description', 'text')
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('active'))
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('model_versions_pk', ['name', 'version'])
    .execute();
  await db.schema.createIndex('model_versions_run').on('model_versions').column('run_id').execute();
  await db.schema
    .createTable('model_version_tags')
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('value', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('model_version_tags_pk', ['name', 'version', 'key'])
    .addForeignKeyConstraint(
      'model_version_tags_version_fk',
      ['name', 'version'],
      'model_versions',
      ['name', 'version'],
      (c) => c.onDelete('cascade'),
    )
    .execute();
  await db.schema
    .createTable('model_aliases')
    .addColumn('name', 'text', (c) =>
      c.notNull().references('registered_models.name').onDelete('cascade'),
    )
    .addColumn('alias', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('model_aliases_pk', ['name', 'alias'])
    .execute();
  await db.schema
    .createTable('alias_events')
    .addColumn('event_id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) =>
      c.notNull().references('registered_models.name').onDelete('cascade'),
    )
    .addColumn('alias', 'text', (c) => c.notNull())
    .addColumn('from_version', 'integer')
    .addColumn('to_version', 'integer')
    .addColumn('actor', 'text', (c) => c.notNull())
    .addColumn('at', 'bigint', (c) => c.notNull())
    .addColumn('reason', 'text')
    .execute();
  await db.schema
    .createIndex('alias_events_model_at')
    .on('alias_events')
    .columns(['name', 'at'])
    .execute();
}

export async function down(db: AnyDb): Promise<void> {
  for (const table of [
    'alias_events',
    'model_aliases',
    'model_version_tags',
    'model_versions',
    'registered_model_tags',
    'registered_models',
    'run_inputs',
    'datasets',
    'latest_metrics',
    'metrics',
    'params',
    'run_tags',
    'runs',
    'experiment_tags',
    'experiments',
  ])
    await db.schema.dropTable(table).ifExists().execute();
}
