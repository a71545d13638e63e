import { timingSafeEqual } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import type { Endpoint } from './endpoints.js';
import type { DecodeResult } from './input-codec.js';
import type { Slot } from './model-host.js';

// The pure pieces of the HTTP layer: error bodies, slot descriptions, body and header reading.

export interface ErrorBody {
  readonly error: {
    readonly code: string;
    readonly message: string;
    readonly [k: string]: unknown;
  };
}

export function errorBody(
  code: string,
  message: string,
  extra: Record<string, unknown> = {},
): ErrorBody {
  return { error: { code, message, ...extra } };
}

export function describeSlot(slot: Slot) {
  const served = slot.current;
  return {
    model: slot.key,
    name: served.name,
    version: served.version,
    alias: slot.alias,
    source: served.source,
    task: served.model.task,
    target: served.model.target,
    ...(served.classes === undefined ? {} : { classes: served.classes }),
    signature: served.codec.signature,
    metrics: served.manifest.metrics,
    batchLimit: served.batcher.limit,
    loadedAt: new Date(slot.loadedAt).toISOString(),
  };
}

export function invalidInput(decoded: Extract<DecodeResult, { ok: false }>): ErrorBody {
  const shown =
    decoded.problems.length < decoded.total ? ` (first ${decoded.problems.length} listed)` : '';
  const first = decoded.problems[0];
  const where = [
    first.row === null ? '' : `row ${first.row}`,
    first.column === null ? '' : `column "${first.column}"`,
  ]
    .filter(Boolean)
    .join(', ');
  return errorBody(
    'ARGMIN_INVALID_INPUT',
    `${decoded.total} problem${decoded.total === 1 ? '' : 's'} in the request body${shown}; first: ${where === '' ? '' : `${where} `}${first.problem}`,
    { problems: decoded.problems, total: decoded.total },
  );
}

/** MLflow's scoring body → ours (`dataframe_split` is columnar, `dataframe_records` records). */
export function mlflowTable(body: Record<string, unknown> | null): unknown {
  if (typeof body !== 'object' || body === null) return undefined;
  if (Object.hasOwn(body, 'dataframe_records')) return body.dataframe_records;
  const split = body.dataframe_split as Record<string, unknown> | undefined;
  if (typeof split === 'object' && split !== null)
    return { columns: split.columns, data: split.data };
  return undefined;
}

export function stickyKey(request: FastifyRequest, endpoint: Endpoint): string | undefined {
  const config = endpoint.policy.config;
  if (config.type !== 'ab') return undefined;
  const value = request.headers[(config.key ?? 'x-argmin-key').toLowerCase()];
  return typeof value === 'string' && value !== '' ? value : undefined;
}

export function tokenMatches(header: string | undefined, token: string): boolean {
  if (header === undefined || !header.startsWith('Bearer ')) return false;
  const given = Buffer.from(header.slice(7));
  const expected = Buffer.from(token);
  return given.length === expected.length && timingSafeEqual(given, expected);
}
