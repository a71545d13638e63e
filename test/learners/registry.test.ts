import { describe, expect, it } from 'vitest';
import { denseMatrix } from '../../src/data/matrix.js';
import { DeserializationError } from '../../src/errors.js';
import type { Estimator } from '../../src/learners/index.js';
import {
  CategoricalNB,
  DecisionTreeClassifier,
  DecisionTreeRegressor,
  DummyClassifier,
  DummyRegressor,
  ElasticNet,
  ExtraTreesClassifier,
  ExtraTreesRegressor,
  GaussianNB,
  HistGradientBoostingClassifier,
  HistGradientBoostingRegressor,
  Lasso,
  LinearRegression,
  LogisticRegression,
  RandomForestClassifier,
  RandomForestRegressor,
  Ridge,
  learnerFromJSON,
  learnerTypes,
} from '../../src/learners/index.js';
import { blobs, linearRegressionData } from './synthetic.js';

const classification = blobs({ rows: 120, cols: 4, classes: 3, seed: 1 });
const regression = linearRegressionData({ rows: 120, cols: 4, seed: 2 });
const categories = {
  X: denseMatrix(
    120,
    4,
    Float64Array.from({ length: 480 }, (_, k) => (k * 7) % 5),
  ),
  y: Float64Array.from({ length: 120 }, (_, i) => i % 3),
};

/** One fitted instance of every learner, with the data it was fitted on. */
const fitted: readonly [Estimator, { X: typeof classification.X; y: Float64Array }][] = [
  [new DummyClassifier({ strategy: 'prior' }), classification],
  [new DummyRegressor({ strategy: 'mean' }), regression],
  [new GaussianNB(), classification],
  [new CategoricalNB(), categories],
  [new LogisticRegression(), classification],
  [new LinearRegression(), regression],
  [new Ridge(), regression],
  [new Lasso({ alpha: 0.1 }), regression],
  [new ElasticNet({ alpha: 0.1 }), regression],
  [new DecisionTreeClassifier({ maxDepth: 4 }), classification],
  [new DecisionTreeRegressor({ maxDepth: 4 }), regression],
  [new RandomForestClassifier({ nEstimators: 5 }), classification],
  [new RandomForestRegressor({ nEstimators: 5 }), regression],
  [new ExtraTreesClassifier({ nEstimators: 5 }), classification],
  [new ExtraTreesRegressor({ nEstimators: 5 }), regression],
  [new HistGradientBoostingClassifier({ nEstimators: 5 }), classification],
  [new HistGradientBoostingRegressor({ nEstimators: 5 }), regression],
];

describe('learner registry', () => {
  it('knows every learner argmin ships, and nothing else', () => {
    expect(learnerTypes().sort()).toEqual(fitted.map(([e]) => e.type).sort());
  });

  for (const [estimator, data] of fitted) {
    it(`restores a fitted ${estimator.type} from its JSON with identical predictions`, () => {
      estimator.fit(data.X, data.y);
      const restored = learnerFromJSON(structuredClone(estimator.toJSON()));
      expect(restored.type).toBe(estimator.type);
      expect(restored.predict(data.X)).toEqual(estimator.predict(data.X));
    });
  }

  it('refuses a type it does not know, listing the ones it does', () => {
    const json = { type: '__proto__', params: {}, state: null };
    expect(() => learnerFromJSON(json)).toThrow(DeserializationError);
    expect(() => learnerFromJSON(json)).toThrow(/LogisticRegression/);
  });
});
