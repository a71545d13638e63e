import { createHash } from 'node:crypto';
import { InvalidParameterError } from '../../errors.js';

export type SortValue = string | number | null;

/** Where the previous page ended: its last row's sort values and run id. */
export interface PageCursor {
  readonly values: readonly SortValue[];
  readonly runId: string;
}

/** A short digest of everything that shapes a result order, so a token only resumes its own query. */
export function queryKey(parts: unknown): string {
  return createHash('sha256').update(JSON.stringify(parts)).digest('base64url').slice(0, 16);
}

// JSON has no ±Infinity; sort values of ±Infinity travel as these strings.
function encodeValue(value: SortValue): SortValue {
  if (value === Infinity) return 'Infinity';
  if (value === -Infinity) return '-Infinity';
  return value;
}

/** An opaque base64url token naming `cursor` within the query `key`. */
export function encodePageToken(key: string, cursor: PageCursor): string {
  const body = { q: key, k: cursor.values.map(encodeValue), r: cursor.runId };
  return Buffer.from(JSON.stringify(body)).toString('base64url');
}

function invalid(problem: string): never {
  throw new InvalidParameterError('searchRunIds', 'pageToken', problem);
}

/**
 * Reads a token back, checking that it was issued for the same query (`key`) and that each
 * value has the type its sort column holds. Anything else is an InvalidParameterError.
 */
export function decodePageToken(
  token: string,
  key: string,
  types: readonly ('number' | 'text')[],
): PageCursor {
  if (!/^[A-Za-z0-9_-]+$/.test(token)) invalid('is not a page token (not base64url)');
  let body: unknown;
  try {
    body = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
  } catch {
    return invalid('is not a page token (not readable)');
  }
  if (typeof body !== 'object' || body === null) invalid('is not a page token');
  const { q, k, r } = body as Record<string, unknown>;
  if (typeof r !== 'string' || !Array.isArray(k) || typeof q !== 'string')
    invalid('is not a page token (missing fields)');
  if (q !== key)
    invalid('was issued for a different query: pass the same filter, orderBy and experiments');
  if (k.length !== types.length) invalid('does not match the sort order');
  const values = k.map((value: unknown, i) => decodeValue(value, types[i]));
  return { values, runId: r };
}

function decodeValue(value: unknown, type: 'number' | 'text'): SortValue {
  if (value === null) return null;
  if (type === 'text') return typeof value === 'string' ? value : invalid('holds a bad sort value');
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (value === 'Infinity') return Infinity;
  if (value === '-Infinity') return -Infinity;
  return invalid('holds a bad sort value');
}
