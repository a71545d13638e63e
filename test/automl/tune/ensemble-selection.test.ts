import { describe, expect, it } from 'vitest';
import { selectEnsemble } from '../../../src/automl/tune/ensemble-selection.js';
import { getMetric } from '../../../src/metrics/index.js';

/** Regression predictions: each candidate is right on half the rows and off by ±1 elsewhere. */
const y = Float64Array.from([0, 0, 0, 0, 0, 0, 0, 0]);
const left = Float64Array.from([1, 1, 1, 1, 0, 0, 0, 0]);
const right = Float64Array.from([0, 0, 0, 0, -1, -1, -1, -1]);
const poor = Float64Array.from([2, 2, 2, 2, 2, 2, 2, 2]);

describe('selectEnsemble', () => {
  it('combines candidates whose errors cancel, and beats each of them', () => {
    const rmse = getMetric('rmse');
    const { weights, score } = selectEnsemble(
      [
        { id: 7, predictions: left },
        { id: 9, predictions: right },
        { id: 11, predictions: poor },
      ],
      y,
      rmse,
      0,
    );
    expect(weights.has(7) && weights.has(9)).toBe(true);
    expect([...weights.values()].reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
    // Left and right alone cancel to 0.5; a little of the biased one can cancel further.
    expect(score).toBeLessThanOrEqual(0.5);
    for (const single of [left, right, poor]) expect(score).toBeLessThan(rmse.compute(y, single));
  });

  it('keeps a single candidate when nothing improves on it', () => {
    const exact = new Float64Array(8);
    const { weights, score } = selectEnsemble(
      [
        { id: 1, predictions: exact },
        { id: 2, predictions: poor },
      ],
      y,
      getMetric('rmse'),
      0,
    );
    expect([...weights]).toEqual([[1, 1]]);
    expect(score).toBe(0);
  });

  it('weighs class probabilities for a maximised metric', () => {
    // Two classes, three rows, true classes 0, 1, 1.
    const labels = Float64Array.from([0, 1, 1]);
    const a = Float64Array.from([0.9, 0.1, 0.6, 0.4, 0.2, 0.8]);
    const b = Float64Array.from([0.4, 0.6, 0.1, 0.9, 0.3, 0.7]);
    const { weights, score } = selectEnsemble(
      [
        { id: 0, predictions: a },
        { id: 1, predictions: b },
      ],
      labels,
      getMetric('accuracy'),
      2,
    );
    expect(score).toBe(1);
    expect(weights.size).toBe(2);
  });
});
