import type { ColumnKind } from '../column.js';

/** File formats {@link readTable} understands. */
export type ReadFormat = 'csv' | 'parquet' | 'json' | 'ndjson';

/** Options of {@link readTable}; every field optional. */
export interface ReadOptions {
  /** Overrides the format inferred from the file extension. */
  readonly format?: ReadFormat;
  /** Forces the kind of the named columns instead of the sniffed one. */
  readonly types?: Readonly<Record<string, ColumnKind>>;
  /** Column that gets the `target` role; it must exist. */
  readonly target?: string;
  /** Columns that get the `id` role (kept, never used as features). */
  readonly id?: readonly string[];
  /** Columns that get the `ignore` role. */
  readonly ignore?: readonly string[];
  /** CSV field delimiter; default `,` (`\t` for .tsv/.tab files). */
  readonly delimiter?: string;
  /** Extra strings read as missing, besides the empty field (CSV only), e.g. `['NA', '?']`. */
  readonly nullValues?: readonly string[];
  /** Read only these columns, in this order. */
  readonly columns?: readonly string[];
}

const extensionFormats: readonly (readonly [string, ReadFormat])[] = [
  ['.csv', 'csv'],
  ['.tsv', 'csv'],
  ['.tab', 'csv'],
  ['.txt', 'csv'],
  ['.parquet', 'parquet'],
  ['.pq', 'parquet'],
  ['.json', 'json'],
  ['.ndjson', 'ndjson'],
  ['.jsonl', 'ndjson'],
];

/**
 * The format named by the source's extension (query strings of URLs ignored, `.gz` looked
 * through), or undefined when the extension is not one we know.
 */
export function inferFormat(source: string): ReadFormat | undefined {
  const path = source.replace(/[?#].*$/, '').toLowerCase();
  const bare = path.endsWith('.gz') ? path.slice(0, -3) : path;
  for (const [extension, format] of extensionFormats) {
    if (bare.endsWith(extension)) return format;
  }
  return undefined;
}

/** The delimiter a CSV-family file uses unless told otherwise. */
export function defaultDelimiter(source: string): string {
  return /\.(tsv|tab)(\.gz)?([?#].*)?$/i.test(source) ? '\t' : ',';
}

/** Whether the source names a remote resource (passed to DuckDB as is). */
export function isUrl(source: string): boolean {
  return /^(https?|s3):\/\//i.test(source);
}
