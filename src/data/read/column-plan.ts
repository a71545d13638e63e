import { DuckDBTypeId } from '@duckdb/node-api';
import type { ColumnKind } from '../column.js';
import { quoteIdentifier } from './sql.js';

/** How one source column becomes a Frame column. */
export interface ColumnPlan {
  readonly name: string;
  readonly kind: ColumnKind;
  /** The DuckDB type the column has in the materialised table. */
  readonly sourceType: DuckDBTypeId;
  /** Whether the kind was forced by the caller (`types`). */
  readonly forced: boolean;
}

const numericTypes = new Set<DuckDBTypeId>([
  DuckDBTypeId.TINYINT,
  DuckDBTypeId.SMALLINT,
  DuckDBTypeId.INTEGER,
  DuckDBTypeId.BIGINT,
  DuckDBTypeId.UTINYINT,
  DuckDBTypeId.USMALLINT,
  DuckDBTypeId.UINTEGER,
  DuckDBTypeId.UBIGINT,
  DuckDBTypeId.HUGEINT,
  DuckDBTypeId.UHUGEINT,
  DuckDBTypeId.FLOAT,
  DuckDBTypeId.DOUBLE,
  DuckDBTypeId.DECIMAL,
]);

const datetimeTypes = new Set<DuckDBTypeId>([
  DuckDBTypeId.DATE,
  DuckDBTypeId.TIMESTAMP,
  DuckDBTypeId.TIMESTAMP_S,
  DuckDBTypeId.TIMESTAMP_MS,
  DuckDBTypeId.TIMESTAMP_NS,
  DuckDBTypeId.TIMESTAMP_TZ,
]);

/** Text-like sources: values that must be parsed before they can be numbers, dates or flags. */
export function isTextType(type: DuckDBTypeId): boolean {
  return !numericTypes.has(type) && !datetimeTypes.has(type) && type !== DuckDBTypeId.BOOLEAN;
}

/**
 * The kind a DuckDB type maps to when the caller does not force one: numbers → numeric,
 * BOOLEAN → boolean, DATE/TIMESTAMP(TZ) → datetime, anything else (VARCHAR, UUID, TIME,
 * nested values) → categorical by its text form.
 */
export function naturalKind(type: DuckDBTypeId): ColumnKind {
  if (numericTypes.has(type)) return 'numeric';
  if (datetimeTypes.has(type)) return 'datetime';
  if (type === DuckDBTypeId.BOOLEAN) return 'boolean';
  return 'categorical';
}

/** The DuckDB type a text value is parsed as for a forced kind (TRY_CAST target). */
export const parseTypeForKind: Readonly<Record<Exclude<ColumnKind, 'categorical'>, string>> =
  Object.freeze({
    numeric: 'DOUBLE',
    boolean: 'BOOLEAN',
    datetime: 'TIMESTAMP',
  });

/**
 * SQL producing the column as a non-null DOUBLE (NaN = missing) for numeric, boolean and
 * datetime plans. Datetimes become milliseconds since the Unix epoch, UTC; numbers forced to
 * datetime are taken to be milliseconds already.
 */
export function valueExpression(plan: ColumnPlan): string {
  const c = quoteIdentifier(plan.name);
  const source = plan.sourceType;
  let expression: string;
  if (isTextType(source)) {
    const parsed = `TRY_CAST(${c} AS ${parseTypeForKind[plan.kind as Exclude<ColumnKind, 'categorical'>]})`;
    expression = plan.kind === 'datetime' ? `epoch_ms(${parsed})` : parsed;
  } else if (datetimeTypes.has(source)) {
    // TIMESTAMPTZ is an instant already; casting it to TIMESTAMP would apply the session time zone.
    expression =
      source === DuckDBTypeId.TIMESTAMP_TZ ? `epoch_ms(${c})` : `epoch_ms(CAST(${c} AS TIMESTAMP))`;
  } else if (plan.kind === 'boolean' && source !== DuckDBTypeId.BOOLEAN) {
    expression = `(${c} <> 0)`;
  } else {
    expression = c;
  }
  return `COALESCE(CAST(${expression} AS DOUBLE), 'NaN'::DOUBLE)`;
}

/** SQL producing a categorical column's text, with the empty string read as missing. */
export function textExpression(plan: ColumnPlan): string {
  return `NULLIF(CAST(${quoteIdentifier(plan.name)} AS VARCHAR), '')`;
}
