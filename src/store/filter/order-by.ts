import type { Expression, RawBuilder, SqlBool } from 'kysely';
import { sql } from 'kysely';
import type { StoreDialect } from '../connect.js';
import type { FieldRef } from './ast.js';
import { RUN_ATTRIBUTES } from './ast.js';
import type { ColumnSql } from './column-sql.js';
import { AGGREGATE_COLUMNS, and, isNull, numberParam, or } from './column-sql.js';
import type { RunsExpressionBuilder } from './compile.js';
import { parseField } from './field.js';
import { TokenCursor } from './token-cursor.js';

/** One parsed `orderBy` entry: `metrics.auc DESC`, `params.lr` (ascending by default). */
export interface SortTerm {
  readonly field: FieldRef;
  readonly descending: boolean;
}

/** One value a row is sorted on; a param sorts on two (its number, then its text). */
export interface SortColumn {
  readonly type: 'number' | 'text';
  readonly integer: boolean;
  readonly descending: boolean;
  /** For a metric: the latest_metrics key and column, so a search can be driven by its index. */
  readonly metric?: { readonly key: string; readonly column: string };
  expression(eb: RunsExpressionBuilder): RawBuilder<unknown>;
}

/**
 * Parses one order-by entry: a field as in filters, then optionally ASC or DESC. Dataset
 * fields are refused (a run may use several datasets). Errors are FilterParseErrors on `clause`.
 *
 * @example
 * parseOrderBy('metrics.auc DESC'); // { field: { kind: 'metric', key: 'auc', aggregate: 'last' }, descending: true }
 */
export function parseOrderBy(clause: string): SortTerm {
  const cursor = new TokenCursor(clause);
  const { field, token } = parseField(cursor);
  if (field.kind === 'dataset')
    cursor.failWith(token, 'cannot order by a dataset field: a run may use several datasets');
  let descending = false;
  if (cursor.acceptKeyword('desc')) descending = true;
  else cursor.acceptKeyword('asc');
  if (cursor.peek().kind !== 'end') cursor.fail(cursor.peek(), 'expected ASC, DESC or the end');
  return { field, descending };
}

/**
 * What SQL a term sorts on. Metric, param and tag values are scalar subqueries on their
 * primary keys; a run without the value (or a NaN metric) sorts as NULL, last in both
 * directions. Text sorts in byte order on both dialects.
 */
export function sortColumns(term: SortTerm, dialect: StoreDialect): SortColumn[] {
  const { field, descending } = term;
  const text = (expression: (eb: RunsExpressionBuilder) => RawBuilder<unknown>): SortColumn => ({
    type: 'text',
    integer: false,
    descending,
    expression: (eb) =>
      dialect === 'postgres' ? sql`${expression(eb)} collate "C"` : expression(eb),
  });
  switch (field.kind) {
    case 'metric': {
      const column = sql.ref(`latest_metrics.${AGGREGATE_COLUMNS[field.aggregate]}`);
      return [
        {
          type: 'number',
          integer: field.aggregate === 'count',
          descending,
          metric: { key: field.key, column: AGGREGATE_COLUMNS[field.aggregate] },
          expression: (eb) =>
            sql`(${eb
              .selectFrom('latest_metrics')
              .select(sql`${column}`.as('v'))
              .whereRef('latest_metrics.run_id', '=', 'runs.run_id')
              .where('latest_metrics.key', '=', field.key)})`,
        },
      ];
    }
    case 'param': {
      const value = (eb: RunsExpressionBuilder, column: 'value' | 'value_num') =>
        sql`(${eb
          .selectFrom('params')
          .select(`params.${column}`)
          .whereRef('params.run_id', '=', 'runs.run_id')
          .where('params.key', '=', field.key)})`;
      return [
        { type: 'number', integer: false, descending, expression: (eb) => value(eb, 'value_num') },
        text((eb) => value(eb, 'value')),
      ];
    }
    case 'tag':
      return [
        text(
          (eb) =>
            sql`(${eb
              .selectFrom('run_tags')
              .select('run_tags.value')
              .whereRef('run_tags.run_id', '=', 'runs.run_id')
              .where('run_tags.key', '=', field.key)})`,
        ),
      ];
    case 'attribute': {
      const ref = sql.ref(`runs.${field.name}`);
      if (RUN_ATTRIBUTES[field.name].type === 'integer')
        return [{ type: 'number', integer: true, descending, expression: () => ref }];
      return [text(() => ref)];
    }
    case 'dataset':
      return [];
  }
}

/**
 * The keyset condition "strictly after this row" for sort columns (NULLs last in either
 * direction) tie-broken by ascending run_id: the first column that differs decides.
 */
export function afterRow(
  eb: RunsExpressionBuilder,
  columns: readonly SortColumn[],
  values: readonly (string | number | null)[],
  runId: string,
  dialect: StoreDialect,
): Expression<SqlBool> {
  let condition: Expression<SqlBool> = sql<SqlBool>`${sql.ref('runs.run_id')} > ${runId}`;
  for (let i = columns.length - 1; i >= 0; i--) {
    const sortColumn = columns[i];
    const column: ColumnSql = {
      ref: sortColumn.expression(eb),
      integer: sortColumn.integer,
      dialect,
    };
    const value = values[i];
    if (value === null) {
      condition = and([isNull(column, false), condition]);
      continue;
    }
    const param = typeof value === 'number' ? numberParam(column, value) : sql`${value}`;
    const beyond = sortColumn.descending
      ? sql<SqlBool>`${column.ref} < ${param}`
      : sql<SqlBool>`${column.ref} > ${param}`;
    condition = or([
      beyond,
      isNull(column, false),
      and([sql<SqlBool>`${column.ref} = ${param}`, condition]),
    ]);
  }
  return condition;
}
