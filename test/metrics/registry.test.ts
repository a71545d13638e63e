import { describe, expect, it } from 'vitest';
import { denseMatrix } from '../../src/data/matrix.js';
import {
  DataValidationError,
  InvalidParameterError,
  ShapeMismatchError,
} from '../../src/errors.js';
import { accuracyScore, getMetric, metricNames, rocAucScore } from '../../src/metrics/index.js';

describe('metric registry', () => {
  it('lists every metric once, each retrievable under its own name', () => {
    const names = metricNames();
    expect(new Set(names).size).toBe(names.length);
    for (const name of names) expect(getMetric(name).name).toBe(name);
  });

  it('says for every metric whether higher is better, its task and its input', () => {
    for (const name of metricNames()) {
      const metric = getMetric(name);
      expect(['maximize', 'minimize']).toContain(metric.direction);
      expect(['classification', 'regression']).toContain(metric.task);
      expect(['labels', 'probabilities', 'values']).toContain(metric.input);
      expect(metric.task === 'regression').toBe(metric.input === 'values');
    }
  });

  it('losses and errors are minimized, scores maximized', () => {
    for (const name of ['log_loss', 'brier_score', 'rmse', 'mae', 'mape'])
      expect(getMetric(name).direction).toBe('minimize');
    for (const name of ['accuracy', 'f1_macro', 'roc_auc', 'average_precision', 'r2']) {
      expect(getMetric(name).direction).toBe('maximize');
    }
  });

  it('an unknown name throws InvalidParameterError listing the known names', () => {
    expect(() => getMetric('auc')).toThrow(InvalidParameterError);
    expect(() => getMetric('auc')).toThrow(metricNames().join(', '));
  });

  it('computes through one calling convention the same value as the function', () => {
    const yTrue = Float64Array.of(0, 1, 1, 0, 1);
    const yPred = Float64Array.of(0, 1, 0, 0, 1);
    const P = denseMatrix(5, 2, Float64Array.of(0.8, 0.2, 0.3, 0.7, 0.6, 0.4, 0.9, 0.1, 0.2, 0.8));
    expect(getMetric('accuracy').compute(yTrue, yPred)).toBe(accuracyScore(yTrue, yPred));
    expect(getMetric('roc_auc').compute(yTrue, P)).toBe(rocAucScore(yTrue, P));
  });

  it('a label metric given a probability matrix throws DataValidationError', () => {
    const P = denseMatrix(2, 2, Float64Array.of(0.5, 0.5, 0.5, 0.5));
    expect(() => getMetric('accuracy').compute(Float64Array.of(0, 1), P)).toThrow(
      DataValidationError,
    );
    expect(() =>
      getMetric('log_loss').compute(Float64Array.of(0, 1), Float64Array.of(0.2, 0.3)),
    ).toThrow(DataValidationError);
  });

  it('rejects mismatched lengths with ShapeMismatchError and NaN with DataValidationError', () => {
    expect(() => getMetric('rmse').compute(Float64Array.of(1, 2), Float64Array.of(1))).toThrow(
      ShapeMismatchError,
    );
    expect(() =>
      getMetric('rmse').compute(Float64Array.of(1, 2), Float64Array.of(1, Number.NaN)),
    ).toThrow(DataValidationError);
  });
});
