import { describe, expect, it } from 'vitest';
import { denseFromRows } from '../../../src/data/matrix.js';
import { SerialReader } from '../../../src/data/serialized-reader.js';
import { DeserializationError } from '../../../src/errors.js';
import { FlatTree, LEAF } from '../../../src/learners/tree/index.js';

/** Root splits feature 1 at 0.5 (missing → right); its left child splits feature 0 at 2. */
function sampleTree(): FlatTree {
  return new FlatTree({
    feature: Int32Array.from([1, 0, LEAF, LEAF, LEAF]),
    threshold: Float64Array.from([0.5, 2, 0, 0, 0]),
    left: Int32Array.from([1, 2, LEAF, LEAF, LEAF]),
    right: Int32Array.from([4, 3, LEAF, LEAF, LEAF]),
    missingLeft: Uint8Array.from([0, 1, 0, 0, 0]),
    values: Float64Array.from([0, 0, 10, 20, 30]),
    valueSize: 1,
  });
}

describe('FlatTree', () => {
  it('routes rows by threshold (x ≤ t left) and NaN by the stored direction', () => {
    const X = denseFromRows([
      [1, 0],
      [3, 0],
      [2, 0.5],
      [0, 0.7],
      [Number.NaN, 0],
      [0, Number.NaN],
    ]);
    const out = new Float64Array(X.rows);
    sampleTree().addPredictions(X, out);
    expect(Array.from(out)).toEqual([10, 20, 10, 30, 10, 30]);
  });

  it('adds scaled leaf values into the output, so forests can average in place', () => {
    const X = denseFromRows([[1, 0]]);
    const out = Float64Array.from([1]);
    sampleTree().addPredictions(X, out, 0.5);
    expect(out[0]).toBe(6);
  });

  it('reports its depth', () => {
    expect(sampleTree().depth()).toBe(2);
  });

  it('restores from toJSON output', () => {
    const tree = sampleTree();
    const restored = FlatTree.fromJSON('T', new SerialReader('T', tree.toJSON(), 'tree'), 1, 2);
    expect(restored).toEqual(tree);
  });

  it('rejects a tree whose child index points outside it', () => {
    const json = sampleTree().toJSON() as Record<string, unknown>;
    const broken = { ...json, right: Int32Array.from([9, 3, LEAF, LEAF, LEAF]) };
    expect(() => FlatTree.fromJSON('T', new SerialReader('T', broken, 'tree'), 1, 2)).toThrow(
      DeserializationError,
    );
  });

  it('rejects a tree that tests a feature the model does not have', () => {
    const json = sampleTree().toJSON();
    expect(() => FlatTree.fromJSON('T', new SerialReader('T', json, 'tree'), 1, 1)).toThrow(
      DeserializationError,
    );
  });

  it('rejects leaf values of the wrong size', () => {
    const json = sampleTree().toJSON();
    expect(() => FlatTree.fromJSON('T', new SerialReader('T', json, 'tree'), 3, 2)).toThrow(
      DeserializationError,
    );
  });
});
