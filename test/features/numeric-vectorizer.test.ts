import { describe, expect, it } from 'vitest';
import { booleanColumn, categoricalFromStrings, numericColumn } from '../../src/data/column.js';
import { Frame } from '../../src/data/frame.js';
import { InvalidParameterError } from '../../src/errors.js';
import { NumericVectorizer } from '../../src/features/numeric-vectorizer.js';
import { describeTransformerConformance } from './conformance.js';
import { sampleFrame } from './sample-frame.js';

const frame = new Frame([
  numericColumn('x', [1, Number.NaN]),
  categoricalFromStrings('c', ['a', 'b']),
  booleanColumn('b', [0, 1]),
]);

describe('NumericVectorizer', () => {
  it('copies numeric and boolean columns into a dense row-major block, NaN kept', () => {
    const vectorizer = new NumericVectorizer().fit(frame);
    expect(vectorizer.featureNames).toEqual(['x', 'b']);
    const X = vectorizer.transform(frame);
    expect(X.kind).toBe('dense');
    expect(Array.from(X.data)).toEqual([1, 0, Number.NaN, 1]);
  });

  it('rejects a categorical column named in its options', () => {
    expect(() => new NumericVectorizer({ columns: ['c'] }).fit(frame)).toThrow(
      InvalidParameterError,
    );
  });
});

describeTransformerConformance({
  name: 'NumericVectorizer',
  make: () => new NumericVectorizer(),
  fromJSON: NumericVectorizer.fromJSON,
  frame: sampleFrame(),
  badOptions: [() => new NumericVectorizer({ columns: ['missing-column'] })],
});
