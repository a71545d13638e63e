import { describe, expect, it } from 'vitest';
import { Rng } from '../../src/data/rng.js';
import { DataValidationError, InvalidParameterError } from '../../src/errors.js';
import {
  accuracyScore,
  f1Score,
  precisionRecallF1,
  precisionScore,
  recallScore,
} from '../../src/metrics/index.js';

const rng = new Rng(17);
const n = 300;
const yTrue = Float64Array.from({ length: n }, () => rng.nextInt(4));
const yPred = Float64Array.from(yTrue, (label) => (rng.next() < 0.6 ? label : rng.nextInt(4)));

describe('precision, recall and F1', () => {
  it('micro-averaged precision and recall equal accuracy for single-label multiclass data', () => {
    const micro = precisionRecallF1(yTrue, yPred, { average: 'micro' });
    const accuracy = accuracyScore(yTrue, yPred);
    expect(micro.precision).toBeCloseTo(accuracy, 14);
    expect(micro.recall).toBeCloseTo(accuracy, 14);
  });

  it('macro averages are the mean of the one-vs-rest binary scores', () => {
    const perClass = [0, 1, 2, 3].map((k) => {
      const t = yTrue.map((label) => (label === k ? 1 : 0));
      const p = yPred.map((label) => (label === k ? 1 : 0));
      return [precisionScore(t, p), recallScore(t, p), f1Score(t, p)];
    });
    const mean = (j: number): number => perClass.reduce((s, row) => s + row[j], 0) / 4;
    const macro = precisionRecallF1(yTrue, yPred, { average: 'macro' });
    expect(macro.precision).toBeCloseTo(mean(0), 14);
    expect(macro.recall).toBeCloseTo(mean(1), 14);
    expect(macro.f1).toBeCloseTo(mean(2), 14);
  });

  it('F1 is the harmonic mean of binary precision and recall', () => {
    const t = yTrue.map((label) => (label < 2 ? 1 : 0));
    const p = yPred.map((label) => (label < 2 ? 1 : 0));
    const { precision, recall, f1 } = precisionRecallF1(t, p);
    expect(f1).toBeCloseTo((2 * precision * recall) / (precision + recall), 14);
  });

  it('scores a class never predicted with precision 0 rather than NaN', () => {
    const t = Float64Array.of(0, 1, 1, 0);
    expect(precisionScore(t, new Float64Array(4))).toBe(0);
  });

  it('binary averaging of a multiclass target throws DataValidationError', () => {
    expect(() => precisionScore(yTrue, yPred)).toThrow(DataValidationError);
  });

  it('a positive label absent from two present labels throws DataValidationError', () => {
    const t = Float64Array.of(3, 4, 3);
    expect(() => recallScore(t, t, { positiveLabel: 1 })).toThrow(DataValidationError);
  });

  it('an unknown average throws InvalidParameterError', () => {
    expect(() => f1Score(yTrue, yPred, { average: 'samples' as 'macro' })).toThrow(
      InvalidParameterError,
    );
  });
});
