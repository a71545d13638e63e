import { describe, expect, it } from 'vitest';
import type { DenseMatrix } from '../../../src/data/matrix.js';
import { denseMatrix } from '../../../src/data/matrix.js';
import { Rng } from '../../../src/data/rng.js';
import { HistGradientBoostingRegressor } from '../../../src/learners/gbdt/index.js';
import type { FlatEnsemble } from '../../../src/learners/gbdt/predictor.js';
import { buildHeapEnsemble } from '../../../src/learners/gbdt/heap-ensemble.js';
import { scoreMatrix, scoreRow } from '../../../src/learners/gbdt/predictor.js';

/** The plain definition of a tree ensemble's score: walk each tree on raw values. */
function walkScores(e: FlatEnsemble, X: DenseMatrix, rounds: number): Float64Array {
  const out = new Float64Array(X.rows);
  for (let i = 0; i < X.rows; i++) {
    let score = e.baseline[0];
    for (let t = 0; t < rounds; t++) {
      let node = e.treeRoots[t];
      while (e.feature[node] >= 0) {
        const x = X.data[i * X.cols + e.feature[node]];
        let goLeft: boolean;
        if (Number.isNaN(x)) goLeft = e.defaultLeft[node] === 1;
        else if (e.categoryOffset[node] < 0) goLeft = x <= e.threshold[node];
        // A category is a whole code in 0..255; anything else was never seen and goes right.
        else
          goLeft =
            Number.isInteger(x) &&
            x >= 0 &&
            x < 256 &&
            ((e.categories[e.categoryOffset[node] + (x >>> 5)] >>> (x & 31)) & 1) === 1;
        node = goLeft ? e.left[node] : e.right[node];
      }
      score += e.value[node];
    }
    out[i] = score;
  }
  return out;
}

/** Rows with missing values, a categorical column (codes 0..categories − 1) and two numeric columns. */
function mixedData(rows: number, categories = 6): { X: DenseMatrix; y: Float64Array } {
  const rng = new Rng(7);
  const data = new Float64Array(rows * 3);
  const y = new Float64Array(rows);
  for (let i = 0; i < rows; i++) {
    const a = rng.next() < 0.1 ? Number.NaN : rng.next() * 4;
    const b = rng.next();
    const code = Math.floor(rng.next() * categories);
    data.set([a, b, code], i * 3);
    y[i] = (Number.isNaN(a) ? 2 : Math.sin(a)) + b * b + (code % 2) + 0.1 * rng.next();
  }
  return { X: denseMatrix(rows, 3, data), y };
}

function ensembleOf(model: HistGradientBoostingRegressor): FlatEnsemble {
  return (model.toJSON().state as unknown as { ensemble: FlatEnsemble }).ensemble;
}

describe('flattened ensemble scoring', () => {
  const { X, y } = mixedData(300);
  // Heap tree kinds each setting must produce: 0 numeric, 1 categorical with bitsets, 2 with
  // inline bitsets (categories below 32 only).
  const settings = [
    ['uneven depth-wise trees with missing values', { maxDepth: 5 }, [], 6, [0]],
    ['leaf-wise trees deeper than the heap limit', { maxDepth: null, maxLeaves: 40 }, [], 6, []],
    ['trees with categorical splits on categories 0..5', { maxDepth: 4 }, [2], 6, [2]],
    ['trees with categorical splits on categories 0..59', { maxDepth: 4 }, [2], 60, [1]],
  ] as const;
  for (const [name, options, categoricalFeatures, categories, kinds] of settings) {
    it(`batch and single-row scores equal walking the trees on raw values (${name})`, () => {
      const { X, y } = mixedData(300, categories);
      const model = new HistGradientBoostingRegressor({ nEstimators: 8, ...options }).fit(X, y, {
        categoricalFeatures: [...categoricalFeatures],
      });
      const e = ensembleOf(model);
      const heapKinds = buildHeapEnsemble(e).categoricalTree;
      for (const kind of kinds) expect(heapKinds).toContain(kind);
      const expected = walkScores(e, X, 8);
      expect(scoreMatrix(e, X, 8)).toEqual(expected);
      const one = new Float64Array(1);
      for (let i = 0; i < X.rows; i += 37) {
        scoreRow(e, X.data, i * X.cols, 8, one, 0);
        expect(one[0]).toBe(expected[i]);
      }
    });
  }

  for (const categories of [6, 60])
    it(`sends categories never seen in training (7, 40, 300, 2.5, −1) and missing ones the way the raw walk does (categories 0..${categories - 1})`, () => {
      const { X, y } = mixedData(300, categories);
      const model = new HistGradientBoostingRegressor({ nEstimators: 8, maxDepth: 4 }).fit(X, y, {
        categoricalFeatures: [2],
      });
      const e = ensembleOf(model);
      const unseen = [7, 40, 300, 2.5, -1, Number.NaN, 3, 33];
      const data = Float64Array.from(X.data);
      for (let i = 0; i < X.rows; i++) data[i * 3 + 2] = unseen[i % unseen.length];
      const odd = denseMatrix(X.rows, 3, data);
      expect(scoreMatrix(e, odd, 8)).toEqual(walkScores(e, odd, 8));
    });

  it('scoring a prefix of the rounds equals walking only those trees', () => {
    const model = new HistGradientBoostingRegressor({ nEstimators: 6 }).fit(X, y);
    const e = ensembleOf(model);
    expect(scoreMatrix(e, X, 3)).toEqual(walkScores(e, X, 3));
  });
});
