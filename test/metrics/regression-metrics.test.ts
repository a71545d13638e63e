import { describe, expect, it } from 'vitest';
import { Rng } from '../../src/data/rng.js';
import {
  meanAbsoluteError,
  meanAbsolutePercentageError,
  r2Score,
  rootMeanSquaredError,
} from '../../src/metrics/index.js';

const rng = new Rng(8);
const yTrue = Float64Array.from({ length: 80 }, () => 5 + rng.normal());
const yPred = Float64Array.from(yTrue, (y) => y + 0.3 * rng.normal());
const mean = yTrue.reduce((a, b) => a + b, 0) / yTrue.length;

describe('regression metrics', () => {
  it('r2 of always predicting the mean of y is zero', () => {
    expect(r2Score(yTrue, new Float64Array(yTrue.length).fill(mean))).toBeCloseTo(0, 14);
  });

  it('r2 of a constant target is 1 when predicted exactly and 0 otherwise, never NaN', () => {
    const constant = new Float64Array(10).fill(2);
    expect(r2Score(constant, constant)).toBe(1);
    expect(
      r2Score(
        constant,
        constant.map((v, i) => v + i),
      ),
    ).toBe(0);
  });

  it('rmse is the square root of the mean squared error and never below mae', () => {
    const mse = yTrue.reduce((s, y, i) => s + (y - yPred[i]) ** 2, 0) / yTrue.length;
    expect(rootMeanSquaredError(yTrue, yPred)).toBeCloseTo(Math.sqrt(mse), 14);
    expect(rootMeanSquaredError(yTrue, yPred)).toBeGreaterThanOrEqual(
      meanAbsoluteError(yTrue, yPred),
    );
  });

  it('integer sample weights act like repeated rows', () => {
    const counts = Float64Array.from(yTrue, (_, i) => 1 + (i % 3));
    const repeatedTrue = Float64Array.from(
      Array.from(yTrue).flatMap((y, i) => Array<number>(counts[i]).fill(y)),
    );
    const repeatedPred = Float64Array.from(
      Array.from(yPred).flatMap((y, i) => Array<number>(counts[i]).fill(y)),
    );
    for (const metric of [
      rootMeanSquaredError,
      meanAbsoluteError,
      r2Score,
      meanAbsolutePercentageError,
    ]) {
      expect(metric(yTrue, yPred, counts)).toBeCloseTo(metric(repeatedTrue, repeatedPred), 12);
    }
  });

  it('mape floors the denominator at machine epsilon so a zero target stays finite', () => {
    const value = meanAbsolutePercentageError(Float64Array.of(0), Float64Array.of(1));
    expect(value).toBe(1 / Number.EPSILON);
  });
});
