import type { InputSignature } from '../features/index.js';
import { StoreError } from '../errors.js';

// JSON has no NaN or Infinity; metric maps spell them as strings so they survive the store.
const SPECIAL: Readonly<Record<string, number>> = {
  NaN: Number.NaN,
  Infinity: Number.POSITIVE_INFINITY,
  '-Infinity': Number.NEGATIVE_INFINITY,
};

export function encodeMetrics(
  metrics: Readonly<Record<string, number>> | undefined,
): string | null {
  if (metrics === undefined) return null;
  const out: Record<string, number | string> = {};
  for (const [key, value] of Object.entries(metrics))
    out[key] = Number.isFinite(value) ? value : String(value);
  return JSON.stringify(out);
}

export function decodeMetrics(text: string | null, where: string): Record<string, number> {
  if (text === null) return {};
  const parsed = parseJson(text, where) as Record<string, unknown>;
  const out: Record<string, number> = {};
  for (const [key, value] of Object.entries(parsed))
    out[key] = typeof value === 'string' && value in SPECIAL ? SPECIAL[value] : Number(value);
  return out;
}

export function encodeSignature(signature: InputSignature | undefined): string | null {
  return signature === undefined ? null : JSON.stringify(signature);
}

export function decodeSignature(text: string | null, where: string): InputSignature | null {
  return text === null ? null : (parseJson(text, where) as InputSignature);
}

function parseJson(text: string, where: string): unknown {
  try {
    return JSON.parse(text);
  } catch (cause) {
    throw new StoreError(`The stored JSON of ${where} is corrupt: ${(cause as Error).message}`, {
      cause,
    });
  }
}
