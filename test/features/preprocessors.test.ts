import { describe, expect, it } from 'vitest';
import { categoricalFromStrings } from '../../src/data/column.js';
import type { Frame } from '../../src/data/frame.js';
import { toDense } from '../../src/data/matrix.js';
import { ColumnTransformer } from '../../src/features/column-transformer.js';
import { linearPreprocessor, treePreprocessor } from '../../src/features/preprocessors.js';
import { sampleFrame } from './sample-frame.js';

const frame = sampleFrame();
const features = ['income', 'active', 'city', 'plan', 'opened'];

function column(
  X: ReturnType<ReturnType<typeof linearPreprocessor>['transform']>,
  j: number,
): number[] {
  const dense = toDense(X);
  return Array.from({ length: dense.rows }, (_, i) => dense.data[i * dense.cols + j]);
}

describe('linearPreprocessor', () => {
  it('imputes, flags and standardises numbers, one-hots categories and expands dates', () => {
    const pre = linearPreprocessor(frame, features).fit(frame);
    const names = pre.featureNames;
    expect(names.slice(0, 3)).toEqual(['income', 'income__missing', 'active']);
    expect(names).toContain('city__paris');
    expect(names).toContain('opened__month');
    const X = pre.transform(frame);
    const income = column(X, 0);
    expect(income.every(Number.isFinite)).toBe(true);
    expect(income.reduce((s, v) => s + v, 0) / income.length).toBeCloseTo(0, 10);
    for (let j = 0; j < X.cols; j++) expect(column(X, j).every(Number.isFinite)).toBe(true);
  });

  it('pools rare levels and ignores levels it never saw', () => {
    const pre = linearPreprocessor(frame, features, { minFrequency: 2 }).fit(frame);
    expect(pre.featureNames).toContain('city__infrequent');
    expect(pre.featureNames).not.toContain('city__brest');
    const unseen = frame.withColumn(
      categoricalFromStrings(
        'city',
        Array.from({ length: frame.rows }, () => 'tokyo'),
      ),
    );
    expect(() => pre.transform(unseen)).not.toThrow();
  });

  it('uses only the feature columns it is given', () => {
    const pre = linearPreprocessor(frame, ['income']).fit(frame);
    expect(pre.featureNames).toEqual(['income', 'income__missing']);
  });
});

describe('treePreprocessor', () => {
  it('passes numbers through with NaN kept and codes categories as numbers', () => {
    const pre = treePreprocessor(frame, features).fit(frame);
    expect(pre.featureNames.slice(0, 4)).toEqual(['income', 'active', 'city', 'plan']);
    const X = pre.transform(frame);
    expect(X.kind).toBe('dense');
    expect(column(X, 0).some(Number.isNaN)).toBe(true);
    expect(new Set(column(X, 3))).toEqual(new Set([0, 1, 2]));
  });

  it('marks the coded category columns as categorical features, and nothing else', () => {
    const pre = treePreprocessor(frame, features).fit(frame);
    const categorical = pre.categoricalFeatures.map((j) => pre.featureNames[j]);
    expect(categorical).toEqual(['city', 'plan']);
    expect(linearPreprocessor(frame, features).fit(frame).categoricalFeatures).toEqual([]);
  });

  it('keeps the categorical feature indices through toJSON / fromJSON', () => {
    const pre = treePreprocessor(frame, features).fit(frame);
    const restored = ColumnTransformer.fromJSON(structuredClone(pre.toJSON()));
    expect(restored.categoricalFeatures).toEqual(pre.categoricalFeatures);
  });

  it('codes levels by string for frames read separately', () => {
    const pre = treePreprocessor(frame, ['plan']).fit(frame);
    const other: Frame = frame.withColumn(
      categoricalFromStrings(
        'plan',
        Array.from({ length: frame.rows }, (_, i) => (i % 2 === 0 ? 'team' : 'gold')),
      ),
    );
    const coded = column(pre.transform(other), 0);
    expect(coded[0]).toBe(2);
    expect(coded[1]).toBeNaN();
  });
});
