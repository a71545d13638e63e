import { describe, expect, it } from 'vitest';
import { csrMatrix } from '../../../src/data/matrix.js';
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

describe('Ridge on wide one-hot CSR input', () => {
  it('fits 200k rows x 2,000 one-hot columns without making a dense copy', () => {
    const rows = 200_000;
    const levels = 2_000;
    const indptr = Int32Array.from({ length: rows + 1 }, (_, i) => i);
    const indices = Int32Array.from({ length: rows }, (_, i) => (i * 7919) % levels);
    const y = Float64Array.from(indices, (level) => (level % 10) - 4.5);
    const X = csrMatrix(rows, levels, indptr, indices, new Float64Array(rows).fill(1));
    const before = process.memoryUsage().arrayBuffers;
    const ridge = new Ridge({ alpha: 1e-3 }).fit(X, y);
    // A dense copy would take rows × levels × 8 bytes = 3.2 GB; the Gram matrix takes 32 MB.
    expect(process.memoryUsage().arrayBuffers - before).toBeLessThan(400e6);
    const predicted = ridge.predict(X);
    let worst = 0;
    for (let i = 0; i < rows; i++) worst = Math.max(worst, Math.abs(predicted[i] - y[i]));
    expect(worst).toBeLessThan(1e-3);
  });
});
