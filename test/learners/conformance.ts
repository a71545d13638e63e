import { describe, expect, it } from 'vitest';
import type { DenseMatrix, Matrix } from '../../src/data/matrix.js';
import { takeRows } from '../../src/data/matrix.js';
import type { SerializedObject } from '../../src/data/serializable.js';
import {
  DataValidationError,
  DeserializationError,
  InvalidParameterError,
  NotFittedError,
  ShapeMismatchError,
} from '../../src/errors.js';
import type { Classifier, Estimator } from '../../src/learners/estimator.js';
import { isClassifier } from '../../src/learners/estimator.js';
import type { Dataset } from './synthetic.js';
import {
  defaultClassificationData,
  defaultRegressionData,
  secondClassificationData,
  secondRegressionData,
  toCsr,
  withExtraColumn,
} from './synthetic.js';

/** One learner configuration to run through the shared suite. */
export interface ConformanceCase {
  /** Shown in the test names, e.g. 'LogisticRegression (l2)'. */
  name: string;
  task: 'classification' | 'regression';
  /** A fresh instance; `options` are merged over the case's defaults. */
  make: (options?: Record<string, unknown>) => Estimator;
  fromJSON: (json: SerializedObject) => Estimator;
  /** Each must make `fit()` (not the constructor) throw InvalidParameterError. */
  badOptions: Record<string, unknown>[];
  /** Training data; defaults to seeded synthetic data (3-class 240 × 5, or regression 240 × 5). */
  data?: { X: Matrix; y: Float64Array };
  /**
   * Data for the refit test. Defaults to built-in data of another shape when `data` is not given,
   * else to two thirds of `data`'s rows without its largest class.
   */
  secondData?: { X: Matrix; y: Float64Array };
  /** Name of the seed option if the learner is random. */
  seedOption?: string;
  /** Also check the learner on a CSR copy of X. */
  sparse?: boolean;
}

/** Bytes of a float array, so that `toEqual` compares bit patterns (NaN, -0 included). */
function bits(values: Float64Array): Uint8Array {
  return new Uint8Array(values.buffer, values.byteOffset, values.byteLength);
}

function argmaxRow(P: DenseMatrix, row: number): number {
  let best = 0;
  for (let k = 1; k < P.cols; k++)
    if (P.data[row * P.cols + k] > P.data[row * P.cols + best]) best = k;
  return best;
}

function deriveSecondData(data: Dataset, task: ConformanceCase['task']): Dataset {
  const keep: number[] = [];
  const largest = task === 'classification' ? Math.max(...data.y) : Number.POSITIVE_INFINITY;
  const classCount = new Set(data.y).size;
  for (let i = 0; i < data.y.length; i++) {
    if (i % 3 === 0) continue;
    if (classCount > 2 && data.y[i] === largest) continue;
    keep.push(i);
  }
  return { X: takeRows(data.X, keep), y: Float64Array.from(keep, (i) => data.y[i]) };
}

/** Predictions, plus probabilities for classifiers, as one list of arrays to compare. */
function outputs(model: Estimator, X: Matrix): Float64Array[] {
  const predictions = [model.predict(X)];
  if (isClassifier(model)) predictions.push(model.predictProba(X).data, model.classes);
  return predictions;
}

/**
 * Registers the shared learner contract checks (scikit-learn's `check_estimator`, in spirit) as
 * one `describe` block.
 *
 * @example
 * describeEstimatorConformance({
 *   name: 'GaussianNB', task: 'classification',
 *   make: (o) => new GaussianNB({ ...o }), fromJSON: (j) => GaussianNB.fromJSON(j),
 *   badOptions: [{ varSmoothing: -1 }],
 * });
 */
export function describeEstimatorConformance(c: ConformanceCase): void {
  const data: Dataset =
    c.data ?? (c.task === 'classification' ? defaultClassificationData() : defaultRegressionData());
  const second: Dataset =
    c.secondData ??
    (c.data !== undefined
      ? deriveSecondData(c.data, c.task)
      : c.task === 'classification'
        ? secondClassificationData()
        : secondRegressionData());
  const seeded = (seed: number): Record<string, unknown> =>
    c.seedOption === undefined ? {} : { [c.seedOption]: seed };
  const fitted = (d: Dataset = data): Estimator => c.make(seeded(7)).fit(d.X, d.y);

  describe(`${c.name} follows the learner contract`, () => {
    it(`reports the ${c.task} task`, () => {
      expect(c.make().task).toBe(c.task);
      expect(c.make().isFitted).toBe(false);
    });

    it('fit returns the estimator itself', () => {
      const model = c.make(seeded(7));
      expect(model.fit(data.X, data.y)).toBe(model);
      expect(model.isFitted).toBe(true);
    });

    it('predict returns one finite value per row', () => {
      const predictions = fitted().predict(data.X);
      expect(predictions).toBeInstanceOf(Float64Array);
      expect(predictions.length).toBe(data.X.rows);
      expect(predictions.every(Number.isFinite)).toBe(true);
    });

    it('predict before fit throws NotFittedError', () => {
      const model = c.make();
      expect(() => model.predict(data.X)).toThrow(NotFittedError);
      if (isClassifier(model)) expect(() => model.predictProba(data.X)).toThrow(NotFittedError);
    });

    if (c.task === 'classification') {
      it('classes are the distinct training labels sorted ascending, whatever their values', () => {
        const relabelled = data.y.map((label) => 3 * label - 1);
        const model = c.make(seeded(7)).fit(data.X, relabelled) as Classifier;
        const distinct = Float64Array.from(new Set(relabelled)).sort();
        expect(Array.from(model.classes)).toEqual(Array.from(distinct));
        const predicted = model.predict(data.X);
        expect(predicted.every((label) => distinct.includes(label))).toBe(true);
      });

      it('predictProba has one row per sample and one column per class, each row summing to 1', () => {
        const model = fitted() as Classifier;
        const P = model.predictProba(data.X);
        expect(P.rows).toBe(data.X.rows);
        expect(P.cols).toBe(model.classes.length);
        for (let i = 0; i < P.rows; i++) {
          let sum = 0;
          for (let k = 0; k < P.cols; k++) {
            const p = P.data[i * P.cols + k];
            expect(p >= 0 && p <= 1).toBe(true);
            sum += p;
          }
          expect(Math.abs(sum - 1)).toBeLessThan(1e-9);
        }
      });

      it('predict returns the class of largest probability', () => {
        const model = fitted() as Classifier;
        const P = model.predictProba(data.X);
        const expected = Float64Array.from(
          { length: P.rows },
          (_, i) => model.classes[argmaxRow(P, i)],
        );
        expect(Array.from(model.predict(data.X))).toEqual(Array.from(expected));
      });
    }

    it('two fits with the same options give identical predictions', () => {
      const first = outputs(fitted(), data.X);
      const again = outputs(fitted(), data.X);
      expect(again.map(bits)).toEqual(first.map(bits));
    });

    it('toJSON output survives structuredClone and fromJSON restores identical predictions', () => {
      const model = fitted();
      const json = model.toJSON();
      const cloned = structuredClone(json);
      expect(cloned).toEqual(json);
      expect(cloned.type).toBe(model.type);
      const restored = c.fromJSON(cloned);
      expect(restored.isFitted).toBe(true);
      expect(outputs(restored, data.X).map(bits)).toEqual(outputs(model, data.X).map(bits));
    });

    it('an unfitted learner serializes with null state and restores unfitted', () => {
      const json = c.make(seeded(7)).toJSON();
      expect(json.state).toBeNull();
      const restored = c.fromJSON(structuredClone(json));
      expect(restored.isFitted).toBe(false);
      expect(restored.getParams()).toEqual(c.make(seeded(7)).getParams());
    });

    it('fromJSON rejects JSON of another type with DeserializationError', () => {
      const json = fitted().toJSON();
      expect(() => c.fromJSON({ ...json, type: `Not${json.type}` })).toThrow(DeserializationError);
    });

    it('a second fit forgets the first (fit A then B equals a fresh fit on B)', () => {
      const refitted = fitted().fit(second.X, second.y);
      expect(outputs(refitted, second.X).map(bits)).toEqual(
        outputs(fitted(second), second.X).map(bits),
      );
    });

    for (const bad of c.badOptions) {
      it(`fit rejects ${JSON.stringify(bad)} with InvalidParameterError`, () => {
        const model = c.make({ ...seeded(7), ...bad });
        expect(() => model.fit(data.X, data.y)).toThrow(InvalidParameterError);
      });
    }

    it('fit throws ShapeMismatchError when X and y have different row counts', () => {
      expect(() => c.make(seeded(7)).fit(data.X, data.y.subarray(1))).toThrow(ShapeMismatchError);
    });

    it('predict throws ShapeMismatchError on X with a different column count', () => {
      const model = fitted();
      const wide = withExtraColumn(data.X);
      expect(() => model.predict(wide)).toThrow(ShapeMismatchError);
      if (isClassifier(model)) expect(() => model.predictProba(wide)).toThrow(ShapeMismatchError);
    });

    it('fit throws DataValidationError naming the row when y holds NaN', () => {
      const y = data.y.slice();
      y[17] = Number.NaN;
      expect(() => c.make(seeded(7)).fit(data.X, y)).toThrow(DataValidationError);
      expect(() => c.make(seeded(7)).fit(data.X, y)).toThrow(/\b17\b/);
    });

    if (c.sparse === true) {
      const sparseX = toCsr(data.X);

      it('predicts the same on a CSR copy of X as on the dense X', () => {
        const model = fitted();
        expect(outputs(model, sparseX).map(bits)).toEqual(outputs(model, data.X).map(bits));
      });

      it('fits on a CSR copy of X to predictions close to the dense fit', () => {
        const dense = outputs(fitted(), data.X);
        const sparse = outputs(c.make(seeded(7)).fit(sparseX, data.y), sparseX);
        for (let a = 0; a < dense.length; a++) {
          for (let i = 0; i < dense[a].length; i++) {
            expect(Math.abs(sparse[a][i] - dense[a][i])).toBeLessThanOrEqual(
              1e-8 * (1 + Math.abs(dense[a][i])),
            );
          }
        }
      });

      it('checks shapes on CSR input too', () => {
        expect(() => c.make(seeded(7)).fit(sparseX, data.y.subarray(1))).toThrow(
          ShapeMismatchError,
        );
        expect(() => fitted().predict(toCsr(withExtraColumn(data.X)))).toThrow(ShapeMismatchError);
      });
    }
  });
}
