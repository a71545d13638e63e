import type { Expression, RawBuilder, SqlBool } from 'kysely';
import { sql } from 'kysely';
import type { StoreDialect } from '../connect.js';
import type { ComparisonOperator, FilterValue, MetricAggregate } from './ast.js';

/** The latest_metrics column that holds each aggregate. */
export const AGGREGATE_COLUMNS: Readonly<Record<MetricAggregate, string>> = Object.freeze({
  last: 'last_value',
  first: 'first_value',
  min: 'min_value',
  max: 'max_value',
  count: 'count',
});

/** One column a predicate reads, with what the SQL around it must know about it. */
export interface ColumnSql {
  readonly ref: RawBuilder<unknown>;
  /** bigint columns: a non-integer literal is cast so PostgreSQL does not read it as int8. */
  readonly integer: boolean;
  readonly dialect: StoreDialect;
}

/**
 * A bound number for comparing with `column`. PostgreSQL types a parameter from the column it
 * meets, so 0.5 against an int8 column, or ±Infinity, needs an explicit double cast there.
 */
export function numberParam(column: ColumnSql, value: number): RawBuilder<unknown> {
  if (column.dialect === 'postgres' && (!Number.isSafeInteger(value) || !column.integer))
    return sql`cast(${value} as double precision)`;
  return sql`${value}`;
}

export function valueParam(column: ColumnSql, value: FilterValue): RawBuilder<unknown> {
  return typeof value === 'number' ? numberParam(column, value) : sql`${value}`;
}

/**
 * Text compared for order with byte order on both dialects: PostgreSQL's default collation may
 * be a locale's, SQLite's is BINARY. Equality needs no collation (deterministic either way),
 * which keeps the (key, value) indexes usable.
 */
export function orderedText(column: ColumnSql): RawBuilder<unknown> {
  return column.dialect === 'postgres' ? sql`${column.ref} collate "C"` : column.ref;
}

export function comparison(
  column: ColumnSql,
  operator: ComparisonOperator,
  value: FilterValue,
): RawBuilder<SqlBool> {
  const sqlOperator = sql.raw(operator === '!=' ? '<>' : operator);
  if (typeof value === 'string' && operator !== '=' && operator !== '!=')
    return sql<SqlBool>`${orderedText(column)} ${sqlOperator} ${value}`;
  return sql<SqlBool>`${column.ref} ${sqlOperator} ${valueParam(column, value)}`;
}

export function inList(column: ColumnSql, values: readonly FilterValue[]): RawBuilder<SqlBool> {
  const params = values.map((value) => valueParam(column, value));
  return sql<SqlBool>`${column.ref} in (${sql.join(params)})`;
}

/**
 * LIKE with `%` and `_` as the only wildcards and no escape character, case-sensitive, the same
 * on both dialects. SQLite's LIKE ignores ASCII case, so case-sensitive LIKE becomes GLOB there
 * (with GLOB's own wildcards bracketed); ILIKE on SQLite folds ASCII case only.
 */
export function like(
  column: ColumnSql,
  pattern: string,
  caseInsensitive: boolean,
): RawBuilder<SqlBool> {
  if (column.dialect === 'postgres')
    return caseInsensitive
      ? sql<SqlBool>`${column.ref} ilike ${pattern} escape ''`
      : sql<SqlBool>`${column.ref} like ${pattern} escape ''`;
  if (caseInsensitive) return sql<SqlBool>`lower(${column.ref}) like lower(${pattern})`;
  return sql<SqlBool>`${column.ref} glob ${likeToGlob(pattern)}`;
}

/** `a%b_c*` → `a*b?c[*]`. */
export function likeToGlob(pattern: string): string {
  let glob = '';
  for (const char of pattern) {
    if (char === '%') glob += '*';
    else if (char === '_') glob += '?';
    else if (char === '*' || char === '?' || char === '[') glob += `[${char}]`;
    else glob += char;
  }
  return glob;
}

export function isNull(column: ColumnSql, negated: boolean): RawBuilder<SqlBool> {
  return negated ? sql<SqlBool>`${column.ref} is not null` : sql<SqlBool>`${column.ref} is null`;
}

export function and(parts: readonly Expression<SqlBool>[]): RawBuilder<SqlBool> {
  return sql<SqlBool>`(${sql.join(parts, sql` and `)})`;
}

export function or(parts: readonly Expression<SqlBool>[]): RawBuilder<SqlBool> {
  return sql<SqlBool>`(${sql.join(parts, sql` or `)})`;
}

export function not(part: Expression<SqlBool>): RawBuilder<SqlBool> {
  return sql<SqlBool>`not (${part})`;
}
