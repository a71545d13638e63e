import type { ColumnKind } from '../column.js';
import { DataReadError } from '../../errors.js';
import type { Expectation } from './bad-value.js';
import { badValueError } from './bad-value.js';
import type { DuckDBSession } from './duckdb-session.js';

/** The first row DuckDB's CSV reader rejected, as stored in its `reject_errors` table. */
export interface Reject {
  readonly line: number;
  readonly column: string | null;
  readonly errorType: string;
  readonly csvLine: string;
  readonly message: string;
}

/** The first rejected row (or, given `column`, the first CAST rejection in it), if any. */
export async function firstReject(
  session: DuckDBSession,
  column?: string,
): Promise<Reject | undefined> {
  const filter =
    column === undefined
      ? ''
      : `WHERE column_name = '${column.replaceAll("'", "''")}' AND error_type = 'CAST'`;
  const rows = await session.rows(
    `SELECT line, column_name, error_type, csv_line, error_message FROM reject_errors ${filter} ORDER BY line LIMIT 1`,
    'inspect the rows the CSV reader rejected',
  );
  if (rows.length === 0) return undefined;
  const [line, name, errorType, csvLine, message] = rows[0];
  return {
    line: Number(line),
    column: name === null ? null : String(name),
    errorType: String(errorType),
    csvLine: String(csvLine ?? ''),
    message: String(message ?? ''),
  };
}

/** The value DuckDB could not convert, lifted from its message `Could not convert string "abc" to ...`. */
function rejectedValue(reject: Reject): string {
  const match = /convert string "(.*)" to/s.exec(reject.message);
  return match === null ? reject.csvLine : match[1];
}

/**
 * The error for the first row the CSV reader rejected: a ragged row (wrong field count) or a
 * value that does not parse as its column's type. `kinds` gives each column's kind and whether
 * the caller forced it, for the wording of the advice.
 */
export function rejectError(
  file: string,
  reject: Reject,
  header: readonly string[],
  kinds: ReadonlyMap<string, { kind: ColumnKind; forced: boolean }>,
): DataReadError {
  if (reject.errorType === 'TOO MANY COLUMNS' || reject.errorType === 'MISSING COLUMNS') {
    const found = /Found: (\d+)/.exec(reject.message)?.[1] ?? '?';
    const column = reject.column ?? header[header.length - 1];
    return new DataReadError(
      { file, line: reject.line, column },
      `row has ${found} fields but the header has ${header.length} (${reject.errorType.toLowerCase()}, ` +
        `near column "${column}"). Fix that row — often an unquoted value containing the delimiter — ` +
        `or pass the right "delimiter".`,
    );
  }
  if (reject.errorType === 'CAST' && reject.column !== null) {
    const info = kinds.get(reject.column) ?? { kind: 'numeric' as ColumnKind, forced: false };
    const expectation: Expectation = info.forced ? 'forced' : 'sniffed';
    return badValueError(
      {
        file,
        line: reject.line,
        column: reject.column,
        value: rejectedValue(reject),
        kind: info.kind,
      },
      expectation,
    );
  }
  return new DataReadError(
    { file, line: reject.line, column: reject.column ?? undefined },
    `the CSV reader rejected this row (${reject.errorType.toLowerCase()}: ${reject.message}). Fix the row or the file's encoding.`,
  );
}

/** The first CAST rejection in one column, after a re-read that forced the column's type. */
export async function firstCastReject(
  session: DuckDBSession,
  column: string,
): Promise<{ line: number; value: string } | undefined> {
  const reject = await firstReject(session, column);
  return reject === undefined ? undefined : { line: reject.line, value: rejectedValue(reject) };
}
