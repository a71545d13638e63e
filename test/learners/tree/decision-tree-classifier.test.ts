import { describe, expect, it } from 'vitest';
import { denseFromRows } from '../../../src/data/matrix.js';
import { InvalidParameterError } from '../../../src/errors.js';
import { DecisionTreeClassifier } from '../../../src/learners/tree/index.js';
import type { ClassificationCriterionName } from '../../../src/learners/tree/index.js';
import { describeEstimatorConformance } from '../conformance.js';
import { blobs } from '../synthetic.js';
import { agreement, loadTreeFixture } from './fixtures.js';

for (const criterion of ['gini', 'entropy'] as const) {
  describeEstimatorConformance({
    name: `DecisionTreeClassifier (${criterion})`,
    task: 'classification',
    make: (options) => new DecisionTreeClassifier({ criterion, maxDepth: 6, ...options }),
    fromJSON: (json) => DecisionTreeClassifier.fromJSON(json),
    badOptions: [
      { criterion: 'log_loss' },
      { maxDepth: 0 },
      { maxDepth: 2.5 },
      { minSamplesSplit: 1 },
      { minSamplesLeaf: 0 },
      { minImpurityDecrease: -1 },
      { maxFeatures: 0 },
      { maxFeatures: 'all' },
      { maxFeatures: 2.5 },
      { classWeight: 'auto' },
      { classWeight: { '0': -1 } },
      { classWeight: { '99': 2 } },
      { seed: Number.NaN },
    ],
    seedOption: 'seed',
    sparse: true,
  });
}

describeEstimatorConformance({
  name: 'DecisionTreeClassifier (sqrt features, balanced)',
  task: 'classification',
  make: (options) =>
    new DecisionTreeClassifier({ maxFeatures: 'sqrt', classWeight: 'balanced', ...options }),
  fromJSON: (json) => DecisionTreeClassifier.fromJSON(json),
  badOptions: [{ maxFeatures: -1 }],
  seedOption: 'seed',
});

/** Mean agreement of our tree (seed 0) with scikit-learn's five trees. */
function meanAgreementWithSklearn(ours: Float64Array, bySeed: number[][]): number {
  return bySeed.reduce((sum, reference) => sum + agreement(ours, reference), 0) / bySeed.length;
}

/** Mean agreement of scikit-learn's trees with each other (pairs of random_state). */
function sklearnSelfAgreement(bySeed: number[][]): number {
  let sum = 0;
  let pairs = 0;
  for (let a = 0; a < bySeed.length; a++) {
    for (let b = a + 1; b < bySeed.length; b++) {
      sum += agreement(bySeed[a], bySeed[b]);
      pairs++;
    }
  }
  return sum / pairs;
}

// scikit-learn breaks ties between equally good features by a random feature order, so even
// with all features its tree depends on random_state (two of its own seeds agree on ~98.5–100%
// of the rows). We therefore compare with five of its trees: on average ours must agree with
// them on ≥ 99% of the held-out rows (the requirement), or — where scikit-learn does not
// reach 99% against itself (deep letters trees) — within 0.01 of how well its trees agree with
// one another (pairwise agreements of its own seeds spread over about ±0.005).
describe('DecisionTreeClassifier matches scikit-learn 1.2 DecisionTreeClassifier', () => {
  for (const name of ['tree_credit.json', 'tree_letters.json']) {
    const fixture = loadTreeFixture(name);
    for (const c of fixture.cases) {
      const label = `${name} ${c.options.criterion}, maxDepth ${c.options.maxDepth}, minSamplesLeaf ${c.options.minSamplesLeaf}`;
      const bySeed = c.predictionsBySeed as number[][];
      const model = new DecisionTreeClassifier({
        criterion: c.options.criterion as ClassificationCriterionName,
        maxDepth: c.options.maxDepth,
        minSamplesLeaf: c.options.minSamplesLeaf,
      }).fit(fixture.X, fixture.y);
      const predictions = model.predict(fixture.XTest);
      const ours = meanAgreementWithSklearn(predictions, bySeed);
      const own = sklearnSelfAgreement(bySeed);

      it(`agrees with its predictions on held-out rows (${label})`, () => {
        expect(ours).toBeGreaterThanOrEqual(Math.min(0.99, own - 0.01));
      });

      it(`reaches its held-out accuracy within 0.01 (${label})`, () => {
        expect(
          Math.abs(agreement(predictions, fixture.yTest) - (c.accuracy as number)),
        ).toBeLessThan(0.01);
      });
    }
  }
});

describe('DecisionTreeClassifier', () => {
  const data = blobs({ rows: 300, cols: 4, classes: 3, seed: 5 });

  it('grows no deeper than maxDepth', () => {
    const model = new DecisionTreeClassifier({ maxDepth: 3 }).fit(data.X, data.y);
    expect(model.tree.depth()).toBeLessThanOrEqual(3);
    expect(new DecisionTreeClassifier().fit(data.X, data.y).tree.depth()).toBeGreaterThan(3);
  });

  it('fits the training data perfectly when grown fully on distinct rows', () => {
    const model = new DecisionTreeClassifier().fit(data.X, data.y);
    expect(agreement(model.predict(data.X), data.y)).toBe(1);
  });

  it('keeps at least minSamplesLeaf training rows in every leaf', () => {
    const model = new DecisionTreeClassifier({ minSamplesLeaf: 7 }).fit(data.X, data.y);
    const counts = new Map<number, number>();
    for (let i = 0; i < data.X.rows; i++) {
      const leaf = model.tree.leafOf(data.X.data, i * data.X.cols);
      counts.set(leaf, (counts.get(leaf) ?? 0) + 1);
    }
    expect(Math.min(...counts.values())).toBeGreaterThanOrEqual(7);
  });

  it('a large minImpurityDecrease leaves only the root', () => {
    const model = new DecisionTreeClassifier({ minImpurityDecrease: 1 }).fit(data.X, data.y);
    expect(model.tree.nodeCount).toBe(1);
  });

  it('feature importances sum to 1 and favour the informative column', () => {
    // Column 1 decides the label; column 0 is noise.
    const rows = Array.from({ length: 200 }, (_, i) => [(i * 37) % 11, i % 2]);
    const y = Float64Array.from(rows, (r) => r[1]);
    const model = new DecisionTreeClassifier().fit(denseFromRows(rows), y);
    const importances = model.featureImportances;
    expect(importances[0] + importances[1]).toBeCloseTo(1, 12);
    expect(importances[1]).toBe(1);
  });

  it('sample weights act like repeated rows', () => {
    const weights = Float64Array.from({ length: data.X.rows }, (_, i) => 1 + (i % 3));
    const repeated: number[] = [];
    for (let i = 0; i < data.X.rows; i++) for (let r = 0; r < weights[i]; r++) repeated.push(i);
    const X = denseFromRows(
      repeated.map((i) => Array.from(data.X.data.subarray(i * 4, i * 4 + 4))),
    );
    const y = Float64Array.from(repeated, (i) => data.y[i]);
    const weighted = new DecisionTreeClassifier({ maxDepth: 4 }).fit(data.X, data.y, {
      sampleWeight: weights,
    });
    const expanded = new DecisionTreeClassifier({ maxDepth: 4 }).fit(X, y);
    expect(Array.from(weighted.predictProba(data.X).data)).toEqual(
      Array.from(expanded.predictProba(data.X).data),
    );
  });

  it('classWeight scales the rows of a class like sample weights do', () => {
    const viaClass = new DecisionTreeClassifier({ maxDepth: 3, classWeight: { '2': 5 } }).fit(
      data.X,
      data.y,
    );
    const viaRows = new DecisionTreeClassifier({ maxDepth: 3 }).fit(data.X, data.y, {
      sampleWeight: data.y.map((label) => (label === 2 ? 5 : 1)),
    });
    expect(Array.from(viaClass.predictProba(data.X).data)).toEqual(
      Array.from(viaRows.predictProba(data.X).data),
    );
  });

  it('learns where missing values go: a NaN row follows the side its class lives on', () => {
    // Class 1 rows have x > 5 or are missing; class 0 rows have x ≤ 5.
    const rows: number[][] = [];
    const y: number[] = [];
    for (let i = 0; i < 60; i++) {
      rows.push([i % 10]);
      y.push(i % 10 > 5 ? 1 : 0);
      if (i % 4 === 0) {
        rows.push([Number.NaN]);
        y.push(1);
      }
    }
    const model = new DecisionTreeClassifier({ maxDepth: 1 }).fit(
      denseFromRows(rows),
      Float64Array.from(y),
    );
    expect(Array.from(model.predict(denseFromRows([[Number.NaN], [2], [8]])))).toEqual([1, 0, 1]);
  });

  it('separates present from missing values when missingness alone decides the label', () => {
    const rows = Array.from({ length: 40 }, (_, i) => [i % 2 === 0 ? Number.NaN : i]);
    const y = Float64Array.from(rows, (r) => (Number.isNaN(r[0]) ? 1 : 0));
    const model = new DecisionTreeClassifier({ maxDepth: 1 }).fit(denseFromRows(rows), y);
    expect(model.tree.threshold[0]).toBe(Number.POSITIVE_INFINITY);
    expect(Array.from(model.predict(denseFromRows([[Number.NaN], [1e9], [-3]])))).toEqual([
      1, 0, 0,
    ]);
  });

  it('sends a value missing at predict time, but never in training, to the heavier child', () => {
    const rows = Array.from({ length: 40 }, (_, i) => [i]);
    const y = Float64Array.from(rows, (r) => (r[0] < 30 ? 0 : 1));
    const model = new DecisionTreeClassifier({ maxDepth: 1 }).fit(denseFromRows(rows), y);
    expect(model.predict(denseFromRows([[Number.NaN]]))[0]).toBe(0);
  });

  it('a given maxFeatures with a different seed grows a different tree', () => {
    const a = new DecisionTreeClassifier({ maxFeatures: 1, seed: 1 }).fit(data.X, data.y);
    const b = new DecisionTreeClassifier({ maxFeatures: 1, seed: 2 }).fit(data.X, data.y);
    expect(Array.from(a.tree.feature)).not.toEqual(Array.from(b.tree.feature));
  });

  it('rejects a classWeight naming an unseen label at fit', () => {
    const model = new DecisionTreeClassifier({ classWeight: { '7': 2 } });
    expect(() => model.fit(data.X, data.y)).toThrow(InvalidParameterError);
  });
});
