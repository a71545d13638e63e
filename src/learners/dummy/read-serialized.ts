import type { Serializable, SerializedObject } from '../../data/serializable.js';
import { DeserializationError } from '../../errors.js';

type Record_ = { readonly [key: string]: Serializable };

function isRecord(value: unknown): value is Record_ {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    !ArrayBuffer.isView(value)
  );
}

/**
 * Checks the envelope of a serialized learner and returns its params and state (state is null
 * when the learner was saved unfitted).
 */
export function readEnvelope(
  json: SerializedObject,
  type: string,
): { params: Record_; state: Record_ | null } {
  if (!isRecord(json) || json.type !== type) {
    const found = isRecord(json) ? String(json.type) : typeof json;
    throw new DeserializationError(type, `expected type "${type}", got ${found}.`);
  }
  if (!isRecord(json.params)) throw new DeserializationError(type, 'params is not an object.');
  if (json.state !== null && !isRecord(json.state)) {
    throw new DeserializationError(type, 'state is neither null nor an object.');
  }
  return { params: json.params, state: json.state };
}

export function readFloat64Array(
  owner: string,
  from: Record_,
  key: string,
  length?: number,
): Float64Array {
  const value = from[key];
  if (!(value instanceof Float64Array)) {
    throw new DeserializationError(owner, `"${key}" must be a Float64Array.`);
  }
  if (length !== undefined && value.length !== length) {
    throw new DeserializationError(
      owner,
      `"${key}" has ${value.length} values, expected ${length}.`,
    );
  }
  return value;
}

export function readInteger(owner: string, from: Record_, key: string): number {
  const value = from[key];
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) {
    throw new DeserializationError(owner, `"${key}" must be a non-negative integer.`);
  }
  return value;
}
