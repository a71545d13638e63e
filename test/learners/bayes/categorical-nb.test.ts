import { describe, expect, it } from 'vitest';
import { denseMatrix } from '../../../src/data/matrix.js';
import { DataValidationError, InvalidParameterError } from '../../../src/errors.js';
import { CategoricalNB } from '../../../src/learners/bayes/index.js';
import type { CategoricalNBOptions } from '../../../src/learners/bayes/index.js';
import { describeEstimatorConformance } from '../conformance.js';
import { categoricalData } from '../synthetic.js';
import {
  loadBayesGolden,
  testMatrix,
  trainingMatrix,
  worstRelativeError,
} from './golden-fixture.js';

const codes = categoricalData({ rows: 240, cols: 5, levels: 4, classes: 3, seed: 41 });

describeEstimatorConformance({
  name: 'CategoricalNB',
  task: 'classification',
  make: (options) => new CategoricalNB({ ...options }),
  fromJSON: (json) => CategoricalNB.fromJSON(json),
  badOptions: [
    { alpha: -1 },
    { fitPrior: 'yes' },
    { classPrior: [0.5, 0.7] },
    { classPrior: [0.5, 0.5] },
    { minCategories: 0 },
    { minCategories: [3, 3] },
  ],
  data: codes,
  sparse: true,
});

describe('CategoricalNB agrees with scikit-learn 1.2', () => {
  for (const golden of loadBayesGolden().filter((c) => c.learner === 'CategoricalNB')) {
    describe(golden.name, () => {
      const sampleWeight =
        golden.sampleWeight === null ? undefined : Float64Array.from(golden.sampleWeight);
      const model = new CategoricalNB(golden.options as CategoricalNBOptions).fit(
        trainingMatrix(golden),
        Float64Array.from(golden.y),
        { sampleWeight },
      );

      it('learns the same class counts, log priors, category counts and log probabilities', () => {
        expect(Array.from(model.classes)).toEqual(golden.classes);
        expect(worstRelativeError(model.classCount, golden.classCount)).toBeLessThan(1e-12);
        expect(worstRelativeError(model.classLogPrior, golden.classLogPrior!)).toBeLessThan(1e-12);
        expect(Array.from(model.categoryCounts)).toEqual(golden.categoryCounts);
        golden.featureLogProb!.forEach((expected, feature) => {
          expect(worstRelativeError(model.featureLogProb(feature).data, expected)).toBeLessThan(
            1e-12,
          );
        });
      });

      it('predicts the same probabilities and labels on held-out rows', () => {
        const X = testMatrix(golden);
        expect(worstRelativeError(model.predictProba(X).data, golden.proba, 1)).toBeLessThan(1e-12);
        expect(Array.from(model.predict(X))).toEqual(golden.predict);
      });
    });
  }
});

describe('CategoricalNB', () => {
  const { X, y } = codes;

  it('gives a code beyond the fitted categories the smoothed probability of a zero count', () => {
    const model = new CategoricalNB({ minCategories: 6 }).fit(X, y);
    const row = (code: number): Float64Array => {
      const data = X.data.slice(0, 5);
      data[0] = code;
      return model.predictProba(denseMatrix(1, 5, data)).data;
    };
    // Code 5 is within the tables but never seen; code 40 is beyond them: same zero-count estimate.
    expect(row(40)).toEqual(row(5));
  });

  it('with fitPrior false uses uniform class priors', () => {
    const model = new CategoricalNB({ fitPrior: false }).fit(X, y);
    expect(Array.from(model.classLogPrior)).toEqual([1, 2, 3].map(() => -Math.log(3)));
  });

  it('treats integer sample weights like repeated rows', () => {
    const counts = Float64Array.from(y, (_, i) => 1 + (i % 2));
    const repeat = Array.from(counts.keys()).flatMap((i) => Array<number>(counts[i]).fill(i));
    const Xr = denseMatrix(
      repeat.length,
      5,
      Float64Array.from(repeat.flatMap((i) => Array.from(X.data.subarray(i * 5, i * 5 + 5)))),
    );
    const weighted = new CategoricalNB().fit(X, y, { sampleWeight: counts });
    const repeated = new CategoricalNB().fit(
      Xr,
      Float64Array.from(repeat, (i) => y[i]),
    );
    expect(
      worstRelativeError(weighted.featureLogProb(0).data, repeated.featureLogProb(0).data),
    ).toBeLessThan(1e-14);
    expect(
      worstRelativeError(weighted.predictProba(X).data, repeated.predictProba(X).data, 1),
    ).toBeLessThan(1e-14);
  });

  it('rejects negative or fractional category codes with DataValidationError', () => {
    for (const bad of [-1, 1.5]) {
      const data = X.data.slice();
      data[7 * 5 + 2] = bad;
      expect(() => new CategoricalNB().fit(denseMatrix(240, 5, data), y)).toThrow(
        DataValidationError,
      );
      expect(() => new CategoricalNB().fit(X, y).predict(denseMatrix(240, 5, data))).toThrow(
        /row 7\b/,
      );
    }
  });

  it('rejects class priors of the wrong length with InvalidParameterError', () => {
    expect(() => new CategoricalNB({ classPrior: [0.5, 0.5] }).fit(X, y)).toThrow(
      InvalidParameterError,
    );
  });
});
