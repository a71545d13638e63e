import { describe, expect, it } from 'vitest';
import { categoricalFromStrings } from '../../src/data/column.js';
import { Frame } from '../../src/data/frame.js';
import { toDense } from '../../src/data/matrix.js';
import { DataValidationError } from '../../src/errors.js';
import { OneHotEncoder } from '../../src/features/one-hot-encoder.js';
import { describeTransformerConformance } from './conformance.js';
import { sampleFrame } from './sample-frame.js';

const rowsOf = (X: ReturnType<OneHotEncoder['transform']>) => {
  const dense = toDense(X);
  return Array.from({ length: dense.rows }, (_, i) =>
    Array.from(dense.data.subarray(i * dense.cols, (i + 1) * dense.cols)),
  );
};
const frame = new Frame([
  categoricalFromStrings('home', ['rent', 'own', 'rent', null, 'other', 'own', 'rent']),
]);

describe('OneHotEncoder', () => {
  it('gives each sorted training level and missing its own CSR column', () => {
    const encoder = new OneHotEncoder().fit(frame);
    expect(encoder.featureNames).toEqual([
      'home__other',
      'home__own',
      'home__rent',
      'home__missing',
    ]);
    const X = encoder.transform(frame);
    expect(X.kind).toBe('csr');
    expect(rowsOf(X)[3]).toEqual([0, 0, 0, 1]);
    expect(rowsOf(X)[0]).toEqual([0, 0, 1, 0]);
  });

  it('encodes missing values as all zeros when asked', () => {
    const encoder = new OneHotEncoder({ missing: 'zeros' }).fit(frame);
    expect(encoder.featureNames).toEqual(['home__other', 'home__own', 'home__rent']);
    expect(rowsOf(encoder.transform(frame))[3]).toEqual([0, 0, 0]);
  });

  it('pools levels rarer than minFrequency into one infrequent column', () => {
    const encoder = new OneHotEncoder({ minFrequency: 2 }).fit(frame);
    expect(encoder.featureNames).toEqual(['home__own', 'home__rent', 'home__infrequent']);
    expect(encoder.infrequentLevels.get('home')).toEqual(['other', 'missing']);
    expect(rowsOf(encoder.transform(frame))[4]).toEqual([0, 0, 1]);
  });

  it('keeps maxCategories - 1 most frequent levels plus the infrequent column', () => {
    const encoder = new OneHotEncoder({ maxCategories: 2, missing: 'zeros' }).fit(frame);
    expect(encoder.featureNames).toEqual(['home__rent', 'home__infrequent']);
  });

  it('encodes by level string when the new frame has its own level list', () => {
    const encoder = new OneHotEncoder({ handleUnknown: 'ignore' }).fit(frame);
    const test = new Frame([categoricalFromStrings('home', ['rent', 'castle', 'other'])]);
    expect(rowsOf(encoder.transform(test))).toEqual([
      [0, 0, 1, 0],
      [0, 0, 0, 0],
      [1, 0, 0, 0],
    ]);
  });

  it('names the column and the level of an unseen level when unknowns are errors', () => {
    const encoder = new OneHotEncoder().fit(frame);
    const test = new Frame([categoricalFromStrings('home', ['castle'])]);
    expect(() => encoder.transform(test)).toThrow(DataValidationError);
    expect(() => encoder.transform(test)).toThrow(/home.*castle/s);
  });

  it('drops the first category column, or only that of binary columns', () => {
    const binary = frame.withColumn(
      categoricalFromStrings('yes', ['y', 'n', 'y', 'n', 'y', 'n', 'y']),
    );
    expect(new OneHotEncoder({ drop: 'first', missing: 'zeros' }).fit(binary).featureNames).toEqual(
      ['home__own', 'home__rent', 'yes__y'],
    );
    expect(
      new OneHotEncoder({ drop: 'if_binary', missing: 'zeros' }).fit(binary).featureNames,
    ).toEqual(['home__other', 'home__own', 'home__rent', 'yes__y']);
  });
});

describeTransformerConformance({
  name: 'OneHotEncoder',
  make: () => new OneHotEncoder({ handleUnknown: 'ignore', minFrequency: 3 }),
  fromJSON: OneHotEncoder.fromJSON,
  frame: sampleFrame(),
  badOptions: [
    () => new OneHotEncoder({ minFrequency: 1.5 }),
    () => new OneHotEncoder({ maxCategories: 1 }),
    () => new OneHotEncoder({ drop: 'last' as never }),
    () => new OneHotEncoder({ handleUnknown: 'infrequent_if_exist' as never }),
  ],
});
