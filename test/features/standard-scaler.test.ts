import { describe, expect, it } from 'vitest';
import { numericColumn } from '../../src/data/column.js';
import { Frame } from '../../src/data/frame.js';
import { StandardScaler } from '../../src/features/standard-scaler.js';
import { describeTransformerConformance } from './conformance.js';
import { sampleFrame } from './sample-frame.js';

const values = (frame: Frame, name: string) =>
  Array.from((frame.column(name) as { values: Float64Array }).values);

describe('StandardScaler', () => {
  it('gives columns zero mean and unit population variance', () => {
    const frame = new Frame([numericColumn('x', [2, 4, 6, 8])]);
    const out = values(new StandardScaler().fit(frame).transform(frame), 'x');
    const mean = out.reduce((s, v) => s + v, 0) / out.length;
    const variance = out.reduce((s, v) => s + (v - mean) ** 2, 0) / out.length;
    expect(mean).toBeCloseTo(0, 12);
    expect(variance).toBeCloseTo(1, 12);
  });

  it('uses scale 1 for a constant column', () => {
    const frame = new Frame([numericColumn('x', [5, 5, 5])]);
    expect(values(new StandardScaler().fit(frame).transform(frame), 'x')).toEqual([0, 0, 0]);
  });

  it('ignores missing values in fit and keeps them missing', () => {
    const frame = new Frame([numericColumn('x', [1, Number.NaN, 3])]);
    const scaler = new StandardScaler().fit(frame);
    expect(Array.from(scaler.statistics.mean)).toEqual([2]);
    expect(values(scaler.transform(frame), 'x')).toEqual([-1, Number.NaN, 1]);
  });

  it('leaves the mean or the scale alone when asked', () => {
    const frame = new Frame([numericColumn('x', [2, 4, 6, 8])]);
    expect(values(new StandardScaler({ withStd: false }).fit(frame).transform(frame), 'x')).toEqual(
      [-3, -1, 1, 3],
    );
    const noMean = new StandardScaler({ withMean: false }).fit(frame).statistics;
    expect(noMean.mean[0]).toBe(0);
  });
});

describeTransformerConformance({
  name: 'StandardScaler',
  make: () => new StandardScaler(),
  fromJSON: StandardScaler.fromJSON,
  frame: sampleFrame(),
  badOptions: [
    () => new StandardScaler({ withMean: 'yes' as never }),
    () => new StandardScaler({ columns: ['city'] }),
  ],
});
