import { describe, expect, it } from 'vitest';
import { packValue, unpackValue } from '../../src/model/blob-codec.js';
import { ArtifactError } from '../../src/errors.js';

describe('packValue / unpackValue', () => {
  const value = {
    weights: new Float64Array([1.5, -0, Number.MIN_VALUE, 1e308]),
    codes: new Int32Array([3, -1, 7]),
    flags: new Uint8Array([1, 0, 1]),
    nested: [{ scale: new Float32Array([0.1, 0.2]) }, 'text', true, null],
    missing: Number.NaN,
    big: Number.POSITIVE_INFINITY,
    small: Number.NEGATIVE_INFINITY,
  };

  it('round-trips typed arrays bit for bit and keeps their element types', () => {
    const { json, blob, refs } = packValue(value);
    const back = unpackValue(JSON.parse(JSON.stringify(json)), blob, refs, 'mem') as typeof value;
    expect(back.weights).toBeInstanceOf(Float64Array);
    expect(Buffer.from(back.weights.buffer).equals(Buffer.from(value.weights.buffer))).toBe(true);
    expect(Object.is(back.weights[1], -0)).toBe(true);
    expect(back.codes).toEqual(value.codes);
    expect(back.flags).toEqual(value.flags);
    expect((back.nested[0] as { scale: Float32Array }).scale).toEqual(
      value.nested[0] && (value.nested[0] as { scale: Float32Array }).scale,
    );
    expect(back.nested.slice(1)).toEqual(['text', true, null]);
  });

  it('preserves NaN and infinities that plain JSON would turn into null', () => {
    const { json, blob, refs } = packValue(value);
    const back = unpackValue(JSON.parse(JSON.stringify(json)), blob, refs, 'mem') as typeof value;
    expect(back.missing).toBeNaN();
    expect(back.big).toBe(Number.POSITIVE_INFINITY);
    expect(back.small).toBe(Number.NEGATIVE_INFINITY);
  });

  it('aligns every array in the blob to 8 bytes', () => {
    const { refs } = packValue({ a: new Uint8Array(3), b: new Float64Array(2) });
    expect(refs.every((r) => r.byteOffset % 8 === 0)).toBe(true);
  });

  it('rejects a reference that points past the end of the blob', () => {
    const { json, blob, refs } = packValue({ a: new Float64Array(4) });
    expect(() => unpackValue(json, blob.subarray(0, 16), refs, 'model.argmin')).toThrow(
      ArtifactError,
    );
    expect(() => unpackValue(json, blob.subarray(0, 16), refs, 'model.argmin')).toThrow(
      /model\.argmin.*truncated/,
    );
  });
});
