import type { StoreDialect } from './connect.js';
import type { MetricAggregate } from './metric-aggregate.js';
import type { MetricBatch } from './metric-buffer.js';

/**
 * Hand-written SQL for metric ingest: multi-row inserts whose text depends only on the dialect
 * and the row count, so it is built once and cached; values are always bound parameters. Kysely's
 * query builder would build and compile an AST of every value on each flush — measurable at
 * hundreds of thousands of points per second.
 */

/** Points per INSERT: 5 parameters each, well under SQLite's 32,766 and PostgreSQL's 65,535. */
export const metricRowsPerStatement = 500;
/** Keys per latest_metrics upsert: 11 parameters each. */
export const latestRowsPerStatement = 200;

const cache = new Map<string, string>();

function valuesList(dialect: StoreDialect, rows: number, width: number): string {
  const tuples: string[] = [];
  let parameter = 1;
  for (let row = 0; row < rows; row++) {
    const slots: string[] = [];
    for (let column = 0; column < width; column++)
      slots.push(dialect === 'postgres' ? `$${parameter++}` : '?');
    tuples.push(`(${slots.join(',')})`);
  }
  return tuples.join(',');
}

function cached(name: string, dialect: StoreDialect, rows: number, build: () => string): string {
  const id = `${name}/${dialect}/${rows}`;
  let text = cache.get(id);
  if (text === undefined) {
    text = build();
    cache.set(id, text);
  }
  return text;
}

export function metricInsertSql(dialect: StoreDialect, rows: number): string {
  return cached('metrics', dialect, rows, () => {
    return `insert into metrics (run_id, key, step, timestamp, value) values ${valuesList(dialect, rows, 5)}`;
  });
}

/** NULL ⇔ NaN in the store (schema.ts). */
function stored(value: number): number | null {
  return Number.isNaN(value) ? null : value;
}

export function metricInsertParams(
  runId: string,
  batch: MetricBatch,
  start: number,
  end: number,
): unknown[] {
  const parameters = new Array<unknown>((end - start) * 5);
  let slot = 0;
  for (let i = start; i < end; i++) {
    parameters[slot++] = runId;
    parameters[slot++] = batch.keys[i];
    parameters[slot++] = batch.steps[i];
    parameters[slot++] = batch.timestamps[i];
    parameters[slot++] = stored(batch.values[i]);
  }
  return parameters;
}

const newer = `(excluded.last_step > latest_metrics.last_step or (excluded.last_step = latest_metrics.last_step and excluded.last_timestamp >= latest_metrics.last_timestamp))`;
const older = `(excluded.first_step < latest_metrics.first_step or (excluded.first_step = latest_metrics.first_step and excluded.first_timestamp < latest_metrics.first_timestamp))`;
const pick = (condition: string, column: string) =>
  `${column} = case when ${condition} then excluded.${column} else latest_metrics.${column} end`;

/** Merges a batch's aggregates into latest_metrics; see metric-aggregate.ts for the rules. */
export function latestUpsertSql(dialect: StoreDialect, rows: number): string {
  return cached('latest', dialect, rows, () =>
    [
      'insert into latest_metrics (run_id, key, last_value, last_step, last_timestamp,',
      'first_value, first_step, first_timestamp, min_value, max_value, count)',
      `values ${valuesList(dialect, rows, 11)}`,
      'on conflict (run_id, key) do update set',
      [
        pick(newer, 'last_value'),
        pick(newer, 'last_step'),
        pick(newer, 'last_timestamp'),
        pick(older, 'first_value'),
        pick(older, 'first_step'),
        pick(older, 'first_timestamp'),
        pick(
          '(latest_metrics.min_value is null or excluded.min_value < latest_metrics.min_value)',
          'min_value',
        ),
        pick(
          '(latest_metrics.max_value is null or excluded.max_value > latest_metrics.max_value)',
          'max_value',
        ),
        'count = latest_metrics.count + excluded.count',
      ].join(', '),
    ].join(' '),
  );
}

export function latestUpsertParams(
  runId: string,
  aggregates: readonly MetricAggregate[],
  start: number,
  end: number,
): unknown[] {
  const parameters: unknown[] = [];
  for (let i = start; i < end; i++) {
    const a = aggregates[i];
    parameters.push(
      runId,
      a.key,
      stored(a.lastValue),
      a.lastStep,
      a.lastTimestamp,
      stored(a.firstValue),
      a.firstStep,
      a.firstTimestamp,
      stored(a.min),
      stored(a.max),
      a.count,
    );
  }
  return parameters;
}
