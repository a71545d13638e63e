import { describe, expect, it } from 'vitest';
import { ElasticNet, Lasso } from '../../../src/learners/linear/index.js';
import type { ElasticNetOptions } from '../../../src/learners/linear/index.js';
import { describeEstimatorConformance } from '../conformance.js';
import { loadFixture } from './fixtures.js';
import { fixtureCase, itMatchesScikitLearn } from './regression-fixture.js';

describeEstimatorConformance({
  name: 'ElasticNet',
  task: 'regression',
  make: (options) => new ElasticNet({ alpha: 0.1, ...options }),
  fromJSON: (json) => ElasticNet.fromJSON(json),
  badOptions: [
    { alpha: -0.1 },
    { l1Ratio: 1.2 },
    { l1Ratio: -0.5 },
    { maxIter: 0 },
    { maxIter: 2.5 },
    { tol: 0 },
    { fitIntercept: 'yes' },
  ],
  sparse: true,
});

describe('ElasticNet against scikit-learn 1.2 (ames)', () => {
  const fixture = loadFixture('linear_regression_ames.json');
  for (const name of ['elasticnet', 'elasticnet_sample_weight']) {
    const c = fixtureCase(fixture, name);
    itMatchesScikitLearn(
      fixture,
      c,
      () => new ElasticNet({ ...(c.options as ElasticNetOptions), tol: 1e-12, maxIter: 100_000 }),
    );
  }

  it('equals Lasso at l1Ratio 1', () => {
    const enet = new ElasticNet({ alpha: 0.01, l1Ratio: 1 }).fit(fixture.X, fixture.y);
    const lasso = new Lasso({ alpha: 0.01 }).fit(fixture.X, fixture.y);
    expect(Array.from(enet.coef)).toEqual(Array.from(lasso.coef));
  });

  it('reports non-convergence through converged and nIter instead of throwing', () => {
    const model = new ElasticNet({ alpha: 0.001, maxIter: 2, tol: 1e-12 }).fit(
      fixture.X,
      fixture.y,
    );
    expect(model.converged).toBe(false);
    expect(model.nIter).toBe(2);
  });
});
