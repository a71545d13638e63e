import { describe, expect, it } from 'vitest';
import { denseFromRows } from '../../../src/data/matrix.js';
import { Rng } from '../../../src/data/rng.js';
import { DecisionTreeRegressor } from '../../../src/learners/tree/index.js';
import { describeEstimatorConformance } from '../conformance.js';
import { linearRegressionData } from '../synthetic.js';
import { loadTreeFixture } from './fixtures.js';

for (const criterion of ['squared_error', 'absolute_error'] as const) {
  describeEstimatorConformance({
    name: `DecisionTreeRegressor (${criterion})`,
    task: 'regression',
    make: (options) => new DecisionTreeRegressor({ criterion, maxDepth: 6, ...options }),
    fromJSON: (json) => DecisionTreeRegressor.fromJSON(json),
    badOptions: [
      { criterion: 'gini' },
      { maxDepth: -1 },
      { minSamplesSplit: 1.5 },
      { minSamplesLeaf: 0 },
      { minImpurityDecrease: Number.POSITIVE_INFINITY },
      { maxFeatures: 1.5 },
    ],
    seedOption: 'seed',
    sparse: true,
  });
}

// Regression targets are continuous, so ties between features are rare and the trees come out
// identical: predictions must match to 1e-9 (relative) on ≥ 99% of the held-out rows.
describe('DecisionTreeRegressor matches scikit-learn 1.2 DecisionTreeRegressor on ames', () => {
  const fixture = loadTreeFixture('tree_ames.json');
  for (const c of fixture.cases) {
    it(`predicts the held-out rows within 1e-9 (maxDepth ${c.options.maxDepth}, minSamplesLeaf ${c.options.minSamplesLeaf})`, () => {
      const model = new DecisionTreeRegressor({
        maxDepth: c.options.maxDepth,
        minSamplesLeaf: c.options.minSamplesLeaf,
      }).fit(fixture.X, fixture.y);
      const predictions = model.predict(fixture.XTest);
      const reference = c.predictions as number[];
      let close = 0;
      for (let i = 0; i < reference.length; i++)
        if (Math.abs(predictions[i] - reference[i]) <= 1e-9 * Math.abs(reference[i])) close++;
      expect(close / reference.length).toBeGreaterThanOrEqual(0.99);
      expect(model.tree.nodeCount).toBe(c.nodeCount);
    });
  }
});

describe('DecisionTreeRegressor', () => {
  const data = linearRegressionData({ rows: 200, cols: 3, seed: 4 });

  it('a depth-1 squared-error tree predicts the mean of each side', () => {
    const X = denseFromRows([[1], [2], [3], [10], [11], [12]]);
    const y = Float64Array.from([1, 2, 3, 11, 12, 13]);
    const model = new DecisionTreeRegressor({ maxDepth: 1 }).fit(X, y);
    expect(Array.from(model.predict(denseFromRows([[0], [100]])))).toEqual([2, 12]);
    expect(model.tree.threshold[0]).toBe(6.5);
  });

  it('an absolute-error leaf predicts the weighted median', () => {
    const X = denseFromRows([[1], [1], [1], [1]]);
    const y = Float64Array.from([1, 2, 3, 100]);
    const plain = new DecisionTreeRegressor({ criterion: 'absolute_error' }).fit(X, y);
    expect(plain.predict(X)[0]).toBe(2.5);
    const weighted = new DecisionTreeRegressor({ criterion: 'absolute_error' }).fit(X, y, {
      sampleWeight: Float64Array.from([1, 1, 5, 1]),
    });
    expect(weighted.predict(X)[0]).toBe(3);
  });

  it('a depth-1 absolute-error tree picks the threshold of least weighted absolute deviation', () => {
    const rng = new Rng(3);
    const rows = Array.from({ length: 40 }, () => [rng.nextInt(25)]);
    const y = Float64Array.from(rows, (r) => r[0] * 0.3 + 4 * rng.normal());
    const weights = Float64Array.from(rows, () => 1 + rng.nextInt(3));
    const model = new DecisionTreeRegressor({ maxDepth: 1, criterion: 'absolute_error' }).fit(
      denseFromRows(rows),
      y,
      { sampleWeight: weights },
    );
    const x = rows.map((r) => r[0]);
    const candidates = [...new Set(x)].sort((a, b) => a - b);
    let best = Number.POSITIVE_INFINITY;
    let bestThreshold = Number.NaN;
    for (let c = 0; c + 1 < candidates.length; c++) {
      const threshold = (candidates[c] + candidates[c + 1]) / 2;
      const side = (left: boolean): number[] =>
        x.map((_, i) => i).filter((i) => x[i] <= threshold === left);
      const cost = deviation(side(true), y, weights) + deviation(side(false), y, weights);
      if (cost < best - 1e-9) {
        best = cost;
        bestThreshold = threshold;
      }
    }
    expect(model.tree.threshold[0]).toBe(bestThreshold);
  });

  it('a fully grown tree reproduces distinct training targets', () => {
    const model = new DecisionTreeRegressor().fit(data.X, data.y);
    expect(Array.from(model.predict(data.X))).toEqual(Array.from(data.y));
  });

  it('rows with zero sample weight do not influence the fit', () => {
    const weights = Float64Array.from({ length: data.X.rows }, (_, i) => (i % 5 === 0 ? 0 : 1));
    const poisoned = data.y.map((v, i) => (i % 5 === 0 ? 1e6 : v));
    const model = new DecisionTreeRegressor({ maxDepth: 5 }).fit(data.X, poisoned, {
      sampleWeight: weights,
    });
    expect(Math.max(...model.predict(data.X))).toBeLessThan(1e3);
  });
});

/** Σ w·|y − weighted median| over the rows, by brute force over candidate medians. */
function deviation(rows: number[], y: Float64Array, w: Float64Array): number {
  let best = Number.POSITIVE_INFINITY;
  for (const m of rows) {
    let sum = 0;
    for (const i of rows) sum += w[i] * Math.abs(y[i] - y[m]);
    best = Math.min(best, sum);
  }
  return best;
}
