import { describe, expect, it } from 'vitest';
import { numericColumn } from '../../src/data/column.js';
import { Frame } from '../../src/data/frame.js';
import { KBinsDiscretizer } from '../../src/features/kbins-discretizer.js';
import { describeTransformerConformance } from './conformance.js';
import { sampleFrame } from './sample-frame.js';

const values = (frame: Frame, name: string) =>
  Array.from((frame.column(name) as { values: Float64Array }).values);
const frame = new Frame([numericColumn('x', [0, 1, 2, 3, 4, 5, 6, 7, 8, 9])]);

describe('KBinsDiscretizer', () => {
  it('cuts the training range into equal-width bins', () => {
    const binner = new KBinsDiscretizer({ nBins: 3, strategy: 'uniform' }).fit(frame);
    expect(Array.from(binner.binEdges.get('x') ?? [])).toEqual([0, 3, 6, 9]);
    expect(values(binner.transform(frame), 'x')).toEqual([0, 0, 0, 1, 1, 1, 2, 2, 2, 2]);
  });

  it('puts values beyond the training range in the end bins and keeps missing', () => {
    const binner = new KBinsDiscretizer({ nBins: 3, strategy: 'uniform' }).fit(frame);
    const test = new Frame([numericColumn('x', [-100, 100, Number.NaN])]);
    expect(values(binner.transform(test), 'x')).toEqual([0, 2, Number.NaN]);
  });

  it('cuts at quantiles and drops bins of zero width', () => {
    const skewed = new Frame([numericColumn('x', [0, 0, 0, 0, 0, 0, 1, 2, 3, 4])]);
    const edges = new KBinsDiscretizer({ nBins: 4 }).fit(skewed).binEdges.get('x') ?? [];
    expect(edges.length).toBeLessThan(5);
    expect(edges[0]).toBe(0);
    expect(edges[edges.length - 1]).toBe(4);
  });

  it('gives a constant column a single bin', () => {
    const constant = new Frame([numericColumn('x', [2, 2, 2])]);
    expect(values(new KBinsDiscretizer().fit(constant).transform(constant), 'x')).toEqual([
      0, 0, 0,
    ]);
  });
});

describeTransformerConformance({
  name: 'KBinsDiscretizer',
  make: () => new KBinsDiscretizer({ nBins: 4 }),
  fromJSON: KBinsDiscretizer.fromJSON,
  frame: sampleFrame(),
  badOptions: [
    () => new KBinsDiscretizer({ nBins: 1 }),
    () => new KBinsDiscretizer({ strategy: 'kmeans' as never }),
  ],
});
