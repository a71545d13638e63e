import type { Serializable, TypedArray } from '../data/serializable.js';
import { ArtifactError } from '../errors.js';

/** Element types a blob may hold; the name is what the manifest records. */
const DTYPES = {
  float64: Float64Array,
  float32: Float32Array,
  int32: Int32Array,
  uint32: Uint32Array,
  int16: Int16Array,
  uint16: Uint16Array,
  int8: Int8Array,
  uint8: Uint8Array,
} as const;

export type Dtype = keyof typeof DTYPES;

/** Where one typed array lives in the blob. Offsets are 8-byte aligned. */
export interface BlobRef {
  readonly dtype: Dtype;
  readonly byteOffset: number;
  readonly length: number;
}

/** JSON-safe form of a Serializable: typed arrays become `{ $blob: i }`, non-finite numbers `{ $num: 'NaN' }`. */
export type PackedJson =
  null | boolean | number | string | PackedJson[] | { [key: string]: PackedJson };

function dtypeOf(array: TypedArray): Dtype {
  for (const [name, ctor] of Object.entries(DTYPES)) {
    if (array instanceof ctor) return name as Dtype;
  }
  throw new TypeError(`unsupported typed array ${Object.prototype.toString.call(array)}`);
}

/**
 * Splits a value into JSON (safe for `JSON.stringify`, NaN and ±Infinity preserved) and one binary
 * blob that holds every typed array bit for bit.
 */
export function packValue(value: Serializable): {
  json: PackedJson;
  blob: Buffer;
  refs: BlobRef[];
} {
  const refs: BlobRef[] = [];
  const chunks: Buffer[] = [];
  let size = 0;
  const walk = (v: Serializable): PackedJson => {
    if (v === null || typeof v === 'boolean' || typeof v === 'string') return v;
    if (typeof v === 'number') return Number.isFinite(v) ? v : { $num: String(v) };
    if (ArrayBuffer.isView(v)) {
      const padding = (8 - (size % 8)) % 8;
      if (padding > 0) chunks.push(Buffer.alloc(padding));
      size += padding;
      refs.push({ dtype: dtypeOf(v), byteOffset: size, length: v.length });
      chunks.push(Buffer.from(v.buffer, v.byteOffset, v.byteLength));
      size += v.byteLength;
      return { $blob: refs.length - 1 };
    }
    if (Array.isArray(v)) return v.map(walk);
    const out: { [key: string]: PackedJson } = {};
    for (const [k, item] of Object.entries(v as { [key: string]: Serializable })) {
      if (item !== undefined) out[k] = walk(item);
    }
    return out;
  };
  const json = walk(value);
  return { json, blob: Buffer.concat(chunks, size), refs };
}

/** Inverse of {@link packValue}: typed arrays are copied out of the blob (so they are aligned and owned). */
export function unpackValue(
  json: unknown,
  blob: Uint8Array,
  refs: readonly BlobRef[],
  path: string,
): Serializable {
  const arrays = refs.map((ref, i) => {
    const ctor = DTYPES[ref.dtype];
    if (ctor === undefined)
      throw new ArtifactError(path, `blob ${i} has unknown dtype "${String(ref.dtype)}".`);
    const byteLength = ref.length * ctor.BYTES_PER_ELEMENT;
    if (
      !Number.isInteger(ref.byteOffset) ||
      ref.byteOffset < 0 ||
      ref.byteOffset + byteLength > blob.byteLength
    ) {
      throw new ArtifactError(path, `blob ${i} lies outside the data section (file truncated?).`);
    }
    // Copy (Buffer#slice would share memory), so every array owns an aligned buffer of its own.
    const bytes = Uint8Array.prototype.slice.call(
      blob,
      ref.byteOffset,
      ref.byteOffset + byteLength,
    );
    return new ctor(bytes.buffer, 0, ref.length);
  });
  const walk = (v: unknown): Serializable => {
    if (v === null || typeof v === 'boolean' || typeof v === 'string' || typeof v === 'number')
      return v;
    if (Array.isArray(v)) return v.map(walk);
    if (typeof v === 'object') {
      const o = v as Record<string, unknown>;
      const keys = Object.keys(o);
      if (keys.length === 1 && keys[0] === '$blob') {
        const array = arrays[o.$blob as number];
        if (array === undefined)
          throw new ArtifactError(path, `reference to missing blob ${String(o.$blob)}.`);
        return array;
      }
      if (keys.length === 1 && keys[0] === '$num') {
        if (o.$num === 'NaN') return Number.NaN;
        if (o.$num === 'Infinity') return Number.POSITIVE_INFINITY;
        if (o.$num === '-Infinity') return Number.NEGATIVE_INFINITY;
        throw new ArtifactError(path, `invalid number encoding ${JSON.stringify(o.$num)}.`);
      }
      const out: { [key: string]: Serializable } = {};
      for (const k of keys) out[k] = walk(o[k]);
      return out;
    }
    throw new ArtifactError(path, `unexpected value of type ${typeof v} in the manifest.`);
  };
  return walk(json);
}
