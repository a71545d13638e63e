import { beforeAll, describe, expect, it } from 'vitest';
import { crossValidate, defaultMetrics, scorePipeline } from '../../src/automl/index.js';
import type { Frame } from '../../src/data/index.js';
import {
  categoricalFromStrings,
  Frame as FrameClass,
  numericColumn,
  readTable,
  stratifiedKFold,
} from '../../src/data/index.js';
import { DataValidationError } from '../../src/errors.js';
import { linearPreprocessor, Pipeline } from '../../src/features/index.js';
import { DummyClassifier, LogisticRegression } from '../../src/learners/index.js';
import { getMetric } from '../../src/metrics/index.js';

let credit: Frame;
const target = 'Status';
const make = () =>
  new Pipeline({
    preprocessor: linearPreprocessor(credit, credit.featureNames),
    learner: new LogisticRegression(),
  });

beforeAll(async () => {
  credit = await readTable('examples/data/credit.csv', { target });
});

describe('crossValidate', () => {
  it('scores each fold with a pipeline fitted on that fold’s training rows only', () => {
    const folds = stratifiedKFold(credit.column(target), { k: 3, seed: 4 });
    const cv = crossValidate(make, credit, target, { folds, metrics: ['roc_auc', 'accuracy'] });
    folds.forEach((fold, i) => {
      const manual = scorePipeline(
        make().fit(credit.take(fold.train), target),
        credit.take(fold.test),
        target,
        ['roc_auc', 'accuracy'],
      );
      expect(cv.folds[i].scores).toEqual(manual);
    });
  });

  it('reports the mean and the sample standard deviation over folds', () => {
    const folds = stratifiedKFold(credit.column(target), { k: 4, seed: 1 });
    const cv = crossValidate(make, credit, target, { folds, metrics: ['accuracy'] });
    const values = cv.folds.map((f) => f.scores.accuracy);
    const mean = values.reduce((a, b) => a + b) / values.length;
    expect(cv.mean.accuracy).toBeCloseTo(mean, 12);
    expect(cv.std.accuracy).toBeCloseTo(
      Math.sqrt(values.reduce((s, v) => s + (v - mean) ** 2, 0) / 3),
      12,
    );
  });

  it('calls onFold once per fold, in order', () => {
    const seen: number[] = [];
    const folds = stratifiedKFold(credit.column(target), { k: 3, seed: 2 });
    crossValidate(make, credit, target, {
      folds,
      metrics: ['accuracy'],
      onFold: (r, total) => seen.push(r.fold * 10 + total),
    });
    expect(seen).toEqual([3, 13, 23]);
  });
});

describe('scorePipeline', () => {
  it('a prior baseline has ROC AUC 0.5 and the majority-class accuracy', () => {
    const baseline = new Pipeline({
      preprocessor: linearPreprocessor(credit, credit.featureNames),
      learner: new DummyClassifier({ strategy: 'prior' }),
    }).fit(credit, target);
    const scores = scorePipeline(baseline, credit, target, ['roc_auc', 'accuracy']);
    const status = credit.column(target);
    if (status.kind !== 'categorical') throw new Error('Status should be categorical');
    const good = status.codes.filter((c) => status.levels[c] === 'good').length;
    expect(scores.roc_auc).toBe(0.5);
    expect(scores.accuracy).toBeCloseTo(good / credit.rows, 12);
  });

  it('a class the model never saw is an error naming the row and the class', () => {
    const train = new FrameClass(
      [numericColumn('x', [0, 1, 0, 1]), categoricalFromStrings('y', ['a', 'b', 'a', 'b'])],
      { roles: { y: 'target' } },
    );
    const test = new FrameClass(
      [numericColumn('x', [0, 1]), categoricalFromStrings('y', ['a', 'c'])],
      { roles: { y: 'target' }, source: 'new.csv' },
    );
    const pipeline = new Pipeline({
      preprocessor: linearPreprocessor(train, ['x']),
      learner: new LogisticRegression(),
    }).fit(train, 'y');
    expect(() => scorePipeline(pipeline, test, 'y', ['accuracy'])).toThrow(DataValidationError);
    expect(() => scorePipeline(pipeline, test, 'y', ['accuracy'])).toThrow(/new\.csv.*row 1.*"c"/);
  });

  it('default metrics put a metric the task can use first', () => {
    expect(getMetric(defaultMetrics('classification', 2)[0]).task).toBe('classification');
    expect(defaultMetrics('classification', 26)).toContain('f1_macro');
    expect(getMetric(defaultMetrics('regression', 0)[0]).direction).toBe('minimize');
  });
});
