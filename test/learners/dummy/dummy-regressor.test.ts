import { describe, expect, it } from 'vitest';
import { denseMatrix } from '../../../src/data/matrix.js';
import { Rng } from '../../../src/data/rng.js';
import { DeserializationError } from '../../../src/errors.js';
import { DummyRegressor } from '../../../src/learners/dummy/index.js';
import type { DummyRegressorOptions } from '../../../src/learners/dummy/index.js';
import { describeEstimatorConformance } from '../conformance.js';

const cases: [string, DummyRegressorOptions][] = [
  ['mean', { strategy: 'mean' }],
  ['median', { strategy: 'median' }],
  ['quantile 0.3', { strategy: 'quantile', quantile: 0.3 }],
  ['constant', { strategy: 'constant', constant: 2.5 }],
];
for (const [name, defaults] of cases) {
  describeEstimatorConformance({
    name: `DummyRegressor (${name})`,
    task: 'regression',
    make: (options) => new DummyRegressor({ ...defaults, ...options }),
    fromJSON: (json) => DummyRegressor.fromJSON(json),
    badOptions: [
      { strategy: 'mode' },
      { strategy: 'quantile', quantile: 1.5 },
      { strategy: 'quantile', quantile: null },
      { strategy: 'constant', constant: null },
      { strategy: 'constant', constant: Number.POSITIVE_INFINITY },
    ],
    sparse: true,
  });
}

const rng = new Rng(9);
const n = 101;
const y = rng.shuffle(Float64Array.from({ length: n }, (_, i) => i));
const X = denseMatrix(n, 1);
const fitValue = (options: DummyRegressorOptions, sampleWeight?: Float64Array): number =>
  new DummyRegressor(options).fit(X, y, { sampleWeight }).value;

/** The value at position ceil(q · total) of y repeated w times: sklearn's weighted percentile. */
function repeatedLowerQuantile(values: Float64Array, counts: Float64Array, q: number): number {
  const expanded: number[] = [];
  values.forEach((v, i) => expanded.push(...Array<number>(counts[i]).fill(v)));
  expanded.sort((a, b) => a - b);
  return expanded[Math.max(0, Math.ceil(q * expanded.length) - 1)];
}

describe('DummyRegressor', () => {
  it('mean strategy predicts the weighted mean of y', () => {
    const weights = Float64Array.from(y, (_, i) => 1 + (i % 4));
    const expected =
      y.reduce((s, v, i) => s + v * weights[i], 0) / weights.reduce((s, w) => s + w, 0);
    expect(fitValue({ strategy: 'mean' }, weights)).toBeCloseTo(expected, 12);
  });

  it('median strategy averages the two middle values when n is even', () => {
    const even = y.subarray(1);
    const sorted = even.slice().sort();
    const model = new DummyRegressor({ strategy: 'median' }).fit(denseMatrix(n - 1, 1), even);
    expect(model.value).toBe((sorted[49] + sorted[50]) / 2);
  });

  it('quantile strategy interpolates linearly between order statistics without weights', () => {
    const q = 0.374;
    const position = q * (n - 1);
    expect(fitValue({ strategy: 'quantile', quantile: q })).toBeCloseTo(position, 10);
  });

  it('quantile 0 and 1 give the minimum and maximum', () => {
    expect(fitValue({ strategy: 'quantile', quantile: 0 })).toBe(Math.min(...y));
    expect(fitValue({ strategy: 'quantile', quantile: 1 })).toBe(Math.max(...y));
  });

  it('weighted quantiles take the first value whose cumulative weight reaches q of the total', () => {
    const counts = Float64Array.from(y, (_, i) => (i * 7) % 5);
    for (const q of [0.1, 0.5, 0.77]) {
      expect(fitValue({ strategy: 'quantile', quantile: q }, counts)).toBe(
        repeatedLowerQuantile(y, counts, q),
      );
    }
    expect(fitValue({ strategy: 'median' }, counts)).toBe(repeatedLowerQuantile(y, counts, 0.5));
  });

  it('weighted quantile 0 skips leading rows of zero weight', () => {
    const weights = Float64Array.from(y, (v) => (v < 10 ? 0 : 1));
    expect(fitValue({ strategy: 'quantile', quantile: 0 }, weights)).toBe(10);
  });

  it('constant strategy predicts the constant whatever y is', () => {
    const model = new DummyRegressor({ strategy: 'constant', constant: -4.25 }).fit(X, y);
    expect(new Set(model.predict(denseMatrix(5, 1)))).toEqual(new Set([-4.25]));
  });

  it('fromJSON rejects a non-finite fitted value', () => {
    const json = new DummyRegressor().fit(X, y).toJSON();
    const state = { ...(json.state as object), value: 'NaN' };
    expect(() => DummyRegressor.fromJSON({ ...json, state })).toThrow(DeserializationError);
  });
});
