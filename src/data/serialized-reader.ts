import type { Serializable, SerializedObject } from './serializable.js';
import { DeserializationError, InvalidParameterError } from '../errors.js';

export type SerialRecord = { readonly [key: string]: Serializable };

/** Whether a serialized value is a plain object (not null, an array or a typed array). */
export function isRecord(value: unknown): value is SerialRecord {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    !ArrayBuffer.isView(value)
  );
}

/**
 * Reads fields of serialized params or state, throwing {@link DeserializationError} naming the
 * owner and the key when a field is absent or of the wrong type.
 */
export class SerialReader {
  readonly owner: string;
  readonly #record: SerialRecord;

  constructor(owner: string, record: Serializable | undefined, where: string) {
    if (!isRecord(record)) throw new DeserializationError(owner, `${where} is not an object.`);
    this.owner = owner;
    this.#record = record;
  }

  /** The underlying object, e.g. to hand params back to a constructor that validates them. */
  get record(): SerialRecord {
    return this.#record;
  }

  has(key: string): boolean {
    return this.#record[key] !== undefined && this.#record[key] !== null;
  }

  raw(key: string): Serializable {
    return this.#record[key] ?? null;
  }

  number(key: string): number {
    const value = this.#record[key];
    if (typeof value !== 'number') this.#fail(key, 'a number');
    return value as number;
  }

  /** A non-negative whole number (counts, sizes). */
  integer(key: string): number {
    const value = this.#record[key];
    if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) {
      this.#fail(key, 'a non-negative integer');
    }
    return value as number;
  }

  string(key: string): string {
    const value = this.#record[key];
    if (typeof value !== 'string') this.#fail(key, 'a string');
    return value as string;
  }

  boolean(key: string): boolean {
    const value = this.#record[key];
    if (typeof value !== 'boolean') this.#fail(key, 'a boolean');
    return value as boolean;
  }

  strings(key: string): string[] {
    const value = this.#record[key];
    if (!Array.isArray(value) || value.some((v) => typeof v !== 'string'))
      this.#fail(key, 'an array of strings');
    return [...(value as string[])];
  }

  /** `null` stays null; otherwise an array of strings. */
  optionalStrings(key: string): string[] | null {
    return this.#record[key] === null || this.#record[key] === undefined ? null : this.strings(key);
  }

  /** An array of `count` string arrays (per-column level lists). */
  stringLists(key: string, count: number): string[][] {
    const value = this.#record[key];
    const ok =
      Array.isArray(value) &&
      value.length === count &&
      value.every((list) => Array.isArray(list) && list.every((v) => typeof v === 'string'));
    if (!ok) this.#fail(key, `${count} arrays of strings`);
    return (value as string[][]).map((list) => [...list]);
  }

  float64(key: string, length?: number): Float64Array {
    const value = this.#record[key];
    if (!(value instanceof Float64Array)) this.#fail(key, 'a Float64Array');
    const array = value as Float64Array;
    if (length !== undefined && array.length !== length) this.#fail(key, `${length} values`);
    return array;
  }

  array(key: string): readonly Serializable[] {
    const value = this.#record[key];
    if (!Array.isArray(value)) this.#fail(key, 'an array');
    return value as readonly Serializable[];
  }

  reader(key: string): SerialReader {
    return new SerialReader(this.owner, this.#record[key], `"${key}"`);
  }

  #fail(key: string, expected: string): never {
    throw new DeserializationError(this.owner, `"${key}" must be ${expected}.`);
  }
}

/** Checks the `{type, params, state}` envelope; `state` is null when the object was saved unfitted. */
export function readEnvelope(
  json: SerializedObject,
  type: string,
): { params: SerialReader; state: SerialReader | null } {
  if (!isRecord(json) || json.type !== type) {
    const found = isRecord(json) ? String(json.type) : typeof json;
    throw new DeserializationError(type, `expected type "${type}", got ${found}.`);
  }
  const params = new SerialReader(type, json.params, 'params');
  const state =
    json.state === null || json.state === undefined
      ? null
      : new SerialReader(type, json.state, 'state');
  return { params, state };
}

/** Runs an options check while restoring, reporting a bad option as a DeserializationError. */
export function checkRestoredOptions(type: string, validate: () => void): void {
  try {
    validate();
  } catch (error) {
    if (error instanceof InvalidParameterError) throw new DeserializationError(type, error.message);
    throw error;
  }
}

/** A serialized object as a plain Serializable value, for nesting inside another's params. */
export function nestSerialized(json: SerializedObject): Serializable {
  return { type: json.type, params: json.params, state: json.state };
}

/** Reads a nested serialized object written by {@link nestSerialized}. */
export function unnestSerialized(owner: string, value: Serializable | undefined): SerializedObject {
  if (!isRecord(value) || typeof value.type !== 'string' || !isRecord(value.params)) {
    throw new DeserializationError(owner, 'a nested step is not a {type, params, state} object.');
  }
  return { type: value.type, params: value.params, state: value.state ?? null };
}
