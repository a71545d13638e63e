import { describe, expect, it } from 'vitest';
import { categoricalColumn, categoricalFromStrings } from '../../src/data/column.js';
import { Frame } from '../../src/data/frame.js';
import { DataValidationError } from '../../src/errors.js';
import { OrdinalEncoder } from '../../src/features/ordinal-encoder.js';
import { describeTransformerConformance } from './conformance.js';
import { sampleFrame } from './sample-frame.js';

const values = (frame: Frame, name: string) =>
  Array.from((frame.column(name) as { values: Float64Array }).values);
const train = new Frame([categoricalFromStrings('home', ['rent', 'own', null, 'parents', 'own'])]);

describe('OrdinalEncoder', () => {
  it('codes the sorted training levels 0..L-1 and keeps missing as NaN', () => {
    expect(values(new OrdinalEncoder().fit(train).transform(train), 'home')).toEqual([
      2,
      0,
      Number.NaN,
      1,
      0,
    ]);
  });

  it('learns only levels that occur in the training rows', () => {
    const column = categoricalColumn('home', Int32Array.from([1, 1]), ['other', 'own']);
    expect(new OrdinalEncoder().fit(new Frame([column])).categories.get('home')).toEqual(['own']);
  });

  it('maps levels by string when the new frame has its own level list', () => {
    const encoder = new OrdinalEncoder().fit(train);
    const test = new Frame([categoricalFromStrings('home', ['rent', 'parents'])]);
    expect(values(encoder.transform(test), 'home')).toEqual([2, 1]);
  });

  it('names the column and the level of an unseen level', () => {
    const encoder = new OrdinalEncoder().fit(train);
    const test = new Frame([categoricalFromStrings('home', ['castle'])]);
    expect(() => encoder.transform(test)).toThrow(DataValidationError);
    expect(() => encoder.transform(test)).toThrow(/home.*castle/s);
  });

  it('encodes an unseen level as missing when asked', () => {
    const encoder = new OrdinalEncoder({ handleUnknown: 'missing' }).fit(train);
    const test = new Frame([categoricalFromStrings('home', ['castle', 'own'])]);
    expect(values(encoder.transform(test), 'home')).toEqual([Number.NaN, 0]);
  });
});

describeTransformerConformance({
  name: 'OrdinalEncoder',
  make: () => new OrdinalEncoder({ handleUnknown: 'missing' }),
  fromJSON: OrdinalEncoder.fromJSON,
  frame: sampleFrame(),
  badOptions: [
    () => new OrdinalEncoder({ handleUnknown: 'ignore' as never }),
    () => new OrdinalEncoder({ columns: ['income'] }),
  ],
});
