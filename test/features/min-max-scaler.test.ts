import { describe, expect, it } from 'vitest';
import { numericColumn } from '../../src/data/column.js';
import { Frame } from '../../src/data/frame.js';
import { MinMaxScaler } from '../../src/features/min-max-scaler.js';
import { describeTransformerConformance } from './conformance.js';
import { sampleFrame } from './sample-frame.js';

const values = (frame: Frame, name: string) =>
  Array.from((frame.column(name) as { values: Float64Array }).values);

describe('MinMaxScaler', () => {
  it('maps the training minimum and maximum onto the feature range', () => {
    const frame = new Frame([numericColumn('x', [10, 15, 20, Number.NaN])]);
    const scaler = new MinMaxScaler({ featureRange: [-1, 1] }).fit(frame);
    expect(values(scaler.transform(frame), 'x')).toEqual([-1, 0, 1, Number.NaN]);
  });

  it('maps values outside the training range outside the feature range', () => {
    const train = new Frame([numericColumn('x', [0, 10])]);
    const test = new Frame([numericColumn('x', [20])]);
    expect(values(new MinMaxScaler().fit(train).transform(test), 'x')).toEqual([2]);
  });

  it('maps a constant column to the low end', () => {
    const frame = new Frame([numericColumn('x', [3, 3])]);
    expect(
      values(new MinMaxScaler({ featureRange: [5, 6] }).fit(frame).transform(frame), 'x'),
    ).toEqual([5, 5]);
  });
});

describeTransformerConformance({
  name: 'MinMaxScaler',
  make: () => new MinMaxScaler(),
  fromJSON: MinMaxScaler.fromJSON,
  frame: sampleFrame(),
  badOptions: [
    () => new MinMaxScaler({ featureRange: [1, 0] }),
    () => new MinMaxScaler({ featureRange: [0, Number.NaN] }),
  ],
});
