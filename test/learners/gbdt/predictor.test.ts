import { describe, expect, it } from 'vitest';
import type { DenseMatrix } from '../../../src/data/matrix.js';
import { denseMatrix } from '../../../src/data/matrix.js';
import { Rng } from '../../../src/data/rng.js';
import { HistGradientBoostingRegressor } from '../../../src/learners/gbdt/index.js';
import type { FlatEnsemble } from '../../../src/learners/gbdt/predictor.js';
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
        else goLeft = ((e.categories[e.categoryOffset[node] + (x >>> 5)] >>> (x & 31)) & 1) === 1;
        node = goLeft ? e.left[node] : e.right[node];
      }
      score += e.value[node];
    }
    out[i] = score;
  }
  return out;
}

/** Rows with missing values, a categorical column (codes 0..5) and two numeric columns. */
function mixedData(rows: number): { X: DenseMatrix; y: Float64Array } {
  const rng = new Rng(7);
  const data = new Float64Array(rows * 3);
  const y = new Float64Array(rows);
  for (let i = 0; i < rows; i++) {
    const a = rng.next() < 0.1 ? Number.NaN : rng.next() * 4;
    const b = rng.next();
    const code = Math.floor(rng.next() * 6);
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
  const settings = [
    ['uneven depth-wise trees with missing values', { maxDepth: 5 }, []],
    ['leaf-wise trees deeper than the heap limit', { maxDepth: null, maxLeaves: 40 }, []],
    ['trees with categorical splits', { maxDepth: 4 }, [2]],
  ] as const;
  for (const [name, options, categoricalFeatures] of settings) {
    it(`batch and single-row scores equal walking the trees on raw values (${name})`, () => {
      const model = new HistGradientBoostingRegressor({ nEstimators: 8, ...options }).fit(X, y, {
        categoricalFeatures: [...categoricalFeatures],
      });
      const e = ensembleOf(model);
      const expected = walkScores(e, X, 8);
      expect(scoreMatrix(e, X, 8)).toEqual(expected);
      const one = new Float64Array(1);
      for (let i = 0; i < X.rows; i += 37) {
        scoreRow(e, X.data, i * X.cols, 8, one, 0);
        expect(one[0]).toBe(expected[i]);
      }
    });
  }

  it('sends categories never seen in training (7, 300, 2.5, −1) and missing ones the way the raw walk does', () => {
    const model = new HistGradientBoostingRegressor({ nEstimators: 8, maxDepth: 4 }).fit(X, y, {
      categoricalFeatures: [2],
    });
    const e = ensembleOf(model);
    const unseen = [7, 300, 2.5, -1, Number.NaN, 3];
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
