import { describe, expect, it } from 'vitest';
import { denseMatrix } from '../../../src/data/matrix.js';
import { LinearRegression } from '../../../src/learners/linear/index.js';
import { describeEstimatorConformance } from '../conformance.js';
import type { FixtureCase } from './fixtures.js';
import { loadFixture } from './fixtures.js';
import { fixtureCase, itMatchesScikitLearn } from './regression-fixture.js';

for (const fitIntercept of [true, false]) {
  describeEstimatorConformance({
    name: `LinearRegression (fitIntercept ${fitIntercept})`,
    task: 'regression',
    make: (options) => new LinearRegression({ fitIntercept, ...options }),
    fromJSON: (json) => LinearRegression.fromJSON(json),
    badOptions: [{ fitIntercept: 'no' }, { fitIntercept: 1 }],
    sparse: true,
  });
}

describe('LinearRegression against scikit-learn 1.2 (ames)', () => {
  const fixture = loadFixture('linear_regression_ames.json');
  for (const name of ['linear', 'linear_sample_weight', 'linear_no_intercept']) {
    const c = fixtureCase(fixture, name);
    itMatchesScikitLearn(
      fixture,
      c,
      () =>
        new LinearRegression({
          fitIntercept: (c.options.fitIntercept as boolean | undefined) ?? true,
        }),
    );
  }

  const rankDeficient = fixture.raw.rankDeficient as FixtureCase;
  const cols = fixture.X.cols + 1;
  const widened = new Float64Array(fixture.X.rows * cols);
  for (let i = 0; i < fixture.X.rows; i++) {
    widened.set(fixture.X.data.subarray(i * fixture.X.cols, (i + 1) * fixture.X.cols), i * cols);
    widened[i * cols + cols - 1] = fixture.X.data[i * fixture.X.cols];
  }
  itMatchesScikitLearn(
    fixture,
    rankDeficient,
    () => new LinearRegression(),
    denseMatrix(fixture.X.rows, cols, widened),
  );

  it('splits the weight of a duplicated column equally (the minimum-norm solution)', () => {
    const model = new LinearRegression().fit(denseMatrix(fixture.X.rows, cols, widened), fixture.y);
    expect(Math.abs(model.coef[0] - model.coef[cols - 1])).toBeLessThan(
      1e-8 * Math.abs(model.coef[0]),
    );
  });
});
