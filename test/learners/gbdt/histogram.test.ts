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

function histogramOf(rowList: Int32Array) {
  const out = new Float64Array(histogramLength(features, binStride));
  buildHistogram(
    {
      codes,
      nRows: rows,
      shape,
      rows: rowList,
      start: 0,
      end: rowList.length,
      gradients,
      hessians,
      features: all,
    },
    out,
    new Float64Array(rows),
    new Float64Array(rows),
  );
  return out;
}

describe('gradient histograms', () => {
  it('sum each bin’s gradients, hessians and rows as a direct count does', () => {
    const every = Int32Array.from({ length: rows }, (_, i) => i);
    const hist = histogramOf(every);
    const feature = 4;
    const bin = codes[feature * rows + 17];
    let g = 0;
    let h = 0;
    let n = 0;
    for (let i = 0; i < rows; i++) {
      if (codes[feature * rows + i] !== bin) continue;
      g += gradients[i];
      h += hessians[i];
      n++;
    }
    const slot = (feature * binStride + bin) * 3;
    expect(hist[slot]).toBeCloseTo(g, 12);
    expect(hist[slot + 1]).toBeCloseTo(h, 12);
    expect(hist[slot + 2]).toBe(n);
  });

  it('parent minus the smaller child equals the larger child built directly (subtraction trick)', () => {
    const every = Int32Array.from({ length: rows }, (_, i) => i);
    const left = every.filter((i) => i % 3 === 0);
    const right = every.filter((i) => i % 3 !== 0);
    const parent = histogramOf(every);
    subtractHistogram(parent, histogramOf(left), shape, all);
    const direct = histogramOf(right);
    for (let k = 0; k < direct.length; k++) expect(parent[k]).toBeCloseTo(direct[k], 10);
  });
});
