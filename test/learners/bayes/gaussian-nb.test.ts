import { describe, expect, it } from 'vitest';
import { denseMatrix } from '../../../src/data/matrix.js';
import { DataValidationError, InvalidParameterError } from '../../../src/errors.js';
import { GaussianNB } from '../../../src/learners/bayes/index.js';
import type { GaussianNBOptions } from '../../../src/learners/bayes/index.js';
import { describeEstimatorConformance } from '../conformance.js';
import { blobs } from '../synthetic.js';
import {
  loadBayesGolden,
  testMatrix,
  trainingMatrix,
  worstRelativeError,
} from './golden-fixture.js';

describeEstimatorConformance({
  name: 'GaussianNB',
  task: 'classification',
  make: (options) => new GaussianNB({ ...options }),
  fromJSON: (json) => GaussianNB.fromJSON(json),
  badOptions: [
    { varSmoothing: -1 },
    { varSmoothing: Number.NaN },
    { priors: [0.5, 0.6, -0.1] },
    { priors: [0.2, 0.2] },
  ],
  sparse: true,
});

describe('GaussianNB agrees with scikit-learn 1.2', () => {
  for (const golden of loadBayesGolden().filter((c) => c.learner === 'GaussianNB')) {
    describe(golden.name, () => {
      const sampleWeight =
        golden.sampleWeight === null ? undefined : Float64Array.from(golden.sampleWeight);
      const model = new GaussianNB(golden.options as GaussianNBOptions).fit(
        trainingMatrix(golden),
        Float64Array.from(golden.y),
        { sampleWeight },
      );

      it('learns the same class counts, priors, means, variances and smoothing', () => {
        expect(Array.from(model.classes)).toEqual(golden.classes);
        expect(worstRelativeError(model.classCount, golden.classCount)).toBeLessThan(1e-12);
        expect(worstRelativeError(model.classPrior, golden.classPrior!)).toBeLessThan(1e-12);
        expect(worstRelativeError(model.theta.data, golden.theta!)).toBeLessThan(1e-12);
        expect(worstRelativeError(model.variance.data, golden.variance!)).toBeLessThan(1e-12);
        expect(worstRelativeError([model.epsilon], [golden.epsilon!])).toBeLessThan(1e-12);
      });

      it('predicts the same probabilities and labels on held-out rows', () => {
        const X = testMatrix(golden);
        // Absolute error: probabilities are exp of log-likelihood differences of ~1e2, so the
        // last-bit rounding of those sums (numpy adds pairwise, argmin in order) shows near 1e-14.
        expect(worstRelativeError(model.predictProba(X).data, golden.proba, 1)).toBeLessThan(1e-12);
        expect(Array.from(model.predict(X))).toEqual(golden.predict);
      });
    });
  }
});

describe('GaussianNB', () => {
  const { X, y } = blobs({ rows: 90, cols: 3, classes: 3, seed: 2 });

  it('treats integer sample weights like repeated rows', () => {
    const counts = Float64Array.from(y, (_, i) => 1 + (i % 3));
    const repeat = Array.from(counts.keys()).flatMap((i) => Array<number>(counts[i]).fill(i));
    const Xr = denseMatrix(
      repeat.length,
      3,
      Float64Array.from(repeat.flatMap((i) => Array.from(X.data.subarray(i * 3, i * 3 + 3)))),
    );
    const yr = Float64Array.from(repeat, (i) => y[i]);
    const weighted = new GaussianNB().fit(X, y, { sampleWeight: counts });
    const repeated = new GaussianNB().fit(Xr, yr);
    expect(worstRelativeError(weighted.theta.data, repeated.theta.data)).toBeLessThan(1e-12);
    expect(worstRelativeError(weighted.classPrior, repeated.classPrior)).toBeLessThan(1e-12);
    expect(
      worstRelativeError(weighted.predictProba(X).data, repeated.predictProba(X).data, 1),
    ).toBeLessThan(1e-9);
  });

  it('uses given priors instead of class frequencies', () => {
    const model = new GaussianNB({ priors: [0.2, 0.3, 0.5] }).fit(X, y);
    expect(Array.from(model.classPrior)).toEqual([0.2, 0.3, 0.5]);
  });

  it('rejects priors whose length differs from the number of classes with InvalidParameterError', () => {
    expect(() => new GaussianNB({ priors: [0.5, 0.5] }).fit(X, y)).toThrow(InvalidParameterError);
  });

  it('rejects a NaN feature with DataValidationError naming the row', () => {
    const data = X.data.slice();
    data[3 * 5 + 1] = Number.NaN;
    expect(() => new GaussianNB().fit(denseMatrix(90, 3, data), y)).toThrow(DataValidationError);
    expect(() => new GaussianNB().fit(denseMatrix(90, 3, data), y)).toThrow(/row 5\b/);
  });
});
