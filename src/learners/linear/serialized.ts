import type { Serializable, SerializedObject } from '../../data/serializable.js';
import { DeserializationError } from '../../errors.js';

type Record_ = { readonly [key: string]: Serializable };

/** Checks the `{type, params, state}` envelope and returns params and state (null when unfitted). */
export function readEnvelope(
  json: SerializedObject,
  type: string,
): { params: Record_; state: Record_ | null } {
  if (json === null || typeof json !== 'object')
    throw new DeserializationError(type, 'expected an object');
  if (json.type !== type)
    throw new DeserializationError(type, `expected type "${type}", got "${String(json.type)}"`);
  const params = json.params;
  if (params === null || typeof params !== 'object' || Array.isArray(params)) {
    throw new DeserializationError(type, '"params" must be an object');
  }
  const state = json.state;
  if (state === null) return { params, state: null };
  if (typeof state !== 'object' || Array.isArray(state) || ArrayBuffer.isView(state)) {
    throw new DeserializationError(type, '"state" must be an object or null');
  }
  return { params, state: state as Record_ };
}

export function readFloat64Array(
  type: string,
  state: Record_,
  key: string,
  length?: number,
): Float64Array {
  const value = state[key];
  if (!(value instanceof Float64Array))
    throw new DeserializationError(type, `"${key}" must be a Float64Array`);
  if (length !== undefined && value.length !== length) {
    throw new DeserializationError(
      type,
      `"${key}" must hold ${length} values, got ${value.length}`,
    );
  }
  return value.slice();
}

export function readInteger(type: string, state: Record_, key: string): number {
  const value = state[key];
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) {
    throw new DeserializationError(type, `"${key}" must be a non-negative integer`);
  }
  return value;
}

export function readBoolean(type: string, state: Record_, key: string): boolean {
  const value = state[key];
  if (typeof value !== 'boolean')
    throw new DeserializationError(type, `"${key}" must be a boolean`);
  return value;
}
