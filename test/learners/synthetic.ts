import type { DenseMatrix, Matrix } from '../../src/data/matrix.js';
import { denseMatrix, hstack, takeRows } from '../../src/data/matrix.js';
import { Rng } from '../../src/data/rng.js';

export interface Dataset {
  readonly X: Matrix;
  readonly y: Float64Array;
}

/**
 * Gaussian blobs: `classes` labels 0..classes-1 in equal shares, each class centred at its own
 * random point, unit noise; about `zeroShare` of the entries are set to exactly 0 so that a CSR
 * copy really is sparse.
 */
export function blobs(options: {
  rows: number;
  cols: number;
  classes: number;
  seed: number;
  zeroShare?: number;
}): { X: DenseMatrix; y: Float64Array } {
  const { rows, cols, classes, seed, zeroShare = 0.2 } = options;
  const rng = new Rng(seed);
  const centres = new Float64Array(classes * cols);
  for (let i = 0; i < centres.length; i++) centres[i] = rng.uniform(-3, 3);
  const X = new Float64Array(rows * cols);
  const y = new Float64Array(rows);
  for (let i = 0; i < rows; i++) {
    const label = i % classes;
    y[i] = label;
    for (let j = 0; j < cols; j++) {
      X[i * cols + j] = rng.next() < zeroShare ? 0 : centres[label * cols + j] + rng.normal();
    }
  }
  const order = rng.permutation(rows);
  const shuffled = takeRows(denseMatrix(rows, cols, X), order) as DenseMatrix;
  return { X: shuffled, y: Float64Array.from(order, (i) => y[i]) };
}

/** y = X·w + 3 + noise(σ = 0.5), with w drawn in [-2, 2] and a share of exact zeros in X. */
export function linearRegressionData(options: {
  rows: number;
  cols: number;
  seed: number;
  zeroShare?: number;
}): { X: DenseMatrix; y: Float64Array } {
  const { rows, cols, seed, zeroShare = 0.2 } = options;
  const rng = new Rng(seed);
  const weights = Float64Array.from({ length: cols }, () => rng.uniform(-2, 2));
  const X = new Float64Array(rows * cols);
  const y = new Float64Array(rows);
  for (let i = 0; i < rows; i++) {
    let target = 3 + 0.5 * rng.normal();
    for (let j = 0; j < cols; j++) {
      const value = rng.next() < zeroShare ? 0 : rng.normal();
      X[i * cols + j] = value;
      target += value * weights[j];
    }
    y[i] = target;
  }
  return { X: denseMatrix(rows, cols, X), y };
}

/** Integer category codes 0..levels-1 per feature, with labels depending on the first two features. */
export function categoricalData(options: {
  rows: number;
  cols: number;
  levels: number;
  classes: number;
  seed: number;
}): { X: DenseMatrix; y: Float64Array } {
  const { rows, cols, levels, classes, seed } = options;
  const rng = new Rng(seed);
  const X = new Float64Array(rows * cols);
  const y = new Float64Array(rows);
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < cols; j++) X[i * cols + j] = rng.nextInt(levels);
    const signal = X[i * cols] + (cols > 1 ? X[i * cols + 1] : 0);
    y[i] = rng.next() < 0.8 ? signal % classes : rng.nextInt(classes);
  }
  return { X: denseMatrix(rows, cols, X), y };
}

/** The default data of the conformance suite: 3 classes, 240 × 5. */
export function defaultClassificationData(): Dataset {
  return blobs({ rows: 240, cols: 5, classes: 3, seed: 11 });
}

/** A different problem for the refit test: 2 classes, 160 × 4. */
export function secondClassificationData(): Dataset {
  return blobs({ rows: 160, cols: 4, classes: 2, seed: 23 });
}

/** The default regression data of the conformance suite: 240 × 5. */
export function defaultRegressionData(): Dataset {
  return linearRegressionData({ rows: 240, cols: 5, seed: 13 });
}

/** A different problem for the refit test: 160 × 4. */
export function secondRegressionData(): Dataset {
  return linearRegressionData({ rows: 160, cols: 4, seed: 29 });
}

/** The same values as X, stored as CSR (explicit zeros dropped). */
export { toCsr } from '../../src/data/matrix.js';

/** X with one more column of ones on the right (a wrong-width input for a fitted model). */
export function withExtraColumn(X: Matrix): Matrix {
  return hstack([X, denseMatrix(X.rows, 1, new Float64Array(X.rows).fill(1))]);
}
