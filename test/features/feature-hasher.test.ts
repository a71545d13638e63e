import { describe, expect, it } from 'vitest';
import { categoricalFromStrings } from '../../src/data/column.js';
import { Frame } from '../../src/data/frame.js';
import { toDense } from '../../src/data/matrix.js';
import { FeatureHasher } from '../../src/features/feature-hasher.js';
import { murmurhash3 } from '../../src/features/murmurhash3.js';
import { describeTransformerConformance } from './conformance.js';
import { sampleFrame } from './sample-frame.js';

describe('FeatureHasher', () => {
  it('puts each column=level string at its hash modulo nFeatures, signed by the hash', () => {
    const frame = new Frame([categoricalFromStrings('home', ['rent', null])]);
    const X = new FeatureHasher({ nFeatures: 64 }).fit(frame).transform(frame);
    const h = murmurhash3('home=rent');
    expect(X.kind).toBe('csr');
    expect(Array.from(X.indices.subarray(0, X.indptr[1]))).toEqual([Math.abs(h) % 64]);
    expect(X.data[0]).toBe(h < 0 ? -1 : 1);
    expect(X.indptr[2] - X.indptr[1]).toBe(0);
  });

  it('sums values that collide in one column', () => {
    const frame = new Frame([
      categoricalFromStrings('a', ['x']),
      categoricalFromStrings('b', ['y']),
    ]);
    const X = toDense(
      new FeatureHasher({ nFeatures: 1, alternateSign: false }).fit(frame).transform(frame),
    );
    expect(Array.from(X.data)).toEqual([2]);
  });

  it('hashes levels never seen in fit', () => {
    const hasher = new FeatureHasher({ nFeatures: 32 }).fit(
      new Frame([categoricalFromStrings('home', ['rent'])]),
    );
    const X = hasher.transform(new Frame([categoricalFromStrings('home', ['castle'])]));
    expect(X.indptr[1]).toBe(1);
  });
});

describeTransformerConformance({
  name: 'FeatureHasher',
  make: () => new FeatureHasher({ nFeatures: 16 }),
  fromJSON: FeatureHasher.fromJSON,
  frame: sampleFrame(),
  badOptions: [
    () => new FeatureHasher({ nFeatures: 0 }),
    () => new FeatureHasher({ nFeatures: 2.5 }),
  ],
});
