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
}

/** A table read in frames of at most `chunkRows` rows, with its total row count. */
export interface TableStream extends AsyncIterable<Frame> {
  readonly rows: number;
  close(): void;
}

/** SQL yielding a non-null DOUBLE (missing = NaN) or INTEGER code (missing = -1) for a column. */
function cellExpression(column: StreamColumn): string {
  const c = quoteIdentifier(column.name);
  switch (column.kind) {
    case 'numeric':
      return `coalesce(CAST(${c} AS DOUBLE), 'NaN'::DOUBLE)`;
    case 'boolean':
      return `coalesce(CAST(CAST(${c} AS BOOLEAN) AS DOUBLE), 'NaN'::DOUBLE)`;
    case 'datetime':
      return `coalesce(CAST(epoch_ms(CAST(${c} AS TIMESTAMP)) AS DOUBLE), 'NaN'::DOUBLE)`;
    case 'categorical': {
      const levels = column.levels ?? [];
      if (levels.length === 0) return 'CAST(-1 AS INTEGER)';
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
  const csvTypes: Record<string, ColumnKind> = {};
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
    await session.run(
      `CREATE TEMP VIEW src AS SELECT * FROM ${scanExpression(spec)}`,
      'open the file',
    );
    const [[count]] = await session.rows('SELECT count(*) FROM src', `count the rows`);
    if (format === 'csv') await throwIfRejected(session, source, options.columns);
    const rows = Number(count);
    const expressions = options.columns.map(cellExpression).join(', ');
    const columns = options.columns;
    return {
      rows,
      close: () => session.close(),
      async *[Symbol.asyncIterator]() {
        try {
          const result = await session.stream(`SELECT ${expressions} FROM src`, 'read the rows');
          let buffers = allocate(columns, chunkRows);
          let filled = 0;
          for (;;) {
            let chunk;
            try {
              chunk = await result.fetchChunk();
            } catch (error) {
              throw new DataReadError(
                { file: source },
                `could not read a value (${(error as Error).message.split('\n')[0]}); check that every column holds what the model expects (${columns.map((c) => `${c.name}: ${c.kind}`).join(', ')}).`,
                { cause: error },
              );
            }
            if (chunk === null || chunk.rowCount === 0) break;
            let at = 0;
            while (at < chunk.rowCount) {
              const take = Math.min(chunk.rowCount - at, chunkRows - filled);
              for (let j = 0; j < columns.length; j++) {
                if (at === 0 && take === chunk.rowCount) {
                  copyVector(chunk.getColumnVector(j), buffers[j], filled, take);
                } else {
                  const whole =
                    columns[j].kind === 'categorical'
                      ? new Int32Array(chunk.rowCount)
                      : new Float64Array(chunk.rowCount);
                  copyVector(chunk.getColumnVector(j), whole, 0, chunk.rowCount);
                  buffers[j].set(whole.subarray(at, at + take), filled);
                }
              }
              filled += take;
              at += take;
              if (filled === chunkRows) {
                yield frameOf(columns, buffers, filled);
                buffers = allocate(columns, chunkRows);
                filled = 0;
              }
            }
          }
          // The CSV reader sets aside rows it cannot convert instead of failing: refuse them.
          if (format === 'csv') await throwIfRejected(session, source, columns);
          if (filled > 0) yield frameOf(columns, buffers, filled);
        } finally {
          session.close();
        }
      },
    };
  } catch (error) {
    session.close();
    throw error;
  }
}

function allocate(columns: readonly StreamColumn[], rows: number): (Float64Array | Int32Array)[] {
  return columns.map((c) =>
    c.kind === 'categorical' ? new Int32Array(rows) : new Float64Array(rows),
  );
}

function frameOf(
  columns: readonly StreamColumn[],
  buffers: readonly (Float64Array | Int32Array)[],
  rows: number,
): Frame {
  const built: Column[] = columns.map((c, j) => {
    const values = buffers[j].length === rows ? buffers[j] : buffers[j].slice(0, rows);
    return c.kind === 'categorical'
      ? categoricalColumn(c.name, values as Int32Array, c.levels ?? [])
      : Object.freeze({ kind: c.kind, name: c.name, values: values as Float64Array });
  });
  return new Frame(built, { rows });
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
