import { DataValidationError, SchemaMismatchError } from '../errors.js';
import type { Column } from './column.js';
import { categoricalColumn } from './column.js';
import { Frame } from './frame.js';
import type { ColumnSchema, FrameSchema } from './schema.js';
import { inferKind, isMissingValue, parserForKind } from './value-parsing.js';

/** A category seen at serving time that the training data never had. */
export interface UnknownLevel {
  /** 0-based index of the record (row). */
  readonly row: number;
  readonly column: string;
  readonly value: string;
}

/** A frame built from JS values, with the unknown categories it met (coded as missing, -1). */
export interface EncodedFrame {
  readonly frame: Frame;
  readonly unknownLevels: readonly UnknownLevel[];
}

/** Column-oriented input, as in `{ columns: ['a', 'b'], data: [[1, 'x'], [2, 'y']] }` (one array per row). */
export interface ColumnarTable {
  readonly columns: readonly string[];
  readonly data: readonly (readonly unknown[])[];
}

/**
 * Builds a frame from row objects. Without a schema, kinds are inferred (numbers → numeric,
 * booleans → boolean, Dates → datetime, anything else → categorical with sorted levels). With a
 * schema (see `schemaOf`), columns are taken in schema order, values parsed to the schema's
 * kinds and categories encoded with the schema's levels; a category outside them throws a
 * {@link SchemaMismatchError} (use {@link encodeRecords} to get them back instead).
 *
 * @example
 * const frame = frameFromRecords([{ age: 31, home: 'rent' }, { age: 45, home: 'own' }]);
 */
export function frameFromRecords(
  records: readonly Record<string, unknown>[],
  schema?: FrameSchema,
): Frame {
  return strict(encodeRecords(records, schema));
}

/**
 * Like {@link frameFromRecords} for `{ columns, data }` input, where `data` holds one array per row.
 *
 * @example
 * const frame = frameFromColumns({ columns: ['age', 'home'], data: [[31, 'rent'], [45, 'own']] });
 */
export function frameFromColumns(table: ColumnarTable, schema?: FrameSchema): Frame {
  return strict(encodeColumns(table, schema));
}

/**
 * {@link frameFromRecords} that codes unknown categories as missing and lists them, so a caller
 * (a server) can decide to reject the request or go on.
 *
 * @example
 * const { frame, unknownLevels } = encodeRecords(body, schema);
 * if (unknownLevels.length > 0) reply.code(400).send(unknownLevels);
 */
export function encodeRecords(
  records: readonly Record<string, unknown>[],
  schema?: FrameSchema,
): EncodedFrame {
  const names = schema?.map((c) => c.name) ?? keysInOrder(records);
  const values = names.map((name) => records.map((record) => record[name]));
  if (schema !== undefined) {
    const absent = names.filter((name) => !records.some((record) => Object.hasOwn(record, name)));
    if (absent.length > 0 && records.length > 0) {
      throw new SchemaMismatchError(absent.map((name) => `missing column "${name}"`));
    }
  }
  return encode(names, values, schema);
}

/** {@link frameFromColumns} that codes unknown categories as missing and lists them. */
export function encodeColumns(table: ColumnarTable, schema?: FrameSchema): EncodedFrame {
  const position = new Map(table.columns.map((name, j) => [name, j]));
  if (position.size !== table.columns.length) {
    throw new DataValidationError(
      {},
      `duplicate column names in "columns": ${table.columns.join(', ')}; make every name unique.`,
    );
  }
  table.data.forEach((row, i) => {
    if (row.length !== table.columns.length) {
      throw new DataValidationError(
        {},
        `row ${i} has ${row.length} values but there are ${table.columns.length} columns.`,
      );
    }
  });
  const names = schema?.map((c) => c.name) ?? [...table.columns];
  const absent = names.filter((name) => !position.has(name));
  if (absent.length > 0)
    throw new SchemaMismatchError(absent.map((name) => `missing column "${name}"`));
  const values = names.map((name) => {
    const j = position.get(name) as number;
    return table.data.map((row) => row[j]);
  });
  return encode(names, values, schema);
}

function encode(
  names: readonly string[],
  values: readonly unknown[][],
  schema: FrameSchema | undefined,
): EncodedFrame {
  const unknownLevels: UnknownLevel[] = [];
  const columns = names.map((name, j) => {
    const spec: ColumnSchema = schema?.[j] ?? { name, kind: inferKind(values[j]) };
    return encodeColumn(spec, values[j], unknownLevels);
  });
  return { frame: new Frame(columns, { rows: values[0]?.length ?? 0 }), unknownLevels };
}

function encodeColumn(
  spec: ColumnSchema,
  values: readonly unknown[],
  unknownLevels: UnknownLevel[],
): Column {
  const n = values.length;
  if (spec.kind === 'categorical') {
    const levels =
      spec.levels ?? [...new Set(values.filter((v) => !isMissingValue(v)).map(String))].sort();
    const index = new Map(levels.map((level, code) => [level, code]));
    const codes = new Int32Array(n);
    for (let i = 0; i < n; i++) {
      const v = values[i];
      if (isMissingValue(v)) {
        codes[i] = -1;
        continue;
      }
      const text = String(v);
      const code = index.get(text);
      if (code === undefined) unknownLevels.push({ row: i, column: spec.name, value: text });
      codes[i] = code ?? -1;
    }
    return categoricalColumn(spec.name, codes, levels);
  }
  const parse = parserForKind[spec.kind];
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const v = values[i];
    if (isMissingValue(v)) {
      out[i] = Number.NaN;
      continue;
    }
    const parsed = parse(v);
    if (parsed === undefined) {
      throw new DataValidationError(
        { column: spec.name },
        `record ${i}: value ${JSON.stringify(v)} is not ${spec.kind === 'numeric' ? 'a number' : `a ${spec.kind} value`}; send a ${spec.kind} value or null for missing.`,
      );
    }
    out[i] = parsed;
  }
  return Object.freeze({ kind: spec.kind, name: spec.name, values: out });
}

function strict(encoded: EncodedFrame): Frame {
  if (encoded.unknownLevels.length === 0) return encoded.frame;
  const shown = encoded.unknownLevels
    .slice(0, 10)
    .map(
      (u) => `record ${u.row}, column "${u.column}": unknown category ${JSON.stringify(u.value)}`,
    );
  if (encoded.unknownLevels.length > 10)
    shown.push(`... and ${encoded.unknownLevels.length - 10} more`);
  throw new SchemaMismatchError(shown);
}

function keysInOrder(records: readonly Record<string, unknown>[]): string[] {
  const keys = new Set<string>();
  for (const record of records) for (const key of Object.keys(record)) keys.add(key);
  return [...keys];
}
