import type { ColumnKind } from '../column.js';
import { DataReadError } from '../../errors.js';

/** Why a column was expected to hold values of a kind. */
export type Expectation = 'forced' | 'sniffed' | 'mostly';

/** Where a bad value sits: a file line (CSV, NDJSON) or, failing that, a 1-based row number. */
export interface BadValueSite {
  readonly file: string;
  readonly column: string;
  readonly value: string;
  readonly kind: ColumnKind;
  readonly line?: number;
  readonly row?: number;
}

/**
 * The error for a value that does not parse as its column's kind, worded to say what to do:
 * declare the column's real kind, or list the placeholder among `nullValues`.
 */
export function badValueError(
  site: BadValueSite,
  expectation: Expectation,
  detail = '',
): DataReadError {
  const { file, column, value, kind, line, row } = site;
  const where = line === undefined && row !== undefined ? ` (row ${row})` : '';
  const why =
    expectation === 'forced'
      ? `but types: { ${JSON.stringify(column)}: '${kind}' } asks for ${kind} values`
      : expectation === 'sniffed'
        ? `but the column was detected as ${kind} from its first rows`
        : `but nearly all values of this column are numbers${detail}`;
  const remedy =
    expectation === 'forced'
      ? `Fix the value, drop the override, or pass nullValues: [${JSON.stringify(value)}] if it marks a missing value.`
      : `If the column is really text, pass types: { ${JSON.stringify(column)}: 'categorical' }; if ${JSON.stringify(value)} marks a missing value, pass nullValues: [${JSON.stringify(value)}].`;
  return new DataReadError(
    { file, line, column },
    `value ${JSON.stringify(value)}${where} is not ${kind === 'numeric' ? 'a number' : `a valid ${kind} value`}, ${why}. ${remedy}`,
  );
}
