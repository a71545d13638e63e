import { describe, expect, it } from 'vitest';
import { denseMatrix } from '../../../src/data/matrix.js';
import { DeserializationError, NotFittedError } from '../../../src/errors.js';
import { DummyClassifier } from '../../../src/learners/dummy/index.js';
import type { DummyClassifierStrategy } from '../../../src/learners/dummy/index.js';
import { describeEstimatorConformance } from '../conformance.js';
import { blobs } from '../synthetic.js';

for (const strategy of ['prior', 'most_frequent', 'stratified'] as DummyClassifierStrategy[]) {
  describeEstimatorConformance({
    name: `DummyClassifier (${strategy})`,
    task: 'classification',
    make: (options) => new DummyClassifier({ strategy, ...options }),
    fromJSON: (json) => DummyClassifier.fromJSON(json),
    badOptions: [{ strategy: 'constant' }, { seed: 1.5 }, { seed: Number.NaN }],
    seedOption: 'seed',
    sparse: true,
  });
}

const { X, y } = blobs({ rows: 300, cols: 2, classes: 3, seed: 5 });
const weights = Float64Array.from(y, (label, i) => (label === 2 ? 4 : 1 + (i % 2)));

function weightedFrequencies(labels: Float64Array, w: Float64Array): number[] {
  const totals = [0, 0, 0];
  labels.forEach((label, i) => (totals[label] += w[i]));
  const sum = totals.reduce((a, b) => a + b, 0);
  return totals.map((t) => t / sum);
}

describe('DummyClassifier', () => {
  it('prior strategy returns the weighted class frequencies for every row', () => {
    const model = new DummyClassifier({ strategy: 'prior' }).fit(X, y, { sampleWeight: weights });
    const expected = weightedFrequencies(y, weights);
    const P = model.predictProba(X);
    for (let i = 0; i < P.rows; i += 37) {
      for (let k = 0; k < 3; k++) expect(P.data[i * 3 + k]).toBeCloseTo(expected[k], 14);
    }
  });

  it('most_frequent strategy predicts the class of largest total weight', () => {
    const model = new DummyClassifier({ strategy: 'most_frequent' }).fit(X, y, {
      sampleWeight: weights,
    });
    const frequencies = weightedFrequencies(y, weights);
    const heaviest = frequencies.indexOf(Math.max(...frequencies));
    expect(new Set(model.predict(X))).toEqual(new Set([heaviest]));
    expect(model.predictProba(X).data[heaviest]).toBe(1);
  });

  it('breaks a tie in class frequency towards the smallest label, like numpy argmax', () => {
    const balanced = Float64Array.from({ length: 6 }, (_, i) => [5, 2, 9][i % 3]);
    const model = new DummyClassifier({ strategy: 'most_frequent' }).fit(
      denseMatrix(6, 1),
      balanced,
    );
    expect(model.predict(denseMatrix(2, 1))[0]).toBe(Math.min(...balanced));
  });

  it('uniform strategy gives probability 1/K and draws every class', () => {
    const model = new DummyClassifier({ strategy: 'uniform', seed: 3 }).fit(X, y);
    expect(model.predictProba(X).data.every((p) => p === 1 / 3)).toBe(true);
    expect(new Set(model.predict(X)).size).toBe(3);
  });

  it('uniform strategy repeats its draws for a seed and changes them with the seed', () => {
    const first = new DummyClassifier({ strategy: 'uniform', seed: 3 }).fit(X, y).predict(X);
    const again = new DummyClassifier({ strategy: 'uniform', seed: 3 }).fit(X, y).predict(X);
    const other = new DummyClassifier({ strategy: 'uniform', seed: 4 }).fit(X, y).predict(X);
    expect(again).toEqual(first);
    expect(other).not.toEqual(first);
  });

  it('stratified strategy draws classes in proportion to their weight', () => {
    const model = new DummyClassifier({ strategy: 'stratified', seed: 1 }).fit(X, y, {
      sampleWeight: weights,
    });
    const many = model.predict(denseMatrix(6000, 2));
    const drawn = weightedFrequencies(many, new Float64Array(many.length).fill(1));
    weightedFrequencies(y, weights).forEach((p, k) =>
      expect(Math.abs(drawn[k] - p)).toBeLessThan(0.03),
    );
  });

  it('classes before fit throws NotFittedError', () => {
    expect(() => new DummyClassifier().classes).toThrow(NotFittedError);
  });

  it('fromJSON rejects state whose priors do not match the classes', () => {
    const json = new DummyClassifier().fit(X, y).toJSON();
    const state = { ...(json.state as object), classPrior: new Float64Array(2) };
    expect(() => DummyClassifier.fromJSON({ ...json, state })).toThrow(DeserializationError);
  });

  it('fromJSON rejects an unknown strategy', () => {
    const json = new DummyClassifier().toJSON();
    expect(() =>
      DummyClassifier.fromJSON({ ...json, params: { strategy: 'mode', seed: 0 } }),
    ).toThrow(DeserializationError);
  });
});
