import { describe, expect, it } from 'vitest';
import {
  checkRestoredOptions,
  nestSerialized,
  readEnvelope,
  unnestSerialized,
} from '../../src/data/serialized-reader.js';
import { DeserializationError, InvalidParameterError } from '../../src/errors.js';

describe('readEnvelope and SerialReader', () => {
  const json = {
    type: 'Thing',
    params: { alpha: 0.5 },
    state: {
      weights: new Float64Array([1, 2]),
      count: 3,
      name: 'x',
      flags: true,
      levels: ['a', 'b'],
    },
  };

  it('reads typed fields of params and state', () => {
    const { params, state } = readEnvelope(json, 'Thing');
    expect(params.number('alpha')).toBe(0.5);
    expect(params.record).toEqual({ alpha: 0.5 });
    expect(state?.float64('weights', 2)).toEqual(new Float64Array([1, 2]));
    expect(state?.integer('count')).toBe(3);
    expect(state?.string('name')).toBe('x');
    expect(state?.boolean('flags')).toBe(true);
    expect(state?.strings('levels')).toEqual(['a', 'b']);
  });

  it('gives null state for an object saved unfitted', () => {
    expect(readEnvelope({ ...json, state: null }, 'Thing').state).toBeNull();
  });

  it('names the owner and the key when a field has the wrong type or length', () => {
    const { state } = readEnvelope(json, 'Thing');
    expect(() => state?.float64('weights', 3)).toThrow(/Thing.*"weights" must be 3 values/);
    expect(() => state?.integer('name')).toThrow(/"name" must be a non-negative integer/);
    expect(() => state?.string('missing')).toThrow(DeserializationError);
  });

  it('refuses an envelope of another type', () => {
    expect(() => readEnvelope(json, 'Other')).toThrow(/expected type "Other", got Thing/);
  });

  it('nests and unnests serialized objects unchanged', () => {
    expect(unnestSerialized('Outer', nestSerialized(json))).toEqual(json);
    expect(() => unnestSerialized('Outer', 3)).toThrow(/Outer/);
  });

  it('turns an invalid restored option into a DeserializationError', () => {
    const bad = () => {
      throw new InvalidParameterError('Thing', 'alpha', 'must be positive');
    };
    expect(() => checkRestoredOptions('Thing', bad)).toThrow(DeserializationError);
  });
});
