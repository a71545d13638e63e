import { describe, expect, it } from 'vitest';
import { denseMatrix } from '../../../src/data/matrix.js';
import { Rng } from '../../../src/data/rng.js';
import { buildHistogram } from '../../../src/learners/gbdt/histogram.js';
import { ThreadedHistograms } from '../../../src/learners/gbdt/histogram-threads.js';
import {
  HistGradientBoostingClassifier,
  HistGradientBoostingRegressor,
} from '../../../src/learners/gbdt/index.js';

const rng = new Rng(21);
const rows = 3000;
const cols = 9;
/** Numeric columns with missing values and one categorical column (codes 0..11). */
const X = denseMatrix(
  rows,
  cols,
  Float64Array.from({ length: rows * cols }, (_, k) => {
    if (k % cols === 0) return rng.nextInt(12);
    return rng.next() < 0.05 ? Number.NaN : rng.normal();
  }),
);
const score = (i: number): number =>
  (X.data[i * cols] % 3) + (X.data[i * cols + 1] || 0) - (X.data[i * cols + 2] || 0);
const yClass = Float64Array.from({ length: rows }, (_, i) =>
  Math.min(2, Math.max(0, Math.round(score(i)))),
);
const yValue = Float64Array.from({ length: rows }, (_, i) => score(i) + 0.1 * rng.normal());
const categoricalFeatures = [0];

describe('histograms on several threads', () => {
  it('fill exactly the histogram one thread fills, for any block of features', () => {
    const engine = new ThreadedHistograms(3);
    try {
      const n = 5000;
      const F = 11;
      const codes = engine.shareBytes(Uint8Array.from({ length: n * F }, () => rng.nextInt(40)));
      const rowOrder = engine.int32(n);
      for (let i = 0; i < n; i++) rowOrder[i] = i;
      const g = engine.float64(n).map(() => rng.normal());
      const h = engine.float64(n).map(() => rng.uniform(0.1, 1));
      const gradients = engine.float64(n);
      const hessians = engine.float64(n);
      gradients.set(g);
      hessians.set(h);
      const shape = { binStride: 64, missingBin: 63, binCount: new Int32Array(F).fill(40) };
      const features = Int32Array.of(10, 0, 3, 4, 5, 6, 8, 9, 1);
      const input = {
        codes,
        nFeatures: F,
        shape,
        rows: rowOrder,
        start: 7,
        end: 4990,
        gradients,
        hessians,
        features,
      };
      const shared = engine.allocate(F, 64, true);
      const local = {
        sums: new Float64Array(shared.sums.length),
        counts: new Float64Array(F * 64),
      };
      engine.build(input, shared);
      buildHistogram(input, local, new Float64Array(2 * n));
      expect(Array.from(shared.sums)).toEqual(Array.from(local.sums));
      expect(Array.from(shared.counts ?? [])).toEqual(Array.from(local.counts));
    } finally {
      engine.release();
    }
  });

  it('give a classifier bit-identical probabilities with 1, 2 or 3 threads', () => {
    const fit = (threads: number) =>
      new HistGradientBoostingClassifier({
        nEstimators: 8,
        maxDepth: 5,
        minSamplesLeaf: 4,
        subsample: 0.8,
        colsampleByTree: 0.8,
        threads,
      })
        .fit(X, yClass, { categoricalFeatures })
        .predictProba(X).data;
    const one = Array.from(fit(1));
    expect(Array.from(fit(2))).toEqual(one);
    expect(Array.from(fit(3))).toEqual(one);
  });

  it('give a leaf-wise regressor with early stopping the same model with 1 or 2 threads', () => {
    const fit = (threads: number) =>
      new HistGradientBoostingRegressor({
        nEstimators: 30,
        maxDepth: null,
        maxLeaves: 20,
        earlyStoppingRounds: 5,
        threads,
      }).fit(X, yValue);
    const one = fit(1);
    const two = fit(2);
    expect(two.bestIteration).toBe(one.bestIteration);
    expect(Array.from(two.predict(X))).toEqual(Array.from(one.predict(X)));
  });
});
