import { describe, expect, it } from 'vitest';
import { booleanColumn, categoricalFromStrings, numericColumn } from '../../src/data/column.js';
import type { SerializedObject } from '../../src/data/serializable.js';
import { DataValidationError, NotFittedError, SchemaMismatchError } from '../../src/errors.js';
import type { Estimator } from '../../src/learners/estimator.js';
import { DummyClassifier, DummyRegressor } from '../../src/learners/dummy/index.js';
import { LogisticRegression } from '../../src/learners/linear/index.js';
import { linearPreprocessor, treePreprocessor } from '../../src/features/preprocessors.js';
import { Pipeline } from '../../src/features/pipeline.js';
import { readCredit } from './credit-frame.js';
import { sampleFrame } from './sample-frame.js';

const frame = sampleFrame().withColumn(
  categoricalFromStrings(
    'label',
    Array.from({ length: 40 }, (_, i) => (i % 3 === 0 ? 'yes' : 'no')),
  ),
);
const features = ['income', 'active', 'city', 'plan', 'opened'];

function restoreLearner(json: SerializedObject): Estimator {
  if (json.type === 'DummyClassifier') return DummyClassifier.fromJSON(json);
  if (json.type === 'DummyRegressor') return DummyRegressor.fromJSON(json);
  return LogisticRegression.fromJSON(json);
}

describe('Pipeline', () => {
  it('predicts the string labels of a categorical target', () => {
    const pipeline = new Pipeline({
      preprocessor: linearPreprocessor(frame, features),
      learner: new DummyClassifier({ strategy: 'most_frequent' }),
    });
    pipeline.fit(frame, 'label');
    expect(pipeline.classes).toEqual(['no', 'yes']);
    expect(pipeline.predict(frame)).toEqual(Array.from({ length: 40 }, () => 'no'));
  });

  it('gives class probabilities labelled by class', () => {
    const pipeline = new Pipeline({
      preprocessor: treePreprocessor(frame, features),
      learner: new DummyClassifier({ strategy: 'prior' }),
    }).fit(frame, 'label');
    const { classes, proba } = pipeline.predictProba(frame);
    expect(classes).toEqual(['no', 'yes']);
    expect(proba.data[1]).toBeCloseTo(14 / 40, 12);
  });

  it('labels boolean and numeric targets as strings', () => {
    const withTargets = frame
      .withColumn(
        booleanColumn(
          'ok',
          Array.from({ length: 40 }, (_, i) => i % 2),
        ),
      )
      .withColumn(
        numericColumn(
          'grade',
          Array.from({ length: 40 }, (_, i) => (i % 3) * 5),
        ),
      );
    const make = () =>
      new Pipeline({
        preprocessor: treePreprocessor(frame, features),
        learner: new DummyClassifier(),
      });
    expect(make().fit(withTargets.drop(['grade', 'label']), 'ok').classes).toEqual([
      'false',
      'true',
    ]);
    expect(make().fit(withTargets.drop(['ok', 'label']), 'grade').classes).toEqual([
      '0',
      '5',
      '10',
    ]);
  });

  it('predicts numbers for a regressor and needs a numeric target', () => {
    const pipeline = new Pipeline({
      preprocessor: treePreprocessor(frame, ['city', 'plan']),
      learner: new DummyRegressor({ strategy: 'mean' }),
    });
    const target = frame.drop(['label']).withColumn(
      numericColumn(
        'y',
        Array.from({ length: 40 }, (_, i) => i),
      ),
    );
    const predicted = pipeline.fit(target.drop(['income']), 'y').predict(target);
    expect(predicted).toBeInstanceOf(Float64Array);
    expect((predicted as Float64Array)[0]).toBeCloseTo(19.5, 12);
    expect(() => pipeline.fit(frame, 'label')).toThrow(DataValidationError);
  });

  it('names the rows where the target is missing', () => {
    const missing = frame.withColumn(
      categoricalFromStrings(
        'label',
        Array.from({ length: 40 }, (_, i) => (i === 3 || i === 8 ? null : 'a')),
      ),
    );
    const pipeline = new Pipeline({
      preprocessor: treePreprocessor(frame, features),
      learner: new DummyClassifier(),
    });
    expect(() => pipeline.fit(missing, 'label')).toThrow(/3, 8/);
  });

  it('lists every signature problem at once and ignores extra columns', () => {
    const pipeline = new Pipeline({
      preprocessor: treePreprocessor(frame, features),
      learner: new DummyClassifier(),
    }).fit(frame, 'label');
    const broken = frame
      .drop(['plan', 'label'])
      .withColumn(numericColumn('city', new Float64Array(40)))
      .withColumn(numericColumn('extra', new Float64Array(40)));
    try {
      pipeline.predict(broken);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(SchemaMismatchError);
      expect((error as SchemaMismatchError).problems).toHaveLength(2);
    }
    expect(
      pipeline.predict(frame.withColumn(numericColumn('extra', new Float64Array(40)))),
    ).toHaveLength(40);
  });

  it('records names, kinds, training levels and nullability in its signature', () => {
    const pipeline = new Pipeline({
      preprocessor: treePreprocessor(frame, features),
      learner: new DummyClassifier(),
    }).fit(frame, 'label');
    const city = pipeline.signature.find((c) => c.name === 'city');
    expect(city).toEqual({
      name: 'city',
      kind: 'categorical',
      nullable: true,
      levels: ['brest', 'lille', 'lyon', 'nice', 'paris'],
    });
    expect(pipeline.signature.find((c) => c.name === 'plan')?.nullable).toBe(false);
    expect(pipeline.signature.map((c) => c.name)).not.toContain('label');
  });

  it('asks only for the columns its preprocessor reads', () => {
    const pipeline = new Pipeline({
      preprocessor: treePreprocessor(frame, ['city', 'income']),
      learner: new DummyClassifier({ strategy: 'prior' }),
    }).fit(frame, 'label');
    expect(pipeline.signature.map((c) => c.name)).toEqual(['income', 'city']);
    const narrow = frame.select(['city', 'income']);
    expect(pipeline.predictProba(narrow).proba.data).toEqual(
      pipeline.predictProba(frame).proba.data,
    );
  });

  it('throws NotFittedError before fit', () => {
    const pipeline = new Pipeline({
      preprocessor: treePreprocessor(frame, features),
      learner: new DummyClassifier(),
    });
    expect(() => pipeline.predict(frame)).toThrow(NotFittedError);
  });

  it('predicts identically after toJSON, structuredClone and fromJSON', () => {
    const credit = readCredit();
    const creditFeatures = credit.featureNames.filter((n) => n !== 'Status');
    const pipeline = new Pipeline({
      preprocessor: linearPreprocessor(credit, creditFeatures),
      learner: new LogisticRegression(),
    }).fit(credit, 'Status');
    const restored = Pipeline.fromJSON(structuredClone(pipeline.toJSON()), restoreLearner);
    expect(restored.predict(credit)).toEqual(pipeline.predict(credit));
    expect(restored.predictProba(credit).proba.data).toEqual(
      pipeline.predictProba(credit).proba.data,
    );
    expect(restored.signature).toEqual(pipeline.signature);
  });

  it('beats the prior with logistic regression on credit.csv', () => {
    const credit = readCredit();
    const creditFeatures = credit.featureNames.filter((n) => n !== 'Status');
    const pipeline = new Pipeline({
      preprocessor: linearPreprocessor(credit, creditFeatures),
      learner: new LogisticRegression(),
    }).fit(credit, 'Status');
    const predicted = pipeline.predict(credit);
    const status = credit.column('Status');
    if (status.kind !== 'categorical') throw new Error('expected categorical');
    let correct = 0;
    for (let i = 0; i < credit.rows; i++)
      if (predicted[i] === status.levels[status.codes[i]]) correct++;
    let good = 0;
    for (let i = 0; i < credit.rows; i++) if (status.levels[status.codes[i]] === 'good') good++;
    expect(correct / credit.rows).toBeGreaterThan(good / credit.rows + 0.05);
  });

  it('passes sample weights to the learner', () => {
    const weights = Float64Array.from({ length: 40 }, (_, i) => (i % 3 === 0 ? 10 : 1));
    const pipeline = new Pipeline({
      preprocessor: treePreprocessor(frame, features),
      learner: new DummyClassifier({ strategy: 'most_frequent' }),
    });
    expect(pipeline.fit(frame, 'label', { sampleWeight: weights }).predict(frame)[0]).toBe('yes');
  });
});
