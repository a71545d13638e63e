import { describe, expect, it } from 'vitest';
import { buildHistogram, histogramLength } from '../../../src/learners/gbdt/histogram.js';
import { emptySplit, hasBin } from '../../../src/learners/gbdt/split-info.js';
import type { FeatureLayout, SplitConstraints } from '../../../src/learners/gbdt/splitter.js';
import { findBestSplit, leafScore } from '../../../src/learners/gbdt/splitter.js';

const MISSING = 15;
const constraints: SplitConstraints = {
  lambdaL2: 1,
  alphaL1: 0,
  minChildWeight: 0,
  minSamplesLeaf: 1,
};

/**
 * Best split of a node holding every row; codes are given feature by feature and stored
 * row-major as the grower reads them. `counted` keeps row counts (as minSamplesLeaf > 1 does).
 */
function bestSplit(
  columns: number[][],
  gradients: number[],
  categorical: number[] = [],
  counted = true,
) {
  const nRows = gradients.length;
  const nFeatures = columns.length;
  const codes = Uint8Array.from(
    { length: nRows * nFeatures },
    (_, k) => columns[k % nFeatures][Math.floor(k / nFeatures)],
  );
  const layout: FeatureLayout = {
    binStride: 16,
    missingBin: MISSING,
    binCount: new Int32Array(nFeatures).fill(10),
    categorical: Uint8Array.from({ length: nFeatures }, (_, f) =>
      categorical.includes(f) ? 1 : 0,
    ),
  };
  const features = Int32Array.from({ length: nFeatures }, (_, f) => f);
  const g = Float64Array.from(gradients);
  const h = new Float64Array(nRows).fill(1);
  const hist = {
    sums: new Float64Array(histogramLength(nFeatures, 16)),
    counts: counted ? new Float64Array(nFeatures * 16) : null,
  };
  const rows = Int32Array.from({ length: nRows }, (_, i) => i);
  buildHistogram(
    {
      codes,
      nFeatures,
      shape: layout,
      rows,
      start: 0,
      end: nRows,
      gradients: g,
      hessians: h,
      features,
    },
    hist,
    new Float64Array(2 * 5000),
  );
  const totals = { gradient: g.reduce((a, b) => a + b, 0), hessian: nRows, count: nRows };
  const split = emptySplit();
  findBestSplit(
    hist,
    totals,
    features,
    layout,
    constraints,
    split,
    new Int32Array(16),
    new Float64Array(16),
  );
  return { split, totals };
}

describe('finding the best split', () => {
  it('picks the feature and threshold that separate negative from positive gradients', () => {
    const informative = [0, 1, 2, 3, 4, 5, 0, 1, 2, 3, 4, 5];
    const noise = [3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5, 8];
    const gradients = informative.map((bin) => (bin <= 2 ? -1 : 1));
    const { split, totals } = bestSplit([noise, informative], gradients);
    expect(split.feature).toBe(1);
    expect(split.categorical).toBe(false);
    expect(split.binThreshold).toBe(2);
    expect(split.leftCount).toBe(6);
    const expectedGain =
      0.5 *
      (leafScore(-6, 6, constraints) +
        leafScore(6, 6, constraints) -
        leafScore(totals.gradient, totals.hessian, constraints));
    expect(split.gain).toBeCloseTo(expectedGain, 12);
  });

  it('sends missing values left when they resemble the left child', () => {
    const column = [0, 1, 2, 7, 8, 9, MISSING, MISSING];
    const gradients = [-1, -1, -1, 1, 1, 1, -1, -1];
    const { split } = bestSplit([column], gradients);
    expect(split.binThreshold).toBe(2);
    expect(split.defaultLeft).toBe(true);
    expect(split.leftCount).toBe(5);
  });

  it('sends missing values right when they resemble the right child', () => {
    const column = [0, 1, 2, 7, 8, 9, MISSING, MISSING];
    const gradients = [-1, -1, -1, 1, 1, 1, 1, 1];
    const { split } = bestSplit([column], gradients);
    expect(split.binThreshold).toBe(2);
    expect(split.defaultLeft).toBe(false);
    expect(split.leftCount).toBe(3);
  });

  it('groups categories {2, 5} against the rest in one categorical split', () => {
    const column = [0, 1, 2, 3, 4, 5, 6, 7, 2, 5, 2, 5];
    const gradients = column.map((code) => (code === 2 || code === 5 ? -1 : 1));
    const { split } = bestSplit([column], gradients, [0]);
    expect(split.categorical).toBe(true);
    const left = [0, 1, 2, 3, 4, 5, 6, 7].filter((code) => hasBin(split.leftCategories, 0, code));
    // Either side may hold {2, 5}; the other holds the rest.
    const side = left.includes(2)
      ? left
      : [0, 1, 2, 3, 4, 5, 6, 7].filter((c) => !left.includes(c));
    expect(side).toEqual([2, 5]);
    expect(split.leftCount).toBe(6);
  });

  it('chooses the same splits without row counts (minSamplesLeaf = 1), leaving leftCount unknown', () => {
    const cases: [number[][], number[], number[]][] = [
      [[[0, 1, 2, 3, 15, 15, 9, 9]], [-1, -1, 1, 1, -1, -1, 2, 2], []],
      [[[0, 1, 2, 3, 4, 5, 6, 7, 2, 5, 2, 5]], [1, 1, -1, 1, 1, -1, 1, 1, -1, -1, -1, -1], [0]],
      [
        [
          [3, 3, 2, 2, 1, 1],
          [0, 15, 0, 15, 0, 15],
        ],
        [0.5, -2, 0.5, -2, 0.4, -2],
        [],
      ],
    ];
    for (const [columns, gradients, categorical] of cases) {
      const counted = bestSplit(columns, gradients, categorical, true).split;
      const plain = bestSplit(columns, gradients, categorical, false).split;
      expect(plain.feature).toBe(counted.feature);
      expect(plain.binThreshold).toBe(counted.binThreshold);
      expect(plain.defaultLeft).toBe(counted.defaultLeft);
      expect(plain.gain).toBeCloseTo(counted.gain, 12);
      expect(Array.from(plain.leftCategories)).toEqual(Array.from(counted.leftCategories));
      expect(plain.leftCount).toBeNaN();
    }
  });

  it('finds no split when every child would be lighter than minChildWeight', () => {
    const nRows = 4;
    const codes = Uint8Array.of(0, 1, 2, 3);
    const layout: FeatureLayout = {
      binStride: 16,
      missingBin: MISSING,
      binCount: Int32Array.of(4),
      categorical: new Uint8Array(1),
    };
    const hist = { sums: new Float64Array(histogramLength(1, 16)), counts: null };
    const rows = Int32Array.of(0, 1, 2, 3);
    const g = Float64Array.of(-1, -1, 1, 1);
    const h = new Float64Array(nRows).fill(1);
    buildHistogram(
      {
        codes,
        nFeatures: 1,
        shape: layout,
        rows,
        start: 0,
        end: 4,
        gradients: g,
        hessians: h,
        features: Int32Array.of(0),
      },
      hist,
      new Float64Array(2 * 5000),
    );
    const split = emptySplit();
    findBestSplit(
      hist,
      { gradient: 0, hessian: 4, count: 4 },
      Int32Array.of(0),
      layout,
      { ...constraints, minChildWeight: 2.5 },
      split,
      new Int32Array(16),
      new Float64Array(16),
    );
    expect(split.feature).toBe(-1);
  });
});
