import type { Column } from '../data/column.js';
import { booleanLevels } from '../data/boolean-levels.js';
import { categoricalColumn } from '../data/column.js';
import { Frame } from '../data/frame.js';
import { parseDatetime } from '../data/value-parsing.js';
import type { ColumnSignature, InputSignature } from '../features/index.js';

/** One thing wrong with a request body; `row` and `column` say where when it is about a cell. */
export interface InputProblem {
  readonly row: number | null;
  readonly column: string | null;
  readonly problem: string;
}

/** What to do with a category the model never saw in training. */
export type UnknownCategoryPolicy = 'reject' | 'missing';

export interface InputCodecOptions {
  /** `reject` (400) or `missing` (coded as a missing value, as the encoders expect). Default `reject`. */
  readonly unknownCategories?: UnknownCategoryPolicy;
  /** Columns the signature does not name: `reject` (default) or `ignore`. */
  readonly extraColumns?: 'reject' | 'ignore';
  /**
   * Missing values (null) in a column that had none in training: `reject` (default) or `allow`.
   * Columns that had missing values in training always accept them.
   */
  readonly missingValues?: 'reject' | 'allow';
  /** Most rows one request may hold (default 10,000). */
  readonly maxRows?: number;
  /** Most problems listed in one answer (default 100); the total is always counted. */
  readonly maxProblems?: number;
}

/** A validated request: one typed array per signature column (NaN / -1 = missing). */
export interface EncodedInput {
  readonly rows: number;
  readonly values: readonly (Float64Array | Int32Array)[];
}

export type DecodeResult =
  | { readonly ok: true; readonly input: EncodedInput }
  | { readonly ok: false; readonly problems: readonly InputProblem[]; readonly total: number };

type CellDecoder = (value: unknown) => number | string;

/** A decoded cell that is not a value: the problem's text. */
const isProblem = (v: number | string): v is string => typeof v === 'string';

/**
 * Validation and encoding of prediction requests, compiled once per model from its signature:
 * one decoder per column that type-checks a JSON value and writes it straight into the typed
 * array the pipeline reads. Every problem in a body is collected with its row and column, so a
 * client fixes its request in one round trip.
 *
 * @example
 * const codec = new InputCodec(manifest.signature, { unknownCategories: 'missing' });
 * const decoded = codec.decode([{ Age: 31, Home: 'rent' }]);
 * if (decoded.ok) model.predict(codec.frame([decoded.input]));
 */
export class InputCodec {
  readonly signature: InputSignature;
  readonly options: Required<InputCodecOptions>;
  readonly #decoders: readonly CellDecoder[];
  readonly #position: ReadonlyMap<string, number>;

  constructor(signature: InputSignature, options: InputCodecOptions = {}) {
    this.signature = signature;
    this.options = {
      unknownCategories: options.unknownCategories ?? 'reject',
      extraColumns: options.extraColumns ?? 'reject',
      missingValues: options.missingValues ?? 'reject',
      maxRows: options.maxRows ?? 10_000,
      maxProblems: options.maxProblems ?? 100,
    };
    this.#position = new Map(signature.map((c, j) => [c.name, j]));
    this.#decoders = signature.map((c) => cellDecoder(c, this.options));
  }

  /**
   * Reads a body: records (`[{ col: value }, …]`) or columnar (`{ columns: [...], data: [[...], …] }`).
   */
  decode(body: unknown): DecodeResult {
    if (Array.isArray(body)) return this.decodeRecords(body);
    if (isObject(body) && Object.hasOwn(body, 'columns') && Object.hasOwn(body, 'data'))
      return this.decodeColumnar(body.columns, body.data);
    return fail([
      {
        row: null,
        column: null,
        problem:
          'the body must be a JSON array of records ([{"column": value}, …]) or an object {"columns": [...], "data": [[...], …]}',
      },
    ]);
  }

  /** `[{ col: value }, …]`: every record must name every signature column. */
  decodeRecords(records: readonly unknown[]): DecodeResult {
    const tooMany = this.#rowCountProblem(records.length);
    if (tooMany !== null) return fail([tooMany]);
    const problems = new Problems(this.options.maxProblems);
    const values = this.#allocate(records.length);
    const signature = this.signature;
    for (let i = 0; i < records.length; i++) {
      const record = records[i];
      if (!isObject(record)) {
        problems.add(i, null, `must be an object of column → value, got ${describe(record)}`);
        continue;
      }
      for (let j = 0; j < signature.length; j++) {
        const name = signature[j].name;
        if (!Object.hasOwn(record, name)) {
          problems.add(i, name, `is missing (${signature[j].kind}); send null for a missing value`);
          continue;
        }
        this.#put(values[j], i, record[name], j, problems);
      }
      if (this.options.extraColumns === 'reject') {
        for (const key in record) {
          if (!this.#position.has(key)) problems.add(i, key, this.#extraText());
        }
      }
    }
    return problems.total > 0
      ? problems.result()
      : { ok: true, input: { rows: records.length, values } };
  }

  /** `{ columns, data }` with one array per row. */
  decodeColumnar(columns: unknown, data: unknown): DecodeResult {
    if (!Array.isArray(columns) || !columns.every((c) => typeof c === 'string'))
      return fail([
        { row: null, column: null, problem: '"columns" must be an array of column names' },
      ]);
    if (!Array.isArray(data))
      return fail([
        { row: null, column: null, problem: '"data" must be an array of rows (arrays)' },
      ]);
    const tooMany = this.#rowCountProblem(data.length);
    if (tooMany !== null) return fail([tooMany]);
    const problems = new Problems(this.options.maxProblems);
    const names = columns as string[];
    const seen = new Set<string>();
    const from = new Int32Array(this.signature.length).fill(-1);
    names.forEach((name, k) => {
      if (seen.has(name)) problems.add(null, name, 'appears twice in "columns"');
      seen.add(name);
      const j = this.#position.get(name);
      if (j !== undefined) from[j] = k;
      else if (this.options.extraColumns === 'reject') problems.add(null, name, this.#extraText());
    });
    this.signature.forEach((c, j) => {
      if (from[j] < 0) problems.add(null, c.name, `is missing from "columns" (${c.kind})`);
    });
    if (problems.total > 0) return problems.result();
    const values = this.#allocate(data.length);
    for (let i = 0; i < data.length; i++) {
      const row = data[i];
      if (!Array.isArray(row) || row.length !== names.length) {
        problems.add(
          i,
          null,
          `must be an array of ${names.length} values (one per column), got ${describe(row)}`,
        );
        continue;
      }
      for (let j = 0; j < from.length; j++) this.#put(values[j], i, row[from[j]], j, problems);
    }
    return problems.total > 0
      ? problems.result()
      : { ok: true, input: { rows: data.length, values } };
  }

  /** One frame holding the rows of several requests, in order (the batcher's input). */
  frame(inputs: readonly EncodedInput[]): Frame {
    let rows = 0;
    for (const input of inputs) rows += input.rows;
    const columns: Column[] = this.signature.map((c, j) => {
      const values = inputs.length === 1 ? inputs[0].values[j] : concat(inputs, j, rows);
      if (c.kind === 'categorical')
        return categoricalColumn(c.name, values as Int32Array, c.levels ?? []);
      return Object.freeze({ kind: c.kind, name: c.name, values: values as Float64Array });
    });
    return new Frame(columns, { rows });
  }

  /** A string that is equal for two inputs exactly when their encoded values are (cache key). */
  canonicalKey(input: EncodedInput): string {
    let key = String(input.rows);
    for (const column of input.values) key += '|' + column.join(',');
    return key;
  }

  /** A one-row input every model accepts (first level, zeros), used to warm a loaded model. */
  sampleInput(): EncodedInput {
    return {
      rows: 1,
      values: this.signature.map((c) =>
        c.kind === 'categorical'
          ? Int32Array.of((c.levels?.length ?? 0) > 0 ? 0 : -1)
          : Float64Array.of(0),
      ),
    };
  }

  #allocate(rows: number): (Float64Array | Int32Array)[] {
    return this.signature.map((c) =>
      c.kind === 'categorical' ? new Int32Array(rows) : new Float64Array(rows),
    );
  }

  #put(
    target: Float64Array | Int32Array,
    row: number,
    value: unknown,
    j: number,
    problems: Problems,
  ): void {
    const decoded = this.#decoders[j](value);
    if (isProblem(decoded)) problems.add(row, this.signature[j].name, decoded);
    else target[row] = decoded;
  }

  #rowCountProblem(rows: number): InputProblem | null {
    if (rows === 0) return { row: null, column: null, problem: 'holds no rows' };
    if (rows > this.options.maxRows)
      return {
        row: null,
        column: null,
        problem: `holds ${rows} rows; at most ${this.options.maxRows} per request (split it, or use \`argmin predict\` for batch scoring)`,
      };
    return null;
  }

  #extraText(): string {
    return `is not an input of this model (it expects ${this.signature.map((c) => c.name).join(', ')})`;
  }
}

function cellDecoder(column: ColumnSignature, options: Required<InputCodecOptions>): CellDecoder {
  const allowMissing = column.nullable || options.missingValues === 'allow';
  const missing = column.kind === 'categorical' ? -1 : Number.NaN;
  const missingText = `is null, but this column had no missing values in training`;
  const wrap =
    (decode: (v: unknown) => number | string): CellDecoder =>
    (v) =>
      v === null || v === undefined ? (allowMissing ? missing : missingText) : decode(v);
  switch (column.kind) {
    case 'numeric':
      return wrap((v) => (typeof v === 'number' ? v : `should be a number, got ${describe(v)}`));
    case 'boolean':
      return wrap((v) =>
        v === true || v === 1
          ? 1
          : v === false || v === 0
            ? 0
            : `should be true or false, got ${describe(v)}`,
      );
    case 'datetime':
      return wrap((v) => {
        if (typeof v !== 'number' && typeof v !== 'string')
          return `should be an ISO-8601 date/time or milliseconds since 1970, got ${describe(v)}`;
        const ms = parseDatetime(v);
        return ms === undefined ? `should be an ISO-8601 date/time, got ${describe(v)}` : ms;
      });
    case 'categorical': {
      const levels = column.levels ?? [];
      const index = new Map(levels.map((level, code) => [level, code]));
      const unknown = options.unknownCategories === 'missing';
      const shown =
        levels.length <= 20
          ? levels.map((l) => JSON.stringify(l)).join(', ')
          : `${levels.length} categories`;
      const pair = booleanLevels(levels);
      return wrap((v) => {
        if (typeof v !== 'string' && typeof v !== 'number' && typeof v !== 'boolean')
          return `should be a category (string), got ${describe(v)}`;
        if (typeof v === 'boolean' && pair !== undefined) return v ? pair.yes : pair.no;
        const code = index.get(typeof v === 'string' ? v : String(v));
        if (code !== undefined) return code;
        return unknown ? -1 : `has unknown category ${JSON.stringify(v)} (known: ${shown})`;
      });
    }
  }
}

class Problems {
  readonly #max: number;
  readonly list: InputProblem[] = [];
  total = 0;

  constructor(max: number) {
    this.#max = max;
  }

  add(row: number | null, column: string | null, problem: string): void {
    this.total++;
    if (this.list.length < this.#max) this.list.push({ row, column, problem });
  }

  result(): DecodeResult {
    return { ok: false, problems: this.list, total: this.total };
  }
}

function fail(problems: InputProblem[]): DecodeResult {
  return { ok: false, problems, total: problems.length };
}

function concat(
  inputs: readonly EncodedInput[],
  j: number,
  rows: number,
): Float64Array | Int32Array {
  const first = inputs[0].values[j];
  const out = first instanceof Int32Array ? new Int32Array(rows) : new Float64Array(rows);
  let at = 0;
  for (const input of inputs) {
    out.set(input.values[j], at);
    at += input.rows;
  }
  return out;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A short description of a JSON value for an error message. */
function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') return 'an object';
  const text = JSON.stringify(value) ?? String(value);
  return `${typeof value} ${text.length > 40 ? `${text.slice(0, 40)}…` : text}`;
}

/** An encoded input back as records (category codes → labels, missing → null), for the log. */
export function inputRecords(
  signature: InputSignature,
  input: EncodedInput,
): Record<string, string | number | boolean | null>[] {
  const records: Record<string, string | number | boolean | null>[] = [];
  for (let i = 0; i < input.rows; i++) {
    const record: Record<string, string | number | boolean | null> = {};
    signature.forEach((c, j) => {
      const v = input.values[j][i];
      if (c.kind === 'categorical') record[c.name] = v < 0 ? null : (c.levels?.[v] ?? null);
      else if (Number.isNaN(v)) record[c.name] = null;
      else if (c.kind === 'boolean') record[c.name] = v === 1;
      else if (c.kind === 'datetime') record[c.name] = new Date(v).toISOString();
      else record[c.name] = v;
    });
    records.push(record);
  }
  return records;
}
