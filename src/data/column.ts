/**
 * Columns of a {@link Frame}. Each kind stores its values in one typed array so hot loops never
 * touch JavaScript objects; missing values are NaN (numeric, boolean, datetime) or code -1
 * (categorical).
 */
export type ColumnKind = 'numeric' | 'categorical' | 'boolean' | 'datetime';

/** How a column takes part in learning; readers assign roles, default `feature`. */
export type ColumnRole = 'feature' | 'target' | 'id' | 'ignore';

/** Real numbers; NaN = missing. */
export interface NumericColumn {
  readonly kind: 'numeric';
  readonly name: string;
  readonly values: Float64Array;
}

/** 1 = true, 0 = false, NaN = missing. */
export interface BooleanColumn {
  readonly kind: 'boolean';
  readonly name: string;
  readonly values: Float64Array;
}

/** Milliseconds since 1970-01-01T00:00:00Z; NaN = missing. */
export interface DatetimeColumn {
  readonly kind: 'datetime';
  readonly name: string;
  readonly values: Float64Array;
}

/** Dictionary-encoded strings: `levels[codes[i]]`, code -1 = missing. Levels are unique. */
export interface CategoricalColumn {
  readonly kind: 'categorical';
  readonly name: string;
  readonly codes: Int32Array;
  readonly levels: readonly string[];
}

export type Column = NumericColumn | BooleanColumn | DatetimeColumn | CategoricalColumn;

export function numericColumn(
  name: string,
  values: Float64Array | ArrayLike<number>,
): NumericColumn {
  return Object.freeze({ kind: 'numeric', name, values: Float64Array.from(values) });
}

export function booleanColumn(
  name: string,
  values: Float64Array | ArrayLike<number>,
): BooleanColumn {
  return Object.freeze({ kind: 'boolean', name, values: Float64Array.from(values) });
}

export function datetimeColumn(
  name: string,
  values: Float64Array | ArrayLike<number>,
): DatetimeColumn {
  return Object.freeze({ kind: 'datetime', name, values: Float64Array.from(values) });
}

export function categoricalColumn(
  name: string,
  codes: Int32Array,
  levels: readonly string[],
): CategoricalColumn {
  return Object.freeze({ kind: 'categorical', name, codes, levels: Object.freeze([...levels]) });
}

/**
 * Dictionary-encodes strings; `null`, `undefined` and `''` become missing (-1). Levels are sorted
 * so that encoding does not depend on row order.
 */
export function categoricalFromStrings(
  name: string,
  values: ArrayLike<string | null | undefined>,
): CategoricalColumn {
  const distinct = new Set<string>();
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v !== null && v !== undefined && v !== '') distinct.add(v);
  }
  const levels = [...distinct].sort();
  const index = new Map(levels.map((level, i) => [level, i]));
  const codes = new Int32Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    codes[i] = v === null || v === undefined || v === '' ? -1 : (index.get(v) as number);
  }
  return categoricalColumn(name, codes, levels);
}

/** Number of rows of a column. */
export function columnLength(column: Column): number {
  return column.kind === 'categorical' ? column.codes.length : column.values.length;
}

/** Whether row `i` of the column is missing. */
export function isMissingAt(column: Column, i: number): boolean {
  return column.kind === 'categorical' ? column.codes[i] < 0 : Number.isNaN(column.values[i]);
}

/** Copies the rows named by `indices`, in that order. */
export function takeColumn(column: Column, indices: ArrayLike<number>): Column {
  const n = indices.length;
  if (column.kind === 'categorical') {
    const codes = new Int32Array(n);
    for (let i = 0; i < n; i++) codes[i] = column.codes[indices[i]];
    return Object.freeze({ ...column, codes });
  }
  const values = new Float64Array(n);
  for (let i = 0; i < n; i++) values[i] = column.values[indices[i]];
  return Object.freeze({ ...column, values });
}
