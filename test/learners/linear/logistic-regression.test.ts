import { describe, expect, it } from 'vitest';
import {
  DataValidationError,
  DeserializationError,
  InvalidParameterError,
} from '../../../src/errors.js';
import { denseMatrix } from '../../../src/data/matrix.js';
import type { Matrix } from '../../../src/data/matrix.js';
import { LogisticRegression } from '../../../src/learners/linear/index.js';
import type { LogisticRegressionOptions } from '../../../src/learners/linear/index.js';
import type { LogisticSolver } from '../../../src/learners/linear/logistic-options.js';
import { describeEstimatorConformance } from '../conformance.js';
import { blobs } from '../synthetic.js';
import type { FixtureCase } from './fixtures.js';
import { expectClose, loadFixture, maxAbsOf } from './fixtures.js';
import { toCsr } from '../../../src/data/matrix.js';

const penalties: [string, LogisticRegressionOptions][] = [
  ['l2', { penalty: 'l2' }],
  ['none', { penalty: 'none' }],
  ['l1', { penalty: 'l1', C: 0.5 }],
  ['elasticnet', { penalty: 'elasticnet', l1Ratio: 0.4, C: 0.5 }],
  ['l2, balanced, no intercept', { classWeight: 'balanced', fitIntercept: false }],
];
for (const [name, defaults] of penalties) {
  describeEstimatorConformance({
    name: `LogisticRegression (${name})`,
    task: 'classification',
    make: (options) => new LogisticRegression({ ...defaults, ...options }),
    fromJSON: (json) => LogisticRegression.fromJSON(json),
    badOptions: [
      { C: 0 },
      { C: Number.POSITIVE_INFINITY },
      { penalty: 'l3' },
      { penalty: 'elasticnet', l1Ratio: null },
      { l1Ratio: 1.5 },
      { maxIter: 0 },
      { tol: -1 },
      { fitIntercept: 'yes' },
      { classWeight: 'auto' },
      { classWeight: { '0': -1 } },
      { solver: 'sgd' },
    ],
    sparse: true,
  });
}

const newtonCases: [string, LogisticRegressionOptions][] = [
  ['newton-cholesky, l2', { solver: 'newton-cholesky' }],
  [
    'newton-cholesky, no penalty, no intercept, balanced',
    { solver: 'newton-cholesky', penalty: 'none', fitIntercept: false, classWeight: 'balanced' },
  ],
];
for (const [name, defaults] of newtonCases) {
  describeEstimatorConformance({
    name: `LogisticRegression (${name})`,
    task: 'classification',
    make: (options) => new LogisticRegression({ ...defaults, ...options }),
    fromJSON: (json) => LogisticRegression.fromJSON(json),
    badOptions: [
      { C: 0 },
      { penalty: 'l1' },
      { penalty: 'elasticnet', l1Ratio: 0.5 },
      { solver: 'newton' },
      { maxIter: 0 },
    ],
    // Newton fits two classes; noisy blobs keep the problem from being separable.
    data: blobs({ rows: 240, cols: 5, classes: 2, seed: 31, zeroShare: 0.3 }),
    secondData: blobs({ rows: 160, cols: 4, classes: 2, seed: 37 }),
    sparse: true,
  });
}

/** Maps a fixture's scikit-learn options onto ours, with a tolerance matching the fixture's. */
function optionsOf(c: FixtureCase, solver: LogisticSolver): LogisticRegressionOptions {
  const o = c.options as Record<string, unknown>;
  return {
    penalty: (o.penalty as LogisticRegressionOptions['penalty']) ?? 'l2',
    C: o.C as number,
    l1Ratio: (o.l1_ratio as number | undefined) ?? null,
    fitIntercept: (o.fit_intercept as boolean | undefined) ?? true,
    classWeight: (o.class_weight as LogisticRegressionOptions['classWeight']) ?? null,
    tol: 1e-9,
    maxIter: 5000,
    solver,
  };
}

function firstColumns(X: Matrix & { kind: 'dense' }, count: number): Matrix {
  const out = new Float64Array(X.rows * count);
  for (let i = 0; i < X.rows; i++)
    out.set(X.data.subarray(i * X.cols, i * X.cols + count), i * count);
  return denseMatrix(X.rows, count, out);
}

function checkAgainstScikitLearn(file: string, solver: LogisticSolver): void {
  const fixture = loadFixture(file);
  for (const c of fixture.cases) {
    const penalty = (c.options as { penalty?: string }).penalty;
    if (solver === 'newton-cholesky' && (penalty === 'l1' || penalty === 'elasticnet')) continue;
    const columns = (c as FixtureCase & { columns?: number }).columns;
    const dense = columns === undefined ? fixture.X : firstColumns(fixture.X, columns);
    for (const X of [dense, toCsr(dense)]) {
      it(`matches scikit-learn's ${c.name} fit on ${X.kind} input with solver ${solver} (coef and intercept within 1e-4 relative)`, () => {
        const sampleWeight = c.sampleWeight ? fixture.sampleWeight : undefined;
        const model = new LogisticRegression(optionsOf(c, solver)).fit(X, fixture.y, {
          sampleWeight,
        });
        const reference = (c.coef as number[][]).flat();
        const scale = maxAbsOf(reference);
        const problems = [
          ...expectClose(model.coef.data, reference, scale, 'coef'),
          ...expectClose(model.intercept, c.intercept as number[], scale, 'intercept'),
        ];
        expect(problems).toEqual([]);
        expect(model.converged).toBe(true);
        const P = model.predictProba(X);
        const expected = (c.proba as number[][]).flat();
        for (let i = 0; i < expected.length; i++)
          expect(Math.abs(P.data[i] - expected[i])).toBeLessThan(1e-6);
      });
    }
  }
}

for (const solver of ['auto', 'lbfgs', 'newton-cholesky'] as const) {
  describe(`LogisticRegression against scikit-learn 1.2 (binary, credit, solver ${solver})`, () => {
    checkAgainstScikitLearn('linear_logistic_credit.json', solver);
  });
}

describe('LogisticRegression against scikit-learn 1.2 (multinomial, letters)', () => {
  checkAgainstScikitLearn('linear_logistic_letters.json', 'auto');
});

describe('LogisticRegression behaviour', () => {
  const fixture = loadFixture('linear_logistic_credit.json');

  it('reports non-convergence through converged and nIter instead of throwing', () => {
    const model = new LogisticRegression({ maxIter: 2, tol: 1e-12 }).fit(fixture.X, fixture.y);
    expect(model.converged).toBe(false);
    expect(model.nIter).toBe(2);
  });

  it('sets coefficients to exact zeros under a strong L1 penalty', () => {
    const model = new LogisticRegression({ penalty: 'l1', C: 0.005 }).fit(fixture.X, fixture.y);
    const zeros = model.coef.data.filter((c) => c === 0).length;
    expect(zeros).toBeGreaterThan(0);
    expect(zeros).toBeLessThan(fixture.X.cols);
  });

  it('exposes one coefficient row for two classes and K rows for K classes', () => {
    const letters = loadFixture('linear_logistic_letters.json');
    const binary = new LogisticRegression().fit(fixture.X, fixture.y);
    const multi = new LogisticRegression({ maxIter: 5 }).fit(letters.X, letters.y);
    expect([binary.coef.rows, binary.coef.cols, binary.intercept.length]).toEqual([
      1,
      fixture.X.cols,
      1,
    ]);
    expect([multi.coef.rows, multi.coef.cols, multi.intercept.length]).toEqual([
      26,
      letters.X.cols,
      26,
    ]);
  });

  it('needs far fewer iterations with Newton (the auto choice here) than with L-BFGS on credit', () => {
    const newton = new LogisticRegression({ tol: 1e-6, maxIter: 1000 }).fit(fixture.X, fixture.y);
    const lbfgs = new LogisticRegression({ tol: 1e-6, maxIter: 1000, solver: 'lbfgs' }).fit(
      fixture.X,
      fixture.y,
    );
    expect(newton.converged && lbfgs.converged).toBe(true);
    expect(newton.nIter).toBeLessThanOrEqual(12);
    expect(lbfgs.nIter).toBeGreaterThan(4 * newton.nIter);
  });

  it('rejects solver newton-cholesky on more than two classes, naming the option', () => {
    const letters = loadFixture('linear_logistic_letters.json');
    const model = new LogisticRegression({ solver: 'newton-cholesky' });
    expect(() => model.fit(letters.X, letters.y)).toThrow(InvalidParameterError);
    expect(() => model.fit(letters.X, letters.y)).toThrow(/"solver"/);
  });

  it('rejects solver newton-cholesky with an L1 penalty, naming the option', () => {
    const model = new LogisticRegression({ solver: 'newton-cholesky', penalty: 'l1' });
    expect(() => model.fit(fixture.X, fixture.y)).toThrow(/"solver"/);
  });

  it('round-trips the solver option and restores JSON saved without one as auto', () => {
    const json = new LogisticRegression({ solver: 'lbfgs' }).fit(fixture.X, fixture.y).toJSON();
    expect(LogisticRegression.fromJSON(structuredClone(json)).getParams().solver).toBe('lbfgs');
    const { solver: _dropped, ...older } = json.params as Record<string, unknown>;
    const restored = LogisticRegression.fromJSON({ ...json, params: older } as typeof json);
    expect(restored.getParams().solver).toBe('auto');
    expect(Array.from(restored.predict(fixture.X))).toEqual(
      Array.from(LogisticRegression.fromJSON(json).predict(fixture.X)),
    );
  });

  it('rejects a restored solver it does not know with DeserializationError', () => {
    const json = new LogisticRegression().toJSON();
    const params = { ...(json.params as Record<string, unknown>), solver: 'sag' };
    expect(() => LogisticRegression.fromJSON({ ...json, params } as typeof json)).toThrow(
      DeserializationError,
    );
  });

  it('rejects X holding NaN, naming the row', () => {
    const X = denseMatrix(fixture.X.rows, fixture.X.cols, fixture.X.data.slice());
    X.data[5 * X.cols + 2] = Number.NaN;
    expect(() => new LogisticRegression().fit(X, fixture.y)).toThrow(DataValidationError);
    expect(() => new LogisticRegression().fit(X, fixture.y)).toThrow(/row 5/);
  });

  it('rejects a class-weight record naming a label absent from y', () => {
    const model = new LogisticRegression({ classWeight: { '7': 2 } });
    expect(() => model.fit(fixture.X, fixture.y)).toThrow(/label 7/);
  });

  it('treats an integer sample weight like repeating the row', () => {
    const rows = 300;
    const X = denseMatrix(rows, fixture.X.cols, fixture.X.data.slice(0, rows * fixture.X.cols));
    const y = fixture.y.slice(0, rows);
    const weight = new Float64Array(rows).fill(1);
    weight[0] = 3;
    const repeated = denseMatrix(
      rows + 2,
      X.cols,
      new Float64Array([...X.data, ...X.data.subarray(0, X.cols), ...X.data.subarray(0, X.cols)]),
    );
    const yRepeated = Float64Array.from([...y, y[0], y[0]]);
    const weighted = new LogisticRegression({ tol: 1e-10, maxIter: 1000 }).fit(X, y, {
      sampleWeight: weight,
    });
    const copied = new LogisticRegression({ tol: 1e-10, maxIter: 1000 }).fit(repeated, yRepeated);
    const problems = expectClose(
      weighted.coef.data,
      copied.coef.data,
      maxAbsOf(copied.coef.data),
      'coef',
    );
    expect(problems).toEqual([]);
  });
});
