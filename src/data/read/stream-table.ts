import type { DuckDBVector } from '@duckdb/node-api';
import { booleanLevels } from '../boolean-levels.js';
import type { ColumnKind } from '../column.js';
import { categoricalColumn } from '../column.js';
import type { Column } from '../column.js';
import { DataReadError, DataValidationError, InvalidParameterError } from '../../errors.js';
import { Frame } from '../frame.js';
import { DuckDBSession } from './duckdb-session.js';
import { firstReject } from './csv-rejects.js';
import { copyVector } from './fetch-columns.js';
import { checkLocalFile } from './local-file.js';
import { defaultDelimiter, inferFormat } from './read-options.js';
import { scanExpression } from './source-scan.js';
import type { ScanSpec } from './source-scan.js';
import { quoteIdentifier, quoteLiteral } from './sql.js';

/** One column a stream reads: its kind and, for categoricals, the fixed dictionary. */
export interface StreamColumn {
  readonly name: string;
  readonly kind: ColumnKind;
  /** Categorical codes index these levels; a value outside them reads as missing (-1). */
  readonly levels?: readonly string[];
}

export interface StreamTableOptions {
  readonly columns: readonly StreamColumn[];
  /** Rows per frame (default 100,000). */
  readonly chunkRows?: number;
  /** Strings read as missing in CSV files. */
  readonly nullValues?: readonly string[];
  /**
   * Columns passed through as text beside the frames (row ids for scored output): read with
   * {@link TableStream.chunks}, never part of the frames. CSV files keep them as written.
   */
  readonly keep?: readonly string[];
}

/** A column passed through as text: its values, null where missing. */
export interface KeptColumn {
  readonly name: string;
  readonly values: readonly (string | null)[];
}

/** One chunk of a stream: the frame and, in the same rows, the columns named in `keep`. */
export interface TableChunk {
  readonly frame: Frame;
  readonly kept: readonly KeptColumn[];
}

/** A table read in frames of at most `chunkRows` rows, with its total row count. */
export interface TableStream extends AsyncIterable<Frame> {
  readonly rows: number;
  /** The same rows as the frames, with the `keep` columns beside them. */
  chunks(): AsyncIterable<TableChunk>;
  close(): void;
}

const numericSource = /^(TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT|U\w*INT|FLOAT|DOUBLE|DECIMAL)/;

/**
 * SQL yielding a non-null DOUBLE (missing = NaN) or INTEGER code (missing = -1) for a column of
 * the given DuckDB type, as `readTable` converts it (so scores match the training read):
 * TIMESTAMPTZ is an instant already (a cast to TIMESTAMP would shift it by the session's time
 * zone), and numbers read as datetimes are milliseconds since the epoch.
 */
function cellExpression(column: StreamColumn, sourceType: string): string {
  const c = quoteIdentifier(column.name);
  switch (column.kind) {
    case 'numeric':
      return `coalesce(CAST(${c} AS DOUBLE), 'NaN'::DOUBLE)`;
    case 'boolean':
      return `coalesce(CAST(CAST(${c} AS BOOLEAN) AS DOUBLE), 'NaN'::DOUBLE)`;
    case 'datetime': {
      const ms =
        sourceType === 'TIMESTAMP WITH TIME ZONE'
          ? `epoch_ms(${c})`
          : numericSource.test(sourceType)
            ? c
            : `epoch_ms(CAST(${c} AS TIMESTAMP))`;
      return `coalesce(CAST(${ms} AS DOUBLE), 'NaN'::DOUBLE)`;
    }
    case 'categorical': {
      const levels = column.levels ?? [];
      if (levels.length === 0) return 'CAST(-1 AS INTEGER)';
      if (sourceType === 'BOOLEAN') {
        const pair = booleanLevels(levels);
        if (pair !== undefined)
          return `CAST(CASE WHEN ${c} THEN ${pair.yes} WHEN NOT ${c} THEN ${pair.no} ELSE -1 END AS INTEGER)`;
      }
      const list = `[${levels.map(quoteLiteral).join(', ')}]`;
      // list_position is 1-based and NULL when absent (or when the value is NULL).
      return `CAST(coalesce(list_position(${list}, CAST(${c} AS VARCHAR)), 0) - 1 AS INTEGER)`;
    }
  }
}

/**
 * Reads a CSV, Parquet or JSON file as a stream of frames without holding the whole table:
 * one streaming DuckDB scan of only the named columns, converted to typed values in SQL
 * (categoricals coded against fixed levels, so every frame shares one dictionary) and cut into
 * frames of `chunkRows` rows. Used by batch scoring, where memory must not grow with the file.
 *
 * @example
 * const stream = await streamTable('flights.parquet', { columns: manifest.signature });
 * for await (const frame of stream) write(model.predict(frame));
 */
export async function streamTable(
  source: string,
  options: StreamTableOptions,
): Promise<TableStream> {
  const format = inferFormat(source);
  if (format === undefined)
    throw new DataReadError(
      { file: source },
      'cannot tell the format from the file extension; use .csv, .parquet, .json or .ndjson.',
    );
  const chunkRows = options.chunkRows ?? 100_000;
  if (!Number.isInteger(chunkRows) || chunkRows < 1)
    throw new InvalidParameterError(
      'streamTable',
      'chunkRows',
      `is ${chunkRows}; give a whole number ≥ 1`,
    );
  await checkLocalFile(source);
  const keep = [...new Set(options.keep ?? [])];
  const csvTypes: Record<string, ColumnKind> = {};
  // Kept columns as text, as written (an id "007" stays "007"); a model column keeps its kind.
  for (const name of keep) csvTypes[name] = 'categorical';
  for (const c of options.columns) csvTypes[c.name] = c.kind;
  const spec: ScanSpec = {
    source,
    format,
    delimiter: defaultDelimiter(source),
    nullValues: options.nullValues ?? [],
    ...(format === 'csv' ? { csvTypes } : {}),
  };
  const session = await DuckDBSession.open(source);
  try {
    const described = await session.rows(
      `DESCRIBE SELECT * FROM ${scanExpression({ ...spec, csvTypes: undefined })}`,
      `read the ${format} file`,
    );
    const present = new Set(described.map((row) => String(row[0])));
    const missing = options.columns.filter((c) => !present.has(c.name)).map((c) => c.name);
    if (missing.length > 0)
      throw new DataValidationError(
        { file: source, column: missing[0] },
        `the model needs column${missing.length === 1 ? '' : 's'} ${missing.map((m) => `"${m}"`).join(', ')}, which the file lacks (it has ${[...present].join(', ')}).`,
      );
    const absent = keep.filter((name) => !present.has(name));
    if (absent.length > 0)
      throw new DataValidationError(
        { file: source, column: absent[0] },
        `there is no column ${absent.map((m) => `"${m}"`).join(', ')} to keep (the file has ${[...present].join(', ')}).`,
      );
    await session.run(
      `CREATE TEMP VIEW src AS SELECT * FROM ${scanExpression(spec)}`,
      'open the file',
    );
    const types = new Map(
      (await session.rows('DESCRIBE src', `read the ${format} file`)).map((row) => [
        String(row[0]),
        String(row[1]),
      ]),
    );
    const [[count]] = await session.rows('SELECT count(*) FROM src', `count the rows`);
    if (format === 'csv') await throwIfRejected(session, source, options.columns);
    const rows = Number(count);
    const columns = options.columns;
    const expressions = [
      ...columns.map((c) => cellExpression(c, types.get(c.name) ?? '')),
      ...keep.map((name) => keptExpression(name, types.get(name) ?? '')),
    ].join(', ');
    let started = false;
    const chunks = async function* (): AsyncGenerator<TableChunk> {
      if (started)
        throw new InvalidParameterError('streamTable', 'stream', 'is read twice; open it again');
      started = true;
      try {
        const result = await session.stream(`SELECT ${expressions} FROM src`, 'read the rows');
        let buffers = allocate(columns, chunkRows);
        let kept = keep.map((): (string | null)[] => []);
        let filled = 0;
        for (;;) {
          let fetched;
          try {
            fetched = await result.fetchChunk();
          } catch (error) {
            throw new DataReadError(
              { file: source },
              `could not read a value (${(error as Error).message.split('\n')[0]}); check that every column holds what the model expects (${columns.map((c) => `${c.name}: ${c.kind}`).join(', ')}).`,
              { cause: error },
            );
          }
          if (fetched === null || fetched.rowCount === 0) break;
          const chunk = fetched;
          const n = chunk.rowCount;
          // A DuckDB chunk (2,048 rows) that fits is copied straight into the frame's arrays;
          // one that straddles two frames is copied once and split.
          const whole =
            n <= chunkRows - filled
              ? undefined
              : columns.map((c, j) => {
                  const values = c.kind === 'categorical' ? new Int32Array(n) : new Float64Array(n);
                  copyVector(chunk.getColumnVector(j), values, 0, n);
                  return values;
                });
          const text = keep.map((_, k) => textOf(chunk.getColumnVector(columns.length + k), n));
          let at = 0;
          while (at < n) {
            const take = Math.min(n - at, chunkRows - filled);
            for (let j = 0; j < columns.length; j++) {
              if (whole === undefined)
                copyVector(chunk.getColumnVector(j), buffers[j], filled, take);
              else buffers[j].set(whole[j].subarray(at, at + take), filled);
            }
            for (let k = 0; k < keep.length; k++)
              for (let i = at; i < at + take; i++) kept[k].push(text[k][i]);
            filled += take;
            at += take;
            if (filled === chunkRows) {
              yield chunkOf(columns, buffers, filled, keep, kept);
              buffers = allocate(columns, chunkRows);
              kept = keep.map(() => []);
              filled = 0;
            }
          }
        }
        // The CSV reader sets aside rows it cannot convert instead of failing: refuse them.
        if (format === 'csv') await throwIfRejected(session, source, columns);
        if (filled > 0) yield chunkOf(columns, buffers, filled, keep, kept);
      } finally {
        session.close();
      }
    };
    return {
      rows,
      close: () => session.close(),
      chunks,
      async *[Symbol.asyncIterator]() {
        for await (const { frame } of chunks()) yield frame;
      },
    };
  } catch (error) {
    session.close();
    throw error;
  }
}

/**
 * SQL giving a kept column as text. Whole numbers read as DOUBLE (a model's numeric column in a
 * CSV file) print without the ".0" DuckDB adds, as they were written.
 */
function keptExpression(name: string, sourceType: string): string {
  const c = quoteIdentifier(name);
  return sourceType === 'DOUBLE' || sourceType === 'FLOAT'
    ? `CASE WHEN ${c} = trunc(${c}) AND abs(${c}) < 1e15 THEN CAST(CAST(${c} AS BIGINT) AS VARCHAR) ELSE CAST(${c} AS VARCHAR) END`
    : `CAST(${c} AS VARCHAR)`;
}

/** A VARCHAR vector's values (null where missing). */
function textOf(vector: DuckDBVector, count: number): (string | null)[] {
  const out = new Array<string | null>(count);
  for (let i = 0; i < count; i++) out[i] = vector.getItem(i) as string | null;
  return out;
}

function allocate(columns: readonly StreamColumn[], rows: number): (Float64Array | Int32Array)[] {
  return columns.map((c) =>
    c.kind === 'categorical' ? new Int32Array(rows) : new Float64Array(rows),
  );
}

function chunkOf(
  columns: readonly StreamColumn[],
  buffers: readonly (Float64Array | Int32Array)[],
  rows: number,
  keep: readonly string[],
  kept: readonly (string | null)[][],
): TableChunk {
  const built: Column[] = columns.map((c, j) => {
    const values = buffers[j].length === rows ? buffers[j] : buffers[j].slice(0, rows);
    return c.kind === 'categorical'
      ? categoricalColumn(c.name, values as Int32Array, c.levels ?? [])
      : Object.freeze({ kind: c.kind, name: c.name, values: values as Float64Array });
  });
  return {
    frame: new Frame(built, { rows }),
    kept: keep.map((name, k) => ({ name, values: kept[k] })),
  };
}

async function throwIfRejected(
  session: DuckDBSession,
  source: string,
  columns: readonly StreamColumn[],
): Promise<void> {
  const reject = await firstReject(session);
  if (reject === undefined) return;
  const kind = columns.find((c) => c.name === reject.column)?.kind;
  throw new DataReadError(
    {
      file: source,
      line: reject.line,
      ...(reject.column === null ? {} : { column: reject.column }),
    },
    `${reject.message.split('\n')[0]}${kind === undefined ? '' : ` (the model reads this column as ${kind})`}; fix or remove the row.`,
  );
}
