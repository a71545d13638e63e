import { DataReadError, DataValidationError, InvalidParameterError } from '../errors.js';
import type { ColumnKind, ColumnRole } from './column.js';
import { Frame } from './frame.js';
import { categoryLevels } from './read/category-levels.js';
import type { ColumnPlan } from './read/column-plan.js';
import { naturalKind } from './read/column-plan.js';
import { readCsvHeader } from './read/csv-header.js';
import type { Reject } from './read/csv-rejects.js';
import { firstReject, rejectError } from './read/csv-rejects.js';
import { DuckDBSession } from './read/duckdb-session.js';
import { fetchColumns } from './read/fetch-columns.js';
import { checkLocalFile } from './read/local-file.js';
import type { ReadFormat, ReadOptions } from './read/read-options.js';
import { defaultDelimiter, inferFormat } from './read/read-options.js';
import type { ScanSpec } from './read/source-scan.js';
import { scanExpression } from './read/source-scan.js';
import { quoteIdentifier } from './read/sql.js';
import { textStats } from './read/text-stats.js';
import { throwIfForcedValuesBad, throwIfMostlyNumeric } from './read/value-checks.js';

const kinds: readonly ColumnKind[] = ['numeric', 'categorical', 'boolean', 'datetime'];

/**
 * Reads a CSV, Parquet or JSON/NDJSON file (a path or an http(s) URL) into a {@link Frame}
 * through DuckDB. Numbers become numeric columns (NaN = missing), BOOLEAN boolean,
 * DATE/TIMESTAMP datetime (ms since the epoch, UTC), text categorical (sorted levels, -1 =
 * missing). Bad input throws {@link DataReadError} / {@link DataValidationError} naming the
 * file, the column and, where there is one, the line.
 *
 * @example
 * const frame = await readTable('examples/data/credit.csv', { target: 'Status', nullValues: ['NA'] });
 * frame.role('Status'); // 'target'
 */
export async function readTable(source: string, options: ReadOptions = {}): Promise<Frame> {
  const format = options.format ?? inferFormat(source);
  if (format === undefined) {
    throw new DataReadError(
      { file: source },
      `cannot tell the format from the file extension; pass format: 'csv', 'parquet', 'json' or 'ndjson'.`,
    );
  }
  checkOptions(options);
  const size = await checkLocalFile(source);
  const spec: ScanSpec = {
    source,
    format,
    delimiter: options.delimiter ?? defaultDelimiter(source),
    nullValues: options.nullValues ?? [],
  };
  const small = isSmallTextFile(source, format, size);
  let session = await DuckDBSession.open(source, small);
  try {
    const header = format === 'csv' ? await readCsvHeader(session, spec) : undefined;
    const names = header?.names ?? (await describeNames(session, spec));
    checkNamesExist(source, names, options);

    const selected = options.columns ?? names;
    const forced = options.types ?? {};
    let scan: ScanSpec = {
      ...spec,
      csvTypes: format === 'csv' ? pick(forced, selected) : undefined,
      rfcQuoting: header?.rfcQuoting,
    };
    let loaded = await load(session, scan, selected, forced);
    if (scan.rfcQuoting === true && loaded.reject !== undefined) {
      // The quoting hint only skips sniffing; a file it does not fit is read again the usual
      // way, so that what gets reported is exactly what the full sniffer makes of it.
      session.close();
      session = await DuckDBSession.open(source, small);
      scan = { ...scan, rfcQuoting: false };
      loaded = await load(session, scan, selected, forced);
    }
    const { plans, rows, reject } = loaded;
    if (header !== undefined && reject !== undefined) {
      throw rejectError(
        source,
        reject,
        header.names,
        new Map(plans.map((p) => [p.name, { kind: p.kind, forced: p.forced }])),
      );
    }
    if (rows === 0) {
      throw new DataReadError(
        { file: source, line: header === undefined ? undefined : 2 },
        'has a header but no data rows; there is nothing to learn from.',
      );
    }
    const stats = await textStats(session, plans);
    await throwIfMostlyNumeric(session, scan, plans, stats);
    if (format !== 'csv') await throwIfForcedValuesBad(session, scan, plans);

    const categories = await categoryLevels(session, plans, stats);
    const columns = await fetchColumns(session, plans, categories, rows);
    return new Frame(columns, { roles: rolesFrom(options), source });
  } finally {
    session.close();
  }
}

/** The source copied into the temp table `src`: its column plans, row count and first CSV reject. */
async function load(
  session: DuckDBSession,
  scan: ScanSpec,
  selected: readonly string[],
  forced: Readonly<Record<string, ColumnKind>>,
): Promise<{ plans: ColumnPlan[]; rows: number; reject: Reject | undefined }> {
  // CREATE TABLE AS answers with the number of rows it wrote, which spares a count(*).
  const [[count]] = await session.rows(
    `CREATE TEMP TABLE src AS SELECT ${selected.map(quoteIdentifier).join(', ')} FROM ${scanExpression(scan)}`,
    `read the ${scan.format} file`,
  );
  const plans = await columnPlans(session, forced);
  const reject = scan.format === 'csv' ? await firstReject(session) : undefined;
  return { plans, rows: Number(count), reject };
}

/** Bytes up to which an uncompressed text file is read single-threaded (a few 10k rows). */
const smallFileBytes = 8 << 20;

/** Whether the source is a small uncompressed CSV/JSON file (Parquet packs too many rows per byte to tell). */
function isSmallTextFile(source: string, format: ReadFormat, size: number | undefined): boolean {
  return (
    size !== undefined &&
    size <= smallFileBytes &&
    format !== 'parquet' &&
    !/\.(gz|zst)$/i.test(source)
  );
}

/** Column names of a non-CSV source (CSV names come from its header). */
async function describeNames(session: DuckDBSession, spec: ScanSpec): Promise<string[]> {
  const described = await session.rows(
    `DESCRIBE SELECT * FROM ${scanExpression(spec)}`,
    `read the ${spec.format} file`,
  );
  return described.map((row) => String(row[0]));
}

async function columnPlans(
  session: DuckDBSession,
  forced: Readonly<Record<string, ColumnKind>>,
): Promise<ColumnPlan[]> {
  const result = await session.run('SELECT * FROM src LIMIT 0', 'inspect the column types');
  const plans: ColumnPlan[] = [];
  for (let j = 0; j < result.columnCount; j++) {
    const name = result.columnName(j);
    const sourceType = result.columnTypeId(j);
    const kind = forced[name];
    plans.push({
      name,
      sourceType,
      kind: kind ?? naturalKind(sourceType),
      forced: kind !== undefined,
    });
  }
  return plans;
}

function checkOptions(options: ReadOptions): void {
  for (const [name, kind] of Object.entries(options.types ?? {})) {
    if (!kinds.includes(kind)) {
      throw new InvalidParameterError(
        'readTable',
        'types',
        `gives column "${name}" the kind "${kind}"; use one of ${kinds.join(', ')}`,
      );
    }
  }
  if (options.delimiter !== undefined && options.delimiter.length === 0) {
    throw new InvalidParameterError('readTable', 'delimiter', 'must not be empty');
  }
  const target = options.target;
  if (target !== undefined) {
    for (const list of ['id', 'ignore'] as const) {
      if ((options[list] ?? []).includes(target)) {
        throw new InvalidParameterError(
          'readTable',
          list,
          `names the target column "${target}"; a column has one role`,
        );
      }
    }
  }
}

/** Every column named in the options must exist; the error lists the columns there are. */
function checkNamesExist(file: string, names: readonly string[], options: ReadOptions): void {
  const present = new Set(names);
  const selected = new Set(options.columns ?? names);
  const wanted: [string, readonly string[]][] = [
    ['columns', options.columns ?? []],
    ['target', options.target === undefined ? [] : [options.target]],
    ['id', options.id ?? []],
    ['ignore', options.ignore ?? []],
    ['types', Object.keys(options.types ?? {})],
  ];
  for (const [option, list] of wanted) {
    for (const name of list) {
      if (!present.has(name)) {
        const label = option === 'target' ? 'target column' : `column named in option "${option}"`;
        throw new DataValidationError(
          { file, column: name },
          `${label} "${name}" does not exist; columns are: ${names.join(', ')}.`,
        );
      }
      if (option !== 'columns' && option !== 'types' && !selected.has(name)) {
        throw new DataValidationError(
          { file, column: name },
          `option "${option}" names "${name}" but option "columns" leaves it out; add it to "columns".`,
        );
      }
    }
  }
}

function pick(
  types: Readonly<Record<string, ColumnKind>>,
  names: readonly string[],
): Record<string, ColumnKind> {
  const out: Record<string, ColumnKind> = {};
  for (const name of names) if (types[name] !== undefined) out[name] = types[name];
  return out;
}

function rolesFrom(options: ReadOptions): Map<string, ColumnRole> {
  const roles = new Map<string, ColumnRole>();
  for (const name of options.id ?? []) roles.set(name, 'id');
  for (const name of options.ignore ?? []) roles.set(name, 'ignore');
  if (options.target !== undefined) roles.set(options.target, 'target');
  return roles;
}
