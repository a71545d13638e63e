import { describe, expect, it } from 'vitest';
import { Rng } from '../../../src/data/rng.js';
import {
  buildHistogram,
  histogramLength,
  subtractHistogram,
} from '../../../src/learners/gbdt/histogram.js';

const rows = 500;
const features = 6;
const binStride = 33;
const rng = new Rng(3);
const codes = Uint8Array.from({ length: rows * features }, () =>
  rng.next() < 0.1 ? 32 : rng.nextInt(20),
);
const gradients = Float64Array.from({ length: rows }, () => rng.normal());
const hessians = Float64Array.from({ length: rows }, () => rng.uniform(0.1, 1));
const shape = { binStride, missingBin: 32, binCount: new Int32Array(features).fill(20) };
const all = Int32Array.from({ length: features }, (_, f) => f);

/** Codes are row-major: `codes[row * features + feature]`. */
function histogramOf(rowList: Int32Array, counted = true) {
  const out = {
    sums: new Float64Array(histogramLength(features, binStride)),
    counts: counted ? new Float64Array(features * binStride) : null,
  };
  buildHistogram(
    {
      codes,
      nFeatures: features,
      shape,
      rows: rowList,
      start: 0,
      end: rowList.length,
      gradients,
      hessians,
      features: all,
    },
    out,
    new Float64Array(2 * 5000),
  );
  return out;
}

describe('gradient histograms', () => {
  it('sum each bin’s gradients, hessians and rows as a direct count does', () => {
    const every = Int32Array.from({ length: rows }, (_, i) => i);
    const hist = histogramOf(every);
    const feature = 4;
    const bin = codes[17 * features + feature];
    let g = 0;
    let h = 0;
    let n = 0;
    for (let i = 0; i < rows; i++) {
      if (codes[i * features + feature] !== bin) continue;
      g += gradients[i];
      h += hessians[i];
      n++;
    }
    const cell = feature * binStride + bin;
    expect(hist.sums[cell * 2]).toBeCloseTo(g, 12);
    expect(hist.sums[cell * 2 + 1]).toBeCloseTo(h, 12);
    expect(hist.counts?.[cell]).toBe(n);
  });

  it('fill the same sums with or without row counts, and every feature of the unrolled and tail loops', () => {
    const every = Int32Array.from({ length: rows }, (_, i) => i).filter((i) => i % 2 === 1);
    const counted = histogramOf(every, true);
    const plain = histogramOf(every, false);
    expect(plain.counts).toBeNull();
    expect(Array.from(plain.sums)).toEqual(Array.from(counted.sums));
    for (let feature = 0; feature < features; feature++) {
      let total = 0;
      for (let bin = 0; bin < binStride; bin++)
        total += counted.counts?.[feature * binStride + bin] ?? 0;
      expect(total).toBe(every.length);
    }
  });

  it('parent minus the smaller child equals the larger child built directly (subtraction trick)', () => {
    const every = Int32Array.from({ length: rows }, (_, i) => i);
    const left = every.filter((i) => i % 3 === 0);
    const right = every.filter((i) => i % 3 !== 0);
    const parent = histogramOf(every);
    subtractHistogram(parent, histogramOf(left), shape, all);
    const direct = histogramOf(right);
    for (let k = 0; k < direct.sums.length; k++)
      expect(parent.sums[k]).toBeCloseTo(direct.sums[k], 10);
    expect(Array.from(parent.counts ?? [])).toEqual(Array.from(direct.counts ?? []));
  });
});
