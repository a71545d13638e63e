import { describe, expect, it } from 'vitest';
import { Rng } from '../../src/data/rng.js';
import { ShapeMismatchError } from '../../src/errors.js';
import {
  accuracyScore,
  balancedAccuracyScore,
  confusionMatrix,
  recallScore,
} from '../../src/metrics/index.js';

const rng = new Rng(3);
const n = 120;
const yTrue = Float64Array.from({ length: n }, () => [1, 4, 9][rng.nextInt(3)]);
const yPred = Float64Array.from(yTrue, (label) =>
  rng.next() < 0.7 ? label : [1, 4, 9][rng.nextInt(3)],
);

describe('confusionMatrix', () => {
  it('puts true labels on rows and predicted labels on columns, in sorted label order', () => {
    const { labels, counts } = confusionMatrix(yTrue, yPred);
    expect(Array.from(labels)).toEqual([1, 4, 9]);
    const trueFourPredictedNine = yTrue.filter((t, i) => t === 4 && yPred[i] === 9).length;
    expect(counts.data[1 * 3 + 2]).toBe(trueFourPredictedNine);
  });

  it('holds every row once and its diagonal holds the correct ones', () => {
    const { counts } = confusionMatrix(yTrue, yPred);
    expect(counts.data.reduce((a, b) => a + b, 0)).toBe(n);
    expect((counts.data[0] + counts.data[4] + counts.data[8]) / n).toBeCloseTo(
      accuracyScore(yTrue, yPred),
      14,
    );
  });

  it('skips rows whose labels are not among the given labels', () => {
    const { counts } = confusionMatrix(yTrue, yPred, { labels: Float64Array.of(1, 4) });
    const inside = yTrue.filter((t, i) => t !== 9 && yPred[i] !== 9).length;
    expect(counts.data.reduce((a, b) => a + b, 0)).toBe(inside);
  });

  it('throws ShapeMismatchError when truth and predictions differ in length', () => {
    expect(() => confusionMatrix(yTrue, yPred.subarray(1))).toThrow(ShapeMismatchError);
  });
});

describe('balancedAccuracyScore', () => {
  it('is the mean over true classes of the recall of each', () => {
    const recalls = [1, 4, 9].map((k) =>
      recallScore(
        yTrue.map((t) => +(t === k)),
        yPred.map((p) => +(p === k)),
      ),
    );
    expect(balancedAccuracyScore(yTrue, yPred)).toBeCloseTo(
      (recalls[0] + recalls[1] + recalls[2]) / 3,
      14,
    );
  });

  it('leaves out classes that are only predicted, never true', () => {
    const withStray = yPred.slice();
    withStray[0] = 77;
    const recalls = [1, 4, 9].map((k) =>
      recallScore(
        yTrue.map((t) => +(t === k)),
        withStray.map((p) => +(p === k)),
      ),
    );
    expect(balancedAccuracyScore(yTrue, withStray)).toBeCloseTo(
      (recalls[0] + recalls[1] + recalls[2]) / 3,
      14,
    );
  });
});
