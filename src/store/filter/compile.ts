import type { Expression, ExpressionBuilder, SqlBool } from 'kysely';
import { sql } from 'kysely';
import type { StoreDialect } from '../connect.js';
import type { StoreDatabase } from '../schema.js';
import type { FieldRef, FilterNode } from './ast.js';
import { RUN_ATTRIBUTES } from './ast.js';
import type { ColumnSql } from './column-sql.js';
import { AGGREGATE_COLUMNS, and, comparison, inList, isNull, like, not, or } from './column-sql.js';

export type RunsExpressionBuilder = ExpressionBuilder<StoreDatabase, 'runs'>;

/**
 * How a key predicate reaches its table. `in` (`run_id in (select …)`) lets a planner start
 * from the smallest matching set; `exists` (a correlated primary-key probe per run) is cheaper
 * when the runs come in order from a sort index and only the first few are needed.
 */
export type SemiJoinStyle = 'in' | 'exists';

type Leaf = Extract<FilterNode, { field: FieldRef }>;
type KeyedField = Exclude<FieldRef, { kind: 'attribute' }>;
type ValueLeaf = Extract<Leaf, { type: 'compare' | 'in' | 'like' }>;

/**
 * Compiles a filter tree to a boolean SQL expression over `runs`. Every key, value and pattern
 * is a bound parameter; the only SQL text comes from this file and ./column-sql.ts. Each
 * metric / param / tag / dataset predicate is a semi-join (`runs.run_id in (select run_id …
 * where key = ? and …)`), which both planners drive from the (key, value) indexes. Every
 * expression is two-valued (never SQL NULL), so NOT is the plain complement.
 *
 * @example
 * db.selectFrom('runs').select('run_id').where((eb) => compileFilter(eb, parseFilter(text)!, 'sqlite'));
 */
export function compileFilter(
  eb: RunsExpressionBuilder,
  node: FilterNode,
  dialect: StoreDialect,
  style: SemiJoinStyle = 'in',
): Expression<SqlBool> {
  switch (node.type) {
    case 'and':
    case 'or': {
      const parts = [
        compileFilter(eb, node.left, dialect, style),
        compileFilter(eb, node.right, dialect, style),
      ];
      return node.type === 'and' ? and(parts) : or(parts);
    }
    case 'not':
      return not(compileFilter(eb, node.operand, dialect, style));
    default:
      return compileLeaf(eb, node, dialect, style);
  }
}

function compileLeaf(
  eb: RunsExpressionBuilder,
  node: Leaf,
  dialect: StoreDialect,
  style: SemiJoinStyle,
): Expression<SqlBool> {
  const field = node.field;
  if (field.kind === 'attribute') {
    const info = RUN_ATTRIBUTES[field.name];
    const column: ColumnSql = {
      ref: sql.ref(`runs.${field.name}`),
      integer: info.type === 'integer',
      dialect,
    };
    if (node.type === 'isNull') return isNull(column, node.negated);
    // The parser admits IS NAN on metrics only; attributes are never NaN.
    if (node.type === 'isNaN') return node.negated ? sql<SqlBool>`1 = 1` : sql<SqlBool>`1 = 0`;
    const predicate = valuePredicate(column, node, false);
    return info.nullable ? and([isNull(column, true), predicate]) : predicate;
  }
  if (node.type === 'isNull') {
    const present = semiJoin(eb, style, field, undefined);
    return node.negated ? present : not(present);
  }
  const column = valueColumn(field, node, dialect);
  if (node.type === 'isNaN') return semiJoin(eb, style, field, isNull(column, node.negated));
  return semiJoin(eb, style, field, valuePredicate(column, node, field.kind === 'metric'));
}

/** Which column of the joined table a predicate reads: params compare numbers on value_num. */
function valueColumn(field: KeyedField, node: Leaf, dialect: StoreDialect): ColumnSql {
  switch (field.kind) {
    case 'metric':
      return {
        ref: sql.ref(`latest_metrics.${AGGREGATE_COLUMNS[field.aggregate]}`),
        integer: field.aggregate === 'count',
        dialect,
      };
    case 'param': {
      const numeric =
        (node.type === 'compare' && typeof node.value === 'number') ||
        (node.type === 'in' && typeof node.values[0] === 'number');
      return {
        ref: sql.ref(numeric ? 'params.value_num' : 'params.value'),
        integer: false,
        dialect,
      };
    }
    case 'tag':
      return { ref: sql.ref('run_tags.value'), integer: false, dialect };
    case 'dataset':
      return { ref: sql.ref(`datasets.${field.name}`), integer: false, dialect };
  }
}

/**
 * The value test itself. On metrics NULL means NaN, and NaN behaves as in IEEE arithmetic
 * except that `= NaN` / `IN (NaN)` find it: it is != every number and never <, <=, >, >=.
 */
function valuePredicate(column: ColumnSql, node: ValueLeaf, metric: boolean): Expression<SqlBool> {
  switch (node.type) {
    case 'compare': {
      if (metric && Number.isNaN(node.value)) return isNull(column, node.operator === '!=');
      const test = comparison(column, node.operator, node.value);
      return metric && node.operator === '!=' ? or([test, isNull(column, false)]) : test;
    }
    case 'like': {
      const test = like(column, node.pattern, node.caseInsensitive);
      return node.negated ? not(test) : test;
    }
    case 'in': {
      const numbers = node.values.filter((value) => !Number.isNaN(value));
      const hasNaN = numbers.length < node.values.length;
      const listed = numbers.length > 0 ? [inList(column, numbers)] : [];
      if (!node.negated) return or([...listed, ...(hasNaN ? [isNull(column, false)] : [])]);
      if (hasNaN || !metric) return and([isNull(column, true), ...listed.map(not)]);
      return or([isNull(column, false), ...listed.map(not)]);
    }
  }
}

/** `runs.run_id in (select run_id from <table of field> where key = ? [and predicate])`, or the `exists` form. */
function semiJoin(
  eb: RunsExpressionBuilder,
  style: SemiJoinStyle,
  field: KeyedField,
  predicate: Expression<SqlBool> | undefined,
): Expression<SqlBool> {
  const correlate = style === 'exists';
  switch (field.kind) {
    case 'metric': {
      let rows = eb
        .selectFrom('latest_metrics')
        .select('latest_metrics.run_id')
        .where('latest_metrics.key', '=', field.key);
      if (correlate) rows = rows.whereRef('latest_metrics.run_id', '=', 'runs.run_id');
      if (predicate) rows = rows.where(predicate);
      return correlate ? eb.exists(rows) : eb('runs.run_id', 'in', rows);
    }
    case 'param': {
      let rows = eb
        .selectFrom('params')
        .select('params.run_id')
        .where('params.key', '=', field.key);
      if (correlate) rows = rows.whereRef('params.run_id', '=', 'runs.run_id');
      if (predicate) rows = rows.where(predicate);
      return correlate ? eb.exists(rows) : eb('runs.run_id', 'in', rows);
    }
    case 'tag': {
      let rows = eb
        .selectFrom('run_tags')
        .select('run_tags.run_id')
        .where('run_tags.key', '=', field.key);
      if (correlate) rows = rows.whereRef('run_tags.run_id', '=', 'runs.run_id');
      if (predicate) rows = rows.where(predicate);
      return correlate ? eb.exists(rows) : eb('runs.run_id', 'in', rows);
    }
    case 'dataset': {
      let rows = eb
        .selectFrom('run_inputs')
        .innerJoin('datasets', 'datasets.dataset_id', 'run_inputs.dataset_id')
        .select('run_inputs.run_id');
      if (correlate) rows = rows.whereRef('run_inputs.run_id', '=', 'runs.run_id');
      if (predicate) rows = rows.where(predicate);
      return correlate ? eb.exists(rows) : eb('runs.run_id', 'in', rows);
    }
  }
}
