import { describe, expect, it } from 'vitest';
import { DeserializationError } from '../../src/errors.js';
import { OneHotEncoder } from '../../src/features/one-hot-encoder.js';
import { transformerFromJSON, vectorizerFromJSON } from '../../src/features/registry.js';
import { SimpleImputer } from '../../src/features/simple-imputer.js';
import { expectSameOutput } from './frame-equality.js';
import { sampleFrame } from './sample-frame.js';

const frame = sampleFrame();

describe('feature registry', () => {
  it('restores a transformer by its type', () => {
    const imputer = new SimpleImputer({ strategy: 'most_frequent' }).fit(frame);
    const restored = transformerFromJSON(imputer.toJSON());
    expect(restored).toBeInstanceOf(SimpleImputer);
    expectSameOutput(restored.transform(frame), imputer.transform(frame));
  });

  it('restores a vectorizer by its type', () => {
    const encoder = new OneHotEncoder().fit(frame);
    expect(vectorizerFromJSON(encoder.toJSON()).featureNames).toEqual(encoder.featureNames);
  });

  it('rejects unknown types and malformed state with DeserializationError', () => {
    expect(() => transformerFromJSON({ type: 'Mystery', params: {}, state: null })).toThrow(
      DeserializationError,
    );
    expect(() => vectorizerFromJSON({ type: 'SimpleImputer', params: {}, state: null })).toThrow(
      DeserializationError,
    );
    const json = new SimpleImputer({ columns: ['income'] }).fit(frame).toJSON();
    expect(() => transformerFromJSON({ ...json, state: { columns: 'income' } })).toThrow(
      DeserializationError,
    );
    expect(() =>
      transformerFromJSON({ ...json, params: { ...json.params, strategy: 'mode' } }),
    ).toThrow(DeserializationError);
  });
});
