import type { ColumnKind } from '../column.js';
import type { ReadFormat } from './read-options.js';
import { quoteLiteral } from './sql.js';

/** The DuckDB type a CSV column is parsed as when the caller forces its kind. */
export const csvTypeForKind: Readonly<Record<ColumnKind, string>> = Object.freeze({
  numeric: 'DOUBLE',
  categorical: 'VARCHAR',
  boolean: 'BOOLEAN',
  datetime: 'TIMESTAMP',
});

/** How to scan one source: everything DuckDB's table function needs besides the path. */
export interface ScanSpec {
  readonly source: string;
  readonly format: ReadFormat;
  readonly delimiter: string;
  readonly nullValues: readonly string[];
  /** Forced kinds, applied by the CSV parser itself so it can report the line of a bad value. */
  readonly csvTypes?: Readonly<Record<string, ColumnKind>>;
  /**
   * CSV only: the file is known to quote with `"` and escape with `""`, so DuckDB's dialect
   * sniffer need not try its other quote/escape candidates (about two thirds of its time).
   */
  readonly rfcQuoting?: boolean;
}

/**
 * The table-function call that reads the source, e.g. `read_csv('a.csv', delim=',', ...)`.
 *
 * CSV: integers are sniffed as DOUBLE (not BIGINT) so that a `1.5` after the sniffer's sample
 * does not fail the read; rejected rows are stored (`store_rejects`) instead of aborting, so the
 * caller can report the exact line and column of the first one.
 */
export function scanExpression(spec: ScanSpec): string {
  const path = quoteLiteral(spec.source);
  switch (spec.format) {
    case 'parquet':
      return `read_parquet(${path})`;
    case 'json':
      return `read_json(${path}, format='auto')`;
    case 'ndjson':
      return `read_json(${path}, format='newline_delimited')`;
    case 'csv':
      return csvScan(spec, path);
  }
}

function csvScan(spec: ScanSpec, path: string): string {
  const nulls = ['', ...spec.nullValues].map(quoteLiteral).join(', ');
  const options = [
    `delim=${quoteLiteral(spec.delimiter)}`,
    'header=true',
    'store_rejects=true',
    `nullstr=[${nulls}]`,
    "auto_type_candidates=['DOUBLE', 'DATE', 'TIMESTAMP', 'VARCHAR']",
  ];
  if (spec.rfcQuoting === true) options.push(`quote='"'`, `escape='"'`);
  const forced = Object.entries(spec.csvTypes ?? {});
  if (forced.length > 0) {
    const entries = forced.map(
      ([name, kind]) => `${quoteLiteral(name)}: ${quoteLiteral(csvTypeForKind[kind])}`,
    );
    options.push(`types={${entries.join(', ')}}`);
  }
  return `read_csv(${path}, ${options.join(', ')})`;
}

/** The raw first row of a CSV source, every field as text (for duplicate-name checks). */
export function csvHeaderExpression(spec: ScanSpec): string {
  return `SELECT * FROM read_csv(${quoteLiteral(spec.source)}, delim=${quoteLiteral(spec.delimiter)}, header=false, all_varchar=true, store_rejects=true) LIMIT 1`;
}
