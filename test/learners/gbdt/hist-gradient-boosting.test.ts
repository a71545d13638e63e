import { describe, expect, it } from 'vitest';
import { denseMatrix } from '../../../src/data/matrix.js';
import { Rng } from '../../../src/data/rng.js';
import {
  DataValidationError,
  DeserializationError,
  InvalidParameterError,
} from '../../../src/errors.js';
import {
  HistGradientBoostingClassifier,
  HistGradientBoostingRegressor,
} from '../../../src/learners/gbdt/index.js';
import { describeEstimatorConformance } from '../conformance.js';
import { blobs, linearRegressionData } from '../synthetic.js';

const badOptions = [
  { nEstimators: 0 },
  { learningRate: 0 },
  { maxDepth: 0 },
  { maxLeaves: 1 },
  { minChildWeight: -1 },
  { minSamplesLeaf: 0 },
  { lambdaL2: -1 },
  { alphaL1: -1 },
  { maxBins: 256 },
  { threads: -1 },
  { threads: 1.5 },
  { subsample: 0 },
  { colsampleByTree: 1.5 },
  { earlyStoppingRounds: 0 },
  { validationFraction: 1 },
  { seed: -1 },
  { loss: 'hinge' },
];

describeEstimatorConformance({
  name: 'HistGradientBoostingClassifier',
  task: 'classification',
  make: (o) =>
    new HistGradientBoostingClassifier({
      nEstimators: 15,
      subsample: 0.8,
      colsampleByTree: 0.8,
      ...o,
    }),
  fromJSON: (json) => HistGradientBoostingClassifier.fromJSON(json),
  badOptions,
  seedOption: 'seed',
  sparse: true,
});

describeEstimatorConformance({
  name: 'HistGradientBoostingRegressor',
  task: 'regression',
  make: (o) => new HistGradientBoostingRegressor({ nEstimators: 15, subsample: 0.8, ...o }),
  fromJSON: (json) => HistGradientBoostingRegressor.fromJSON(json),
  badOptions,
  seedOption: 'seed',
  sparse: true,
});

const three = blobs({ rows: 300, cols: 4, classes: 3, seed: 5 });
const regression = linearRegressionData({ rows: 300, cols: 4, seed: 6 });

function bits(values: Float64Array): number[] {
  return Array.from(values);
}

describe('predicting at a number of rounds', () => {
  it('a classifier scored at rounds k equals one trained for k rounds', () => {
    const options = { subsample: 0.7, colsampleByTree: 0.75, seed: 3 };
    const long = new HistGradientBoostingClassifier({ ...options, nEstimators: 30 }).fit(
      three.X,
      three.y,
    );
    const short = new HistGradientBoostingClassifier({ ...options, nEstimators: 12 }).fit(
      three.X,
      three.y,
    );
    expect(bits(long.predictProba(three.X, { rounds: 12 }).data)).toEqual(
      bits(short.predictProba(three.X).data),
    );
  });

  it('a regressor scored at rounds k equals one trained for k rounds', () => {
    const long = new HistGradientBoostingRegressor({ nEstimators: 25 }).fit(
      regression.X,
      regression.y,
    );
    const short = new HistGradientBoostingRegressor({ nEstimators: 10 }).fit(
      regression.X,
      regression.y,
    );
    expect(bits(long.predict(regression.X, { rounds: 10 }))).toEqual(
      bits(short.predict(regression.X)),
    );
  });

  it('rejects more rounds than were fitted', () => {
    const model = new HistGradientBoostingRegressor({ nEstimators: 5 }).fit(
      regression.X,
      regression.y,
    );
    expect(() => model.predict(regression.X, { rounds: 6 })).toThrow(InvalidParameterError);
  });

  it('the single-row path gives the batch prediction', () => {
    const model = new HistGradientBoostingClassifier({ nEstimators: 10 }).fit(three.X, three.y);
    const batch = model.predict(three.X);
    for (let i = 0; i < 20; i++) {
      expect(model.predictRow(three.X.data.subarray(i * 4, i * 4 + 4))).toBe(batch[i]);
    }
  });
});

describe('watching rounds during a fit (evalSet, onRound)', () => {
  /** Softmax of each row of raw scores, as predictProba computes it for three classes. */
  const softmaxRows = (raw: Float64Array, k: number) =>
    Array.from({ length: raw.length / k }, (_, i) => {
      const row = raw.subarray(i * k, i * k + k);
      const top = Math.max(...row);
      const e = Array.from(row, (v) => Math.exp(v - top));
      const sum = e.reduce((a, b) => a + b, 0);
      return e.map((v) => v / sum);
    });

  it('hands onRound the eval set scores of every round, equal to predicting at that round', () => {
    const evalRows = denseMatrix(40, 4, three.X.data.slice(0, 4 * 40));
    const seen: { round: number; scores: Float64Array }[] = [];
    const model = new HistGradientBoostingClassifier({ nEstimators: 15, seed: 2 }).fit(
      three.X,
      three.y,
      {
        evalSet: evalRows,
        onRound: ({ round, evalScores, outputs }) => {
          expect(outputs).toBe(3);
          seen.push({ round, scores: (evalScores as Float64Array).slice() });
        },
      },
    );
    expect(seen.map((s) => s.round)).toEqual(Array.from({ length: 15 }, (_, i) => i + 1));
    for (const { round, scores } of [seen[0], seen[6], seen[14]]) {
      const proba = model.predictProba(evalRows, { rounds: round });
      const expected = softmaxRows(scores, 3).flat();
      for (let i = 0; i < expected.length; i++) expect(proba.data[i]).toBeCloseTo(expected[i], 12);
    }
  });

  it("stops where onRound says 'stop', keeping the rounds done", () => {
    const model = new HistGradientBoostingRegressor({ nEstimators: 50 }).fit(
      regression.X,
      regression.y,
      {
        onRound: ({ round, evalScores }) =>
          evalScores === null && round === 7 ? 'stop' : undefined,
      },
    );
    expect(model.bestIteration).toBe(7);
    const seven = new HistGradientBoostingRegressor({ nEstimators: 7 }).fit(
      regression.X,
      regression.y,
    );
    expect(bits(model.predict(regression.X))).toEqual(bits(seven.predict(regression.X)));
    expect(() => model.predict(regression.X, { rounds: 8 })).toThrow(InvalidParameterError);
  });

  it('refuses an eval set with other columns than X', () => {
    const model = new HistGradientBoostingClassifier({ nEstimators: 3 });
    expect(() => model.fit(three.X, three.y, { evalSet: denseMatrix(2, 3) })).toThrow(/3/);
  });
});

describe('missing values and categories', () => {
  /** x in [0, 1); class 1 when x > 0.5 or x is missing (or, flipped, class 0 when missing). */
  function missingData(missingClass: number) {
    const rng = new Rng(12);
    const rows = 200;
    const X = new Float64Array(rows);
    const y = new Float64Array(rows);
    for (let i = 0; i < rows; i++) {
      if (i % 5 === 0) {
        X[i] = Number.NaN;
        y[i] = missingClass;
      } else {
        X[i] = rng.next();
        y[i] = X[i] > 0.5 ? 1 : 0;
      }
    }
    return { X: denseMatrix(rows, 1, X), y };
  }

  for (const missingClass of [0, 1]) {
    it(`missing values follow the direction learned from training rows (class ${missingClass})`, () => {
      const { X, y } = missingData(missingClass);
      const model = new HistGradientBoostingClassifier({ nEstimators: 5, maxDepth: 1 }).fit(X, y);
      expect(model.predict(denseMatrix(1, 1, Float64Array.of(Number.NaN)))[0]).toBe(missingClass);
    });
  }

  it('a categorical feature whose categories {2, 5} carry the class is separated in one node', () => {
    const rows = 160;
    const X = Float64Array.from({ length: rows }, (_, i) => i % 8);
    const y = X.map((code) => (code === 2 || code === 5 ? 1 : 0));
    const model = new HistGradientBoostingClassifier({
      nEstimators: 1,
      maxDepth: 1,
      learningRate: 1,
    }).fit(denseMatrix(rows, 1, X), y, { categoricalFeatures: [0] });
    expect(bits(model.predict(denseMatrix(rows, 1, X)))).toEqual(bits(y));
    expect(bits(model.featureImportances('split'))).toEqual([1]);
  });

  it('rejects categorical feature indices outside X', () => {
    const model = new HistGradientBoostingClassifier({ nEstimators: 2 });
    expect(() => model.fit(three.X, three.y, { categoricalFeatures: [9] })).toThrow(
      InvalidParameterError,
    );
  });
});

describe('fitting details', () => {
  it('early stopping keeps the rounds of best validation loss and predicts with them', () => {
    const noisy = linearRegressionData({ rows: 300, cols: 4, seed: 8 });
    const y = noisy.y.map((v, i) => v + 6 * Math.sin(i * 12.9898));
    const model = new HistGradientBoostingRegressor({
      nEstimators: 300,
      learningRate: 0.3,
      earlyStoppingRounds: 5,
    }).fit(noisy.X, y);
    expect(model.bestIteration).toBeGreaterThan(0);
    expect(model.bestIteration).toBeLessThan(300);
    expect(bits(model.predict(noisy.X))).toEqual(
      bits(model.predict(noisy.X, { rounds: model.bestIteration })),
    );
  });

  it('gain importance ranks the only informative feature first', () => {
    const rng = new Rng(4);
    const rows = 300;
    const X = Float64Array.from({ length: rows * 3 }, () => rng.next());
    const y = Float64Array.from({ length: rows }, (_, i) => (X[i * 3 + 1] > 0.4 ? 1 : 0));
    const model = new HistGradientBoostingClassifier({ nEstimators: 10 }).fit(
      denseMatrix(rows, 3, X),
      y,
    );
    const gain = model.featureImportances('gain');
    expect(gain[1]).toBeGreaterThan(10 * Math.max(gain[0], gain[2]));
    expect(model.featureImportances('split')[1]).toBeGreaterThan(0);
  });

  it('integer sample weights equal duplicated rows', () => {
    const rows = 120;
    const rng = new Rng(2);
    const X = Float64Array.from({ length: rows * 2 }, () => rng.nextInt(30));
    const y = Float64Array.from({ length: rows }, (_, i) => X[i * 2] + rng.normal());
    const weights = Float64Array.from({ length: rows }, (_, i) => (i % 3 === 0 ? 2 : 1));
    const duplicated: number[] = [];
    for (let i = 0; i < rows; i++) for (let c = 0; c < weights[i]; c++) duplicated.push(i);
    const XDup = Float64Array.from(duplicated.flatMap((i) => [X[i * 2], X[i * 2 + 1]]));
    const yDup = Float64Array.from(duplicated, (i) => y[i]);
    const weighted = new HistGradientBoostingRegressor({ nEstimators: 10 }).fit(
      denseMatrix(rows, 2, X),
      y,
      { sampleWeight: weights },
    );
    const copied = new HistGradientBoostingRegressor({ nEstimators: 10 }).fit(
      denseMatrix(duplicated.length, 2, XDup),
      yDup,
    );
    const a = weighted.predict(denseMatrix(rows, 2, X));
    const b = copied.predict(denseMatrix(rows, 2, X));
    for (let i = 0; i < rows; i++) expect(a[i]).toBeCloseTo(b[i], 9);
  });

  it('absolute-error and huber losses resist a few huge outliers better than squared error', () => {
    const y = regression.y.map((v, i) => (i % 25 === 0 ? v + 1000 : v));
    const clean = (pred: Float64Array): number => {
      let s = 0;
      for (let i = 0; i < pred.length; i++)
        if (i % 25 !== 0) s += Math.abs(pred[i] - regression.y[i]);
      return s;
    };
    const fitted = (loss: 'squaredError' | 'absoluteError' | 'huber') =>
      clean(
        new HistGradientBoostingRegressor({ nEstimators: 30, loss })
          .fit(regression.X, y)
          .predict(regression.X),
      );
    const squared = fitted('squaredError');
    expect(fitted('absoluteError')).toBeLessThan(squared);
    expect(fitted('huber')).toBeLessThan(squared);
  });
});

describe('bad input', () => {
  it('names the row and column of an infinite value', () => {
    const X = three.X.data.slice();
    X[7 * 4 + 2] = Infinity;
    const model = new HistGradientBoostingClassifier({ nEstimators: 2 });
    expect(() => model.fit(denseMatrix(300, 4, X), three.y)).toThrow(DataValidationError);
    expect(() => model.fit(denseMatrix(300, 4, X), three.y)).toThrow(/row 7, column 2/);
  });

  it('fits with an all-missing column and a constant column, never splitting on them', () => {
    const X = three.X.data.slice();
    for (let i = 0; i < 300; i++) {
      X[i * 4] = Number.NaN;
      X[i * 4 + 3] = 5;
    }
    const model = new HistGradientBoostingClassifier({ nEstimators: 5 }).fit(
      denseMatrix(300, 4, X),
      three.y,
    );
    const splits = model.featureImportances('split');
    expect(splits[0]).toBe(0);
    expect(splits[3]).toBe(0);
    expect(splits[1] + splits[2]).toBeGreaterThan(0);
  });

  it('fits with more bins than rows', () => {
    const X = denseMatrix(6, 1, Float64Array.of(1, 2, 3, 4, 5, 6));
    const y = Float64Array.of(0, 0, 0, 1, 1, 1);
    const model = new HistGradientBoostingClassifier({ nEstimators: 20, minChildWeight: 0 }).fit(
      X,
      y,
    );
    expect(bits(model.predict(X))).toEqual(bits(y));
  });

  it('rejects a target with a single class', () => {
    expect(() =>
      new HistGradientBoostingClassifier().fit(three.X, new Float64Array(300).fill(2)),
    ).toThrow(DataValidationError);
  });

  it('rejects negative and all-zero sample weights', () => {
    const model = new HistGradientBoostingRegressor({ nEstimators: 2 });
    const negative = new Float64Array(300).fill(1);
    negative[3] = -1;
    expect(() => model.fit(regression.X, regression.y, { sampleWeight: negative })).toThrow(
      DataValidationError,
    );
    expect(() =>
      model.fit(regression.X, regression.y, { sampleWeight: new Float64Array(300) }),
    ).toThrow(DataValidationError);
  });

  it('fromJSON rejects an ensemble whose child indices point outside it', () => {
    const json = new HistGradientBoostingRegressor({ nEstimators: 2 })
      .fit(regression.X, regression.y)
      .toJSON();
    const state = json.state as { ensemble: { left: Int32Array } };
    const left = state.ensemble.left.slice();
    left[0] = 1_000_000;
    const broken = { ...json, state: { ...state, ensemble: { ...state.ensemble, left } } };
    expect(() => HistGradientBoostingRegressor.fromJSON(broken)).toThrow(DeserializationError);
  });
});
