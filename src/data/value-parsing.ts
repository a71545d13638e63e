import type { ColumnKind } from './column.js';

/** A value that could not be read as its column's kind; `undefined` from a parser means "bad". */
export type ParsedNumber = number | undefined;

const trueStrings = new Set(['true', 't', 'yes', 'y', '1']);
const falseStrings = new Set(['false', 'f', 'no', 'n', '0']);

/** Whether a raw value counts as missing: null, undefined, NaN or the empty string. */
export function isMissingValue(value: unknown): boolean {
  return (
    value === null ||
    value === undefined ||
    value === '' ||
    (typeof value === 'number' && Number.isNaN(value))
  );
}

/** A number from a number, a numeric string or a boolean (1/0); undefined when it is none. */
export function parseNumber(value: unknown): ParsedNumber {
  if (typeof value === 'number') return value;
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (typeof value === 'string') {
    const trimmed = value.trim();
    const n = Number(trimmed);
    return trimmed !== '' && !Number.isNaN(n) ? n : undefined;
  }
  return undefined;
}

/** 1/0 from booleans, 1/0 numbers and the usual words (true/false, yes/no, t/f, y/n). */
export function parseBoolean(value: unknown): ParsedNumber {
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (typeof value === 'number') return value === 1 ? 1 : value === 0 ? 0 : undefined;
  if (typeof value === 'string') {
    const word = value.trim().toLowerCase();
    if (trueStrings.has(word)) return 1;
    if (falseStrings.has(word)) return 0;
  }
  return undefined;
}

/** Milliseconds since the epoch (UTC) from a Date, a number (taken as ms) or an ISO-8601 string. */
export function parseDatetime(value: unknown): ParsedNumber {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? undefined : value.getTime();
  if (typeof value === 'number') return value;
  if (typeof value === 'string') {
    // A date or time without a zone is taken as UTC, as DuckDB does for TIMESTAMP.
    const text = /^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/.test(value.trim())
      ? `${value.trim().replace(' ', 'T')}Z`
      : value.trim();
    const ms = Date.parse(text);
    return Number.isNaN(ms) ? undefined : ms;
  }
  return undefined;
}

/** The parser for a non-categorical kind. */
export const parserForKind: Readonly<
  Record<Exclude<ColumnKind, 'categorical'>, (value: unknown) => ParsedNumber>
> = Object.freeze({
  numeric: parseNumber,
  boolean: parseBoolean,
  datetime: parseDatetime,
});

/** The kind a column of raw JS values most plausibly has, when no schema says. */
export function inferKind(values: readonly unknown[]): ColumnKind {
  let numbers = 0;
  let booleans = 0;
  let dates = 0;
  let present = 0;
  for (const v of values) {
    if (isMissingValue(v)) continue;
    present++;
    if (typeof v === 'number') numbers++;
    else if (typeof v === 'boolean') booleans++;
    else if (v instanceof Date) dates++;
  }
  if (present === 0) return 'numeric';
  if (numbers === present) return 'numeric';
  if (booleans === present) return 'boolean';
  if (dates === present) return 'datetime';
  return 'categorical';
}
