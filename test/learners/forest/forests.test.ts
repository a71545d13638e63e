import { describe, expect, it } from 'vitest';
import { takeRows } from '../../../src/data/matrix.js';
import { InvalidParameterError } from '../../../src/errors.js';
import type { Estimator } from '../../../src/learners/estimator.js';
import {
  ExtraTreesClassifier,
  ExtraTreesRegressor,
  RandomForestClassifier,
  RandomForestRegressor,
} from '../../../src/learners/forest/index.js';
import { DecisionTreeClassifier } from '../../../src/learners/tree/index.js';
import { describeEstimatorConformance } from '../conformance.js';
import { blobs, linearRegressionData } from '../synthetic.js';

const sharedBadOptions = [
  { nEstimators: 0 },
  { nEstimators: 2.5 },
  { bootstrap: 'yes' },
  { oobScore: 1 },
  { maxDepth: 0 },
  { minSamplesLeaf: 0 },
  { maxFeatures: 'half' },
];

describeEstimatorConformance({
  name: 'RandomForestClassifier',
  task: 'classification',
  make: (o) => new RandomForestClassifier({ nEstimators: 10, ...o }),
  fromJSON: (json) => RandomForestClassifier.fromJSON(json),
  badOptions: [...sharedBadOptions, { criterion: 'mse' }, { classWeight: 'auto' }],
  seedOption: 'seed',
  sparse: true,
});

describeEstimatorConformance({
  name: 'ExtraTreesClassifier',
  task: 'classification',
  make: (o) => new ExtraTreesClassifier({ nEstimators: 10, ...o }),
  fromJSON: (json) => ExtraTreesClassifier.fromJSON(json),
  badOptions: [...sharedBadOptions, { oobScore: true }],
  seedOption: 'seed',
});

describeEstimatorConformance({
  name: 'RandomForestRegressor',
  task: 'regression',
  make: (o) => new RandomForestRegressor({ nEstimators: 10, ...o }),
  fromJSON: (json) => RandomForestRegressor.fromJSON(json),
  badOptions: [...sharedBadOptions, { criterion: 'gini' }],
  seedOption: 'seed',
  sparse: true,
});

describeEstimatorConformance({
  name: 'ExtraTreesRegressor',
  task: 'regression',
  make: (o) => new ExtraTreesRegressor({ nEstimators: 10, ...o }),
  fromJSON: (json) => ExtraTreesRegressor.fromJSON(json),
  badOptions: [...sharedBadOptions, { criterion: 'absolute' }],
  seedOption: 'seed',
});

describe('forests', () => {
  const classes = blobs({ rows: 240, cols: 6, classes: 3, seed: 8 });
  const regression = linearRegressionData({ rows: 240, cols: 4, seed: 9 });

  it('defaults follow scikit-learn: 100 trees, bootstrap for random forests only', () => {
    expect(new RandomForestClassifier().getParams()).toMatchObject({
      nEstimators: 100,
      bootstrap: true,
      maxFeatures: 'sqrt',
    });
    expect(new ExtraTreesClassifier().getParams()).toMatchObject({ bootstrap: false });
    expect(new RandomForestRegressor().getParams()).toMatchObject({ maxFeatures: 1 });
  });

  it('grows nEstimators trees', () => {
    expect(
      new RandomForestClassifier({ nEstimators: 7 }).fit(classes.X, classes.y).trees,
    ).toHaveLength(7);
  });

  it('predictProba is the mean of the trees’ probabilities', () => {
    const forest = new RandomForestClassifier({ nEstimators: 5, seed: 3 }).fit(
      classes.X,
      classes.y,
    );
    const P = forest.predictProba(classes.X);
    const row = 17;
    const mean = [0, 0, 0];
    for (const tree of forest.trees) {
      const leaf = tree.leafOf(classes.X.data, row * classes.X.cols);
      for (let k = 0; k < 3; k++) mean[k] += tree.values[leaf * 3 + k] / 5;
    }
    for (let k = 0; k < 3; k++) expect(P.data[row * 3 + k]).toBeCloseTo(mean[k], 12);
  });

  it('different seeds grow different forests; the seed alone decides', () => {
    const a = new RandomForestRegressor({ nEstimators: 3, seed: 1 }).fit(
      regression.X,
      regression.y,
    );
    const b = new RandomForestRegressor({ nEstimators: 3, seed: 2 }).fit(
      regression.X,
      regression.y,
    );
    expect(Array.from(a.predict(regression.X))).not.toEqual(Array.from(b.predict(regression.X)));
  });

  it('a one-tree forest without bootstrap and with all features is a single CART tree', () => {
    const forest = new RandomForestClassifier({
      nEstimators: 1,
      bootstrap: false,
      maxFeatures: null,
    }).fit(classes.X, classes.y);
    const tree = new DecisionTreeClassifier().fit(classes.X, classes.y);
    expect(Array.from(forest.predict(classes.X))).toEqual(Array.from(tree.predict(classes.X)));
  });

  it('extra trees choose thresholds at random, not at midpoints between values', () => {
    const forest = new ExtraTreesRegressor({ nEstimators: 1, maxDepth: 1, seed: 4 }).fit(
      regression.X,
      regression.y,
    );
    const [tree] = forest.trees;
    const column = Float64Array.from(
      { length: regression.X.rows },
      (_, i) => regression.X.data[i * regression.X.cols + tree.feature[0]],
    ).sort();
    const midpoints = new Set<number>();
    for (let i = 0; i + 1 < column.length; i++) midpoints.add(column[i] / 2 + column[i + 1] / 2);
    expect(midpoints.has(tree.threshold[0])).toBe(false);
    expect(tree.threshold[0]).toBeGreaterThan(column[0]);
    expect(tree.threshold[0]).toBeLessThan(column[column.length - 1]);
  });

  it('reports an out-of-bag accuracy close to the accuracy on held-out rows', () => {
    const all = blobs({ rows: 480, cols: 6, classes: 3, seed: 12 });
    const train = Array.from({ length: 240 }, (_, i) => i);
    const test = Array.from({ length: 240 }, (_, i) => 240 + i);
    const forest = new RandomForestClassifier({ nEstimators: 30, oobScore: true, seed: 2 }).fit(
      takeRows(all.X, train),
      Float64Array.from(train, (i) => all.y[i]),
    );
    const predicted = forest.predict(takeRows(all.X, test));
    const heldOut = test.filter((i, k) => predicted[k] === all.y[i]).length / test.length;
    expect(Math.abs((forest.oobScore as number) - heldOut)).toBeLessThan(0.08);
  });

  it('reports an out-of-bag R² below the training R²', () => {
    const forest = new RandomForestRegressor({ nEstimators: 30, oobScore: true, seed: 2 }).fit(
      regression.X,
      regression.y,
    );
    const oob = forest.oobScore as number;
    expect(oob).toBeGreaterThan(0.3);
    expect(oob).toBeLessThan(1);
  });

  it('oobScore is null unless asked for', () => {
    expect(
      new RandomForestRegressor({ nEstimators: 2 }).fit(regression.X, regression.y).oobScore,
    ).toBeNull();
  });

  it('rejects oobScore without bootstrap', () => {
    const model: Estimator = new RandomForestClassifier({ oobScore: true, bootstrap: false });
    expect(() => model.fit(classes.X, classes.y)).toThrow(InvalidParameterError);
  });

  it('feature importances sum to 1', () => {
    const forest = new ExtraTreesClassifier({ nEstimators: 5 }).fit(classes.X, classes.y);
    const total = forest.featureImportances.reduce((s, v) => s + v, 0);
    expect(total).toBeCloseTo(1, 12);
  });

  it('stores all trees in one set of typed arrays', () => {
    const json = new RandomForestClassifier({ nEstimators: 4 }).fit(classes.X, classes.y).toJSON();
    const trees = (json.state as Record<string, Record<string, unknown>>).trees;
    expect(trees.offsets).toBeInstanceOf(Int32Array);
    expect((trees.offsets as Int32Array).length).toBe(5);
    expect(trees.feature).toBeInstanceOf(Int32Array);
  });
});
