import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { categoricalFromStrings } from '../../src/data/column.js';
import { Frame } from '../../src/data/frame.js';
import { toDense } from '../../src/data/matrix.js';
import { FeatureHasher } from '../../src/features/feature-hasher.js';
import { KBinsDiscretizer } from '../../src/features/kbins-discretizer.js';
import { murmurhash3 } from '../../src/features/murmurhash3.js';
import { OneHotEncoder } from '../../src/features/one-hot-encoder.js';
import { SimpleImputer } from '../../src/features/simple-imputer.js';
import { StandardScaler } from '../../src/features/standard-scaler.js';
import { readCredit } from './credit-frame.js';

type Num = number | 'NaN';
interface OneHotFixture {
  options: { min_frequency?: number; max_categories?: number };
  categories: string[][];
  infrequent: (string[] | null)[];
  featureNames: string[];
  columnSums: number[];
  firstRows: number[][];
}
const fixture = JSON.parse(
  readFileSync(new URL('../fixtures/features_credit.json', import.meta.url), 'utf8'),
) as {
  numeric: string[];
  completeNumeric: string[];
  categorical: string[];
  standardScaler: { mean: number[]; scale: number[] };
  imputerMedian: number[];
  imputerMostFrequent: string[];
  kbins_quantile: { edges: number[][]; firstRows: number[][] };
  kbins_uniform: { edges: number[][]; firstRows: number[][] };
  oneHot: Record<string, OneHotFixture>;
  murmurhash3: { inputs: string[]; hashes: number[] };
  featureHasher: { nFeatures: number; rows: Num[][] };
};
const credit = readCredit();
const values = (frame: Frame, name: string) =>
  (frame.column(name) as { values: Float64Array }).values;
/** scikit-learn names the missing category nan and the pooled column infrequent_sklearn. */
const sklearnName = (name: string) =>
  name
    .replace(/__missing$/, '_nan')
    .replace(/__infrequent$/, '_infrequent_sklearn')
    .replace('__', '_');

describe('features against scikit-learn 1.2 on credit.csv', () => {
  it('StandardScaler learns the same means and scales', () => {
    const stats = new StandardScaler({ columns: fixture.numeric }).fit(credit).statistics;
    fixture.numeric.forEach((_, j) => {
      expect(stats.mean[j]).toBeCloseTo(fixture.standardScaler.mean[j], 9);
      expect(stats.scale[j] / fixture.standardScaler.scale[j]).toBeCloseTo(1, 12);
    });
  });

  it('SimpleImputer learns the same medians', () => {
    const out = new SimpleImputer({ strategy: 'median', columns: fixture.numeric })
      .fit(credit)
      .transform(credit);
    fixture.numeric.forEach((name, j) => {
      const original = values(credit, name);
      const missingRow = original.findIndex((v) => Number.isNaN(v));
      if (missingRow >= 0) expect(values(out, name)[missingRow]).toBe(fixture.imputerMedian[j]);
    });
    expect(fixture.numeric.some((name) => values(credit, name).some(Number.isNaN))).toBe(true);
  });

  it('SimpleImputer learns the same most frequent levels', () => {
    const out = new SimpleImputer({ strategy: 'most_frequent', columns: fixture.categorical })
      .fit(credit)
      .transform(credit);
    fixture.categorical.forEach((name, j) => {
      const before = credit.column(name);
      const after = out.column(name);
      if (before.kind !== 'categorical' || after.kind !== 'categorical')
        throw new Error('expected categorical');
      const missingRow = before.codes.findIndex((c) => c < 0);
      if (missingRow >= 0)
        expect(after.levels[after.codes[missingRow]]).toBe(fixture.imputerMostFrequent[j]);
    });
  });

  for (const strategy of ['quantile', 'uniform'] as const) {
    it(`KBinsDiscretizer finds the same ${strategy} edges and bins`, () => {
      const expected = fixture[`kbins_${strategy}`];
      const binner = new KBinsDiscretizer({
        nBins: 5,
        strategy,
        columns: fixture.completeNumeric,
      }).fit(credit);
      fixture.completeNumeric.forEach((name, j) => {
        expect(Array.from(binner.binEdges.get(name) ?? [])).toEqual(expected.edges[j]);
      });
      const out = binner.transform(credit.take(Array.from({ length: 200 }, (_, i) => i)));
      const rows = Array.from({ length: 200 }, (_, i) =>
        fixture.completeNumeric.map((name) => values(out, name)[i]),
      );
      expect(rows).toEqual(expected.firstRows);
    });
  }

  for (const [name, expected] of Object.entries(fixture.oneHot)) {
    it(`OneHotEncoder pools the same infrequent levels and encodes alike (${name})`, () => {
      const encoder = new OneHotEncoder({
        handleUnknown: 'ignore',
        minFrequency: expected.options.min_frequency ?? null,
        maxCategories: expected.options.max_categories ?? null,
        columns: fixture.categorical,
      }).fit(credit);
      expect(encoder.featureNames.map(sklearnName)).toEqual(expected.featureNames);
      fixture.categorical.forEach((column, j) => {
        const pooled = (encoder.infrequentLevels.get(column) ?? []).map((l) =>
          l === 'missing' ? 'NaN' : l,
        );
        expect(pooled).toEqual(expected.infrequent[j] ?? []);
      });
      const dense = toDense(encoder.transform(credit));
      const sums = Array.from({ length: dense.cols }, (_, c) => {
        let s = 0;
        for (let i = 0; i < dense.rows; i++) s += dense.data[i * dense.cols + c];
        return s;
      });
      expect(sums).toEqual(expected.columnSums);
      expect(Array.from(dense.data.subarray(0, 200 * dense.cols))).toEqual(
        expected.firstRows.flat(),
      );
    });
  }

  it('murmurhash3 gives the same signed hashes as sklearn.utils.murmurhash3_32', () => {
    expect(fixture.murmurhash3.inputs.map((s) => murmurhash3(s))).toEqual(
      fixture.murmurhash3.hashes,
    );
  });

  it('FeatureHasher places and signs the same features as scikit-learn', () => {
    const head = credit.take(Array.from({ length: 200 }, (_, i) => i));
    // A frame whose level lists differ from the file's, to show hashing depends on strings only.
    const columns = fixture.categorical.map((name) => {
      const c = head.column(name);
      return c.kind === 'categorical'
        ? categoricalFromStrings(
            name,
            Array.from(c.codes, (k) => (k < 0 ? null : c.levels[k])),
          )
        : c;
    });
    const relabelled = new Frame(columns);
    const hasher = new FeatureHasher({ nFeatures: fixture.featureHasher.nFeatures }).fit(
      relabelled,
    );
    const dense = toDense(hasher.transform(relabelled));
    expect(Array.from(dense.data)).toEqual(fixture.featureHasher.rows.flat());
  });
});
