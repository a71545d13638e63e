import { describe, expect, it } from 'vitest';
import { LinearRegression, Ridge } from '../../../src/learners/linear/index.js';
import { describeEstimatorConformance } from '../conformance.js';
import { expectClose, loadFixture, maxAbsOf } from './fixtures.js';
import { fixtureCase, itMatchesScikitLearn } from './regression-fixture.js';

describeEstimatorConformance({
  name: 'Ridge',
  task: 'regression',
  make: (options) => new Ridge({ alpha: 2, ...options }),
  fromJSON: (json) => Ridge.fromJSON(json),
  badOptions: [{ alpha: -1 }, { alpha: Number.NaN }, { fitIntercept: 1 }],
  sparse: true,
});

describe('Ridge against scikit-learn 1.2 (ames)', () => {
  const fixture = loadFixture('linear_regression_ames.json');
  for (const name of ['ridge', 'ridge_sample_weight', 'ridge_no_intercept']) {
    const c = fixtureCase(fixture, name);
    itMatchesScikitLearn(
      fixture,
      c,
      () => new Ridge(c.options as { alpha: number; fitIntercept?: boolean }),
    );
  }

  it('equals ordinary least squares at alpha 0', () => {
    const ridge = new Ridge({ alpha: 0 }).fit(fixture.X, fixture.y);
    const ols = new LinearRegression().fit(fixture.X, fixture.y);
    expect(expectClose(ridge.coef, ols.coef, maxAbsOf(ols.coef), 'coef')).toEqual([]);
  });

  it('shrinks the coefficient norm as alpha grows', () => {
    const norm = (alpha: number): number =>
      new Ridge({ alpha }).fit(fixture.X, fixture.y).coef.reduce((s, c) => s + c * c, 0);
    expect(norm(100)).toBeLessThan(norm(1));
  });
});
