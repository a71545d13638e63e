import { describe, expect, it } from 'vitest';
import { Lasso } from '../../../src/learners/linear/index.js';
import { describeEstimatorConformance } from '../conformance.js';
import { loadFixture } from './fixtures.js';
import { fixtureCase, itMatchesScikitLearn } from './regression-fixture.js';

describeEstimatorConformance({
  name: 'Lasso',
  task: 'regression',
  make: (options) => new Lasso({ alpha: 0.1, ...options }),
  fromJSON: (json) => Lasso.fromJSON(json),
  badOptions: [{ alpha: -1 }, { maxIter: -3 }, { tol: Number.NaN }, { fitIntercept: 0 }],
  sparse: true,
});

describe('Lasso against scikit-learn 1.2 (ames)', () => {
  const fixture = loadFixture('linear_regression_ames.json');
  const c = fixtureCase(fixture, 'lasso');
  itMatchesScikitLearn(
    fixture,
    c,
    () => new Lasso({ alpha: c.options.alpha as number, tol: 1e-12, maxIter: 100_000 }),
  );

  it('drops features with exact zeros, more of them as alpha grows', () => {
    const zeros = (alpha: number): number =>
      new Lasso({ alpha }).fit(fixture.X, fixture.y).coef.filter((v) => v === 0).length;
    expect(zeros(0.05)).toBeGreaterThan(zeros(0.001));
  });

  it('keeps no feature once alpha exceeds max |Xᵀy| / n', () => {
    const model = new Lasso({ alpha: 100 }).fit(fixture.X, fixture.y);
    expect(model.coef.every((v) => v === 0)).toBe(true);
  });
});
