import { describe, expect, it } from 'vitest';
import { denseMatrix } from '../../../src/data/matrix.js';
import type { Matrix } from '../../../src/data/matrix.js';
import { LogisticRegression } from '../../../src/learners/linear/index.js';
import { binaryLogisticHessian } from '../../../src/learners/linear/logistic-hessian.js';
import type { LogisticProblem } from '../../../src/learners/linear/logistic-loss.js';
import { logisticObjective } from '../../../src/learners/linear/logistic-loss.js';
import { blobs, toCsr } from '../synthetic.js';

const data = blobs({ rows: 90, cols: 7, classes: 2, seed: 5, zeroShare: 0.4 });
const weight = Float64Array.from({ length: 90 }, (_, i) => 0.5 + (i % 4));
weight[3] = 0;

function problemOf(X: Matrix, fitIntercept: boolean): LogisticProblem {
  return { X, target: data.y, weight, classCount: 2, fitIntercept, l2: 0.3 };
}

/** Central differences of the analytic gradient, column by column. */
function finiteDifferenceHessian(problem: LogisticProblem, x: Float64Array): Float64Array {
  const m = x.length;
  const objective = logisticObjective(problem);
  const H = new Float64Array(m * m);
  const plus = new Float64Array(m);
  const minus = new Float64Array(m);
  const h = 1e-5;
  for (let j = 0; j < m; j++) {
    const shifted = x.slice();
    shifted[j] += h;
    objective(shifted, plus);
    shifted[j] -= 2 * h;
    objective(shifted, minus);
    for (let i = 0; i < m; i++) H[i * m + j] = (plus[i] - minus[i]) / (2 * h);
  }
  return H;
}

function lowerTriangle(H: Float64Array, m: number): number[] {
  const out: number[] = [];
  for (let i = 0; i < m; i++) for (let j = 0; j <= i; j++) out.push(H[i * m + j]);
  return out;
}

describe('binaryLogisticHessian', () => {
  for (const fitIntercept of [true, false]) {
    it(`matches finite differences of the gradient on dense X (intercept ${fitIntercept})`, () => {
      const problem = problemOf(data.X, fitIntercept);
      const m = data.X.cols + (fitIntercept ? 1 : 0);
      const x = Float64Array.from({ length: m }, (_, j) => 0.2 * (j - 3));
      const H = new Float64Array(m * m);
      binaryLogisticHessian(problem)(x, H);
      const expected = lowerTriangle(finiteDifferenceHessian(problem, x), m);
      const got = lowerTriangle(H, m);
      for (let k = 0; k < got.length; k++)
        expect(Math.abs(got[k] - expected[k])).toBeLessThan(1e-6 * (1 + Math.abs(expected[k])));
    });

    it(`gives the same lower triangle on CSR X as on dense X (intercept ${fitIntercept})`, () => {
      const m = data.X.cols + (fitIntercept ? 1 : 0);
      const x = Float64Array.from({ length: m }, (_, j) => 0.1 * j - 0.2);
      const dense = new Float64Array(m * m);
      const sparse = new Float64Array(m * m);
      binaryLogisticHessian(problemOf(data.X, fitIntercept))(x, dense);
      binaryLogisticHessian(problemOf(toCsr(data.X), fitIntercept))(x, sparse);
      const a = lowerTriangle(dense, m);
      const b = lowerTriangle(sparse, m);
      for (let k = 0; k < a.length; k++)
        expect(Math.abs(a[k] - b[k])).toBeLessThan(1e-12 * (1 + Math.abs(a[k])));
    });
  }
});

describe('LogisticRegression with solver newton-cholesky', () => {
  it('fits perfectly separable data with a huge C to finite coefficients that separate it', () => {
    const X = denseMatrix(6, 2, Float64Array.from([-2, 1, -1, 0, -0.5, 2, 0.5, -1, 1, 0, 2, 1]));
    const y = Float64Array.from([0, 0, 0, 1, 1, 1]);
    const model = new LogisticRegression({ C: 1e12, solver: 'newton-cholesky', tol: 1e-10 }).fit(
      X,
      y,
    );
    expect(model.converged).toBe(true);
    expect([...model.coef.data, ...model.intercept].every(Number.isFinite)).toBe(true);
    expect(Array.from(model.predict(X))).toEqual(Array.from(y));
  });

  it('copes with a singular Hessian (a duplicated column, no penalty) and agrees with L-BFGS', () => {
    const cols = data.X.cols + 1;
    const out = new Float64Array(data.X.rows * cols);
    for (let i = 0; i < data.X.rows; i++) {
      out.set(data.X.data.subarray(i * data.X.cols, (i + 1) * data.X.cols), i * cols);
      out[i * cols + cols - 1] = data.X.data[i * data.X.cols];
    }
    const X = denseMatrix(data.X.rows, cols, out);
    // Blobs this far apart are separable; flip a few labels so an optimum exists.
    const y = data.y.slice();
    for (const i of [1, 8, 20, 33, 47]) y[i] = 1 - y[i];
    const options = { penalty: 'none', tol: 1e-8, maxIter: 1000 } as const;
    const newton = new LogisticRegression({ ...options, solver: 'newton-cholesky' }).fit(X, y);
    const lbfgs = new LogisticRegression({ ...options, solver: 'lbfgs' }).fit(X, y);
    expect(newton.converged).toBe(true);
    const P = newton.predictProba(X).data;
    const Q = lbfgs.predictProba(X).data;
    for (let i = 0; i < P.length; i++) expect(Math.abs(P[i] - Q[i])).toBeLessThan(1e-6);
  });
});
