import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { denseMatrix } from '../../../src/data/matrix.js';
import { DataValidationError } from '../../../src/errors.js';
import { BIN_SAMPLE_ROWS, binMatrix, fitBinMapper } from '../../../src/learners/gbdt/binning.js';

interface BinningCase {
  name: string;
  maxBins: number;
  values: number[];
  edges: number[];
  bins: number[];
}

const fixture = JSON.parse(
  readFileSync(join(import.meta.dirname, '..', '..', 'fixtures', 'gbdt_binning.json'), 'utf8'),
) as { cases: BinningCase[] };

/** Each value replaced by its rank among the distinct values. */
function denseRank(values: number[]): number[] {
  const distinct = [...new Set(values)].sort((a, b) => a - b);
  return values.map((v) => distinct.indexOf(v));
}

function column(values: number[]) {
  return denseMatrix(values.length, 1, Float64Array.from(values));
}

describe('bin edges agree with scikit-learn 1.2 (numpy midpoint percentiles)', () => {
  for (const c of fixture.cases) {
    it(`${c.name}, ${c.maxBins} bins: same edges and the same grouping of values into bins`, () => {
      const X = column(c.values);
      const mapper = fitBinMapper('test', X, c.maxBins, new Uint8Array(1));
      const edges = Array.from(mapper.edges[0]);
      expect(edges.length).toBe(c.edges.length);
      edges.forEach((edge, b) => expect(edge).toBeCloseTo(c.edges[b], 9));
      // scikit-learn keeps duplicate quantiles as empty bins; compare which values share a bin.
      expect(denseRank(Array.from(binMatrix(mapper, X)))).toEqual(denseRank(c.bins));
    });
  }
});

describe('binning', () => {
  it('learns edges of more than 200k rows from a sample, still filling every bin evenly', () => {
    const rows = BIN_SAMPLE_ROWS + 50_000;
    const values = Float64Array.from({ length: rows }, (_, i) => ((i * 7919) % rows) / rows);
    // A second column present on one row only: the sample may miss it; it still gets a bin.
    const data = new Float64Array(rows * 2).fill(Number.NaN);
    for (let i = 0; i < rows; i++) data[i * 2] = values[i];
    data[2 * 12345 + 1] = 4;
    const X = denseMatrix(rows, 2, data);
    const mapper = fitBinMapper('test', X, 255, new Uint8Array(2));
    expect(mapper.binCount[0]).toBe(255);
    expect(mapper.binCount[1]).toBe(1);
    const codes = binMatrix(mapper, X);
    const occupancy = new Float64Array(256);
    for (let i = 0; i < rows; i++) occupancy[codes[i * 2]] += 1;
    const even = rows / 255;
    for (let b = 0; b < 255; b++) {
      expect(occupancy[b]).toBeGreaterThan(0.8 * even);
      expect(occupancy[b]).toBeLessThan(1.2 * even);
    }
    expect(codes[2 * 12345 + 1]).toBe(0);
  });

  it('sends NaN to the missing bin, which is maxBins', () => {
    const X = column([1, Number.NaN, 3, 2]);
    const mapper = fitBinMapper('test', X, 255, new Uint8Array(1));
    const codes = binMatrix(mapper, X);
    expect(mapper.missingBin).toBe(255);
    expect(codes[1]).toBe(255);
    expect([codes[0], codes[3], codes[2]]).toEqual([0, 1, 2]);
  });

  it('stores codes row-major like X, so one row’s codes are adjacent bytes', () => {
    const X = denseMatrix(2, 2, Float64Array.of(0, 10, 1, 20));
    const codes = binMatrix(fitBinMapper('test', X, 255, new Uint8Array(2)), X);
    expect(Array.from(codes)).toEqual([0, 0, 1, 1]);
  });

  it('uses category codes as bins and rejects codes that are not whole numbers below maxBins', () => {
    const X = column([4, 0, 2]);
    const mapper = fitBinMapper('test', X, 255, Uint8Array.of(1));
    expect(Array.from(binMatrix(mapper, X))).toEqual([4, 0, 2]);
    expect(mapper.binCount[0]).toBe(5);
    expect(() => fitBinMapper('test', column([1.5]), 255, Uint8Array.of(1))).toThrow(
      DataValidationError,
    );
    expect(() => fitBinMapper('test', column([300]), 255, Uint8Array.of(1))).toThrow(/300/);
  });

  it('gives an all-missing column no bins and a constant column a single bin', () => {
    const X = denseMatrix(3, 2, Float64Array.of(Number.NaN, 7, Number.NaN, 7, Number.NaN, 7));
    const mapper = fitBinMapper('test', X, 255, new Uint8Array(2));
    expect(Array.from(mapper.binCount)).toEqual([0, 1]);
  });
});
