import { describe, expect, it } from 'vitest';
import { booleanColumn, categoricalFromStrings, numericColumn } from '../../src/data/column.js';
import { Frame } from '../../src/data/frame.js';
import { InvalidParameterError } from '../../src/errors.js';
import { SimpleImputer } from '../../src/features/simple-imputer.js';
import { describeTransformerConformance } from './conformance.js';
import { sampleFrame } from './sample-frame.js';

const frame = new Frame([
  numericColumn('x', [1, Number.NaN, 3, 10, 3]),
  booleanColumn('flag', [1, 1, Number.NaN, 0, 1]),
  categoricalFromStrings('color', ['red', null, 'blue', 'red', 'blue']),
]);

describe('SimpleImputer', () => {
  it('fills numeric columns with the mean of the observed values', () => {
    const out = new SimpleImputer({ columns: ['x'] }).fit(frame).transform(frame);
    expect(Array.from((out.column('x') as { values: Float64Array }).values)).toEqual([
      1,
      (1 + 3 + 10 + 3) / 4,
      3,
      10,
      3,
    ]);
  });

  it('fills numeric columns with the median of the observed values', () => {
    const out = new SimpleImputer({ strategy: 'median', columns: ['x'] })
      .fit(frame)
      .transform(frame);
    expect((out.column('x') as { values: Float64Array }).values[1]).toBe(3);
  });

  it('fills with the most frequent value, the smallest level among ties', () => {
    const out = new SimpleImputer({ strategy: 'most_frequent' }).fit(frame).transform(frame);
    const color = out.column('color');
    expect(color.kind === 'categorical' && color.levels[color.codes[1]]).toBe('blue');
    expect((out.column('flag') as { values: Float64Array }).values[2]).toBe(1);
    expect(out.column('flag').kind).toBe('boolean');
  });

  it('fills with constants, defaulting to 0 and "missing_value" as scikit-learn', () => {
    const out = new SimpleImputer({ strategy: 'constant', columns: ['x', 'color'] })
      .fit(frame)
      .transform(frame);
    expect((out.column('x') as { values: Float64Array }).values[1]).toBe(0);
    const color = out.column('color');
    expect(color.kind === 'categorical' && color.levels[color.codes[1]]).toBe('missing_value');
  });

  it('turns boolean columns imputed with the mean into numeric proportions', () => {
    const out = new SimpleImputer({ strategy: 'mean', columns: ['flag'] })
      .fit(frame)
      .transform(frame);
    expect(out.column('flag').kind).toBe('numeric');
    expect((out.column('flag') as { values: Float64Array }).values[2]).toBe(0.75);
  });

  it('adds a boolean indicator for each column that had missing values in fit', () => {
    const complete = frame.withColumn(numericColumn('y', [1, 2, 3, 4, 5]));
    const out = new SimpleImputer({ strategy: 'most_frequent', addIndicator: true })
      .fit(complete)
      .transform(complete);
    expect(out.columnNames).toEqual([
      'x',
      'flag',
      'color',
      'y',
      'x__missing',
      'flag__missing',
      'color__missing',
    ]);
    expect(out.column('x__missing').kind).toBe('boolean');
    expect(Array.from((out.column('color__missing') as { values: Float64Array }).values)).toEqual([
      0, 1, 0, 0, 0,
    ]);
  });

  it('fills a categorical level by string when the new frame has other levels', () => {
    const imputer = new SimpleImputer({ strategy: 'most_frequent', columns: ['color'] }).fit(frame);
    const other = new Frame([categoricalFromStrings('color', ['green', null])]);
    const color = imputer.transform(other).column('color');
    expect(color.kind === 'categorical' && Array.from(color.codes, (c) => color.levels[c])).toEqual(
      ['green', 'blue'],
    );
  });

  it('rejects mean imputation of a categorical column in fit', () => {
    expect(() => new SimpleImputer({ strategy: 'mean', columns: ['color'] }).fit(frame)).toThrow(
      InvalidParameterError,
    );
  });
});

describeTransformerConformance({
  name: 'SimpleImputer',
  make: () => new SimpleImputer({ strategy: 'most_frequent', addIndicator: true }),
  fromJSON: SimpleImputer.fromJSON,
  frame: sampleFrame(),
  badOptions: [
    () => new SimpleImputer({ strategy: 'mode' as never }),
    () => new SimpleImputer({ strategy: 'constant', fillValue: 'x', columns: ['income'] }),
    () => new SimpleImputer({ columns: ['nope'] }),
  ],
});
