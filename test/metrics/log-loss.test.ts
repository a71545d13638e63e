import { describe, expect, it } from 'vitest';
import { denseMatrix } from '../../src/data/matrix.js';
import { DataValidationError } from '../../src/errors.js';
import { LOG_LOSS_EPSILON, logLoss } from '../../src/metrics/index.js';

const yTrue = Float64Array.of(0, 2, 1, 2);
const P = denseMatrix(
  4,
  3,
  Float64Array.of(0.7, 0.2, 0.1, 0.1, 0.3, 0.6, 0.25, 0.5, 0.25, 0.3, 0.3, 0.4),
);

describe('logLoss', () => {
  it('is the mean negative log probability of the true class', () => {
    const expected = -(Math.log(0.7) + Math.log(0.6) + Math.log(0.5) + Math.log(0.4)) / 4;
    expect(logLoss(yTrue, P)).toBeCloseTo(expected, 14);
  });

  it('clips a zero probability of the true class to epsilon instead of returning infinity', () => {
    const confidentlyWrong = denseMatrix(1, 2, Float64Array.of(1, 0));
    const clippedRowSum = 1 - LOG_LOSS_EPSILON + LOG_LOSS_EPSILON;
    expect(logLoss(Float64Array.of(1), confidentlyWrong, { classes: Float64Array.of(0, 1) })).toBe(
      -Math.log(LOG_LOSS_EPSILON / clippedRowSum),
    );
  });

  it('renormalises rows so a scaled row scores the same', () => {
    const scaled = denseMatrix(
      4,
      3,
      P.data.map((p) => p * 0.5),
    );
    expect(logLoss(yTrue, scaled)).toBeCloseTo(logLoss(yTrue, P), 14);
  });

  it('matches labels to columns through classes', () => {
    const classes = Float64Array.of(10, 20, 30);
    expect(
      logLoss(
        yTrue.map((k) => classes[k]),
        P,
        { classes },
      ),
    ).toBe(logLoss(yTrue, P));
  });

  it('throws DataValidationError for a label that has no column', () => {
    expect(() => logLoss(Float64Array.of(0, 1, 2, 3), P)).toThrow(DataValidationError);
  });
});
