import { describe, expect, it } from 'vitest';
import type { DenseMatrix } from '../../../src/data/matrix.js';
import { denseMatrix } from '../../../src/data/matrix.js';
import { DataValidationError } from '../../../src/errors.js';
import type { Classifier, Estimator } from '../../../src/learners/estimator.js';
import {
  ExtraTreesClassifier,
  ExtraTreesRegressor,
  RandomForestClassifier,
  RandomForestRegressor,
} from '../../../src/learners/forest/index.js';
import { DecisionTreeClassifier, DecisionTreeRegressor } from '../../../src/learners/tree/index.js';
import { blobs } from '../synthetic.js';

interface Learner {
  readonly name: string;
  readonly make: () => Estimator & { readonly featureImportances: Float64Array };
  readonly classifier: boolean;
}

const learners: Learner[] = [
  { name: 'DecisionTreeClassifier', make: () => new DecisionTreeClassifier(), classifier: true },
  { name: 'DecisionTreeRegressor', make: () => new DecisionTreeRegressor(), classifier: false },
  {
    name: 'RandomForestClassifier',
    make: () => new RandomForestClassifier({ nEstimators: 5, seed: 1 }),
    classifier: true,
  },
  {
    name: 'RandomForestRegressor',
    make: () => new RandomForestRegressor({ nEstimators: 5, seed: 1 }),
    classifier: false,
  },
  {
    name: 'ExtraTreesClassifier',
    make: () => new ExtraTreesClassifier({ nEstimators: 5, seed: 1 }),
    classifier: true,
  },
  {
    name: 'ExtraTreesRegressor',
    make: () => new ExtraTreesRegressor({ nEstimators: 5, seed: 1 }),
    classifier: false,
  },
];

/** 3-class blobs with column 1 replaced by `fill(row)`. */
function withColumn(fill: (row: number) => number): { X: DenseMatrix; y: Float64Array } {
  const { X, y } = blobs({ rows: 150, cols: 3, classes: 3, seed: 31 });
  const data = X.data.slice();
  for (let i = 0; i < X.rows; i++) data[i * 3 + 1] = fill(i);
  return { X: denseMatrix(X.rows, 3, data), y };
}

for (const learner of learners) {
  describe(`${learner.name} on bad input`, () => {
    it('never splits on a zero-variance column (its importance is 0)', () => {
      const { X, y } = withColumn(() => 4);
      const model = learner.make().fit(X, y);
      expect(model.featureImportances[1]).toBe(0);
      expect(model.predict(X).every(Number.isFinite)).toBe(true);
    });

    it('never splits on an all-missing column and predicts rows missing in it', () => {
      const { X, y } = withColumn(() => Number.NaN);
      const model = learner.make().fit(X, y);
      expect(model.featureImportances[1]).toBe(0);
      expect(model.predict(X).every(Number.isFinite)).toBe(true);
    });

    it('rejects a target holding NaN or Infinity, naming the row', () => {
      const { X, y } = withColumn((i) => i);
      for (const bad of [Number.NaN, Number.POSITIVE_INFINITY]) {
        const target = y.slice();
        target[42] = bad;
        expect(() => learner.make().fit(X, target)).toThrow(DataValidationError);
        expect(() => learner.make().fit(X, target)).toThrow(/row 42/);
      }
    });

    it('rejects Infinity in X at fit and predict, naming row and column', () => {
      const { X, y } = withColumn((i) => (i === 7 ? Number.NEGATIVE_INFINITY : i));
      expect(() => learner.make().fit(X, y)).toThrow(/row 7, column 1/);
      const model = learner.make().fit(withColumn((i) => i).X, y);
      expect(() => model.predict(X)).toThrow(DataValidationError);
    });

    it('rejects negative and all-zero sample weights', () => {
      const { X, y } = withColumn((i) => i);
      const negative = new Float64Array(y.length).fill(1);
      negative[3] = -1;
      expect(() => learner.make().fit(X, y, { sampleWeight: negative })).toThrow(/row 3/);
      const zeros = new Float64Array(y.length);
      expect(() => learner.make().fit(X, y, { sampleWeight: zeros })).toThrow(DataValidationError);
    });

    if (learner.classifier) {
      it('returns every fitted class from predictProba on rows of only some classes', () => {
        const { X, y } = withColumn((i) => i);
        const model = learner.make().fit(X, y) as unknown as Classifier;
        const onlyClassZero = [];
        for (let i = 0; i < y.length; i++) if (y[i] === 0) onlyClassZero.push(i);
        const rows = denseMatrix(
          onlyClassZero.length,
          3,
          Float64Array.from(
            onlyClassZero.flatMap((i) => Array.from(X.data.subarray(i * 3, i * 3 + 3))),
          ),
        );
        expect(model.predictProba(rows).cols).toBe(3);
        expect(Array.from(model.classes)).toEqual([0, 1, 2]);
      });
    }
  });
}

describe('class-weighted trees on bad input', () => {
  it('reject class weights that zero every row', () => {
    const { X, y } = withColumn((i) => i);
    const model = new DecisionTreeClassifier({ classWeight: { '0': 0, '1': 0, '2': 0 } });
    expect(() => model.fit(X, y)).toThrow(DataValidationError);
  });

  it('a forest keeps a class that a bootstrap sample missed in every tree’s leaves', () => {
    const { X, y } = withColumn((i) => i);
    const rare = y.slice();
    rare[0] = 9; // one row of its own class: most bootstrap samples miss it
    const forest = new RandomForestClassifier({ nEstimators: 8, seed: 5 }).fit(X, rare);
    expect(forest.trees.every((tree) => tree.valueSize === 4)).toBe(true);
    expect(forest.predictProba(X).cols).toBe(4);
  });
});
