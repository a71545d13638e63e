import type { Matrix } from '../data/matrix.js';
import { DataValidationError, ShapeMismatchError } from '../errors.js';

/**
 * What every learner's `fit` checks before looking at X's values: row counts agree, there are
 * rows, targets are finite, weights are finite, non-negative and not all zero. Returns the
 * weights (all ones when none were given) so hot loops never branch on their absence.
 */
export function checkFitData(
  owner: string,
  X: Matrix,
  y: Float64Array,
  sampleWeight: Float64Array | undefined,
): Float64Array {
  if (X.rows !== y.length) {
    throw new ShapeMismatchError(`${owner}: X has ${X.rows} rows but y has ${y.length} values.`);
  }
  if (X.rows === 0) throw new DataValidationError({}, `${owner}: cannot fit on zero rows.`);
  for (let i = 0; i < y.length; i++) {
    if (!Number.isFinite(y[i])) {
      throw new DataValidationError(
        {},
        `${owner}: row ${i} has target ${y[i]}; drop or impute rows with a missing target before fit().`,
      );
    }
  }
  if (sampleWeight === undefined) return new Float64Array(y.length).fill(1);
  if (sampleWeight.length !== y.length) {
    throw new ShapeMismatchError(
      `${owner}: sampleWeight has ${sampleWeight.length} values but y has ${y.length}.`,
    );
  }
  let total = 0;
  for (let i = 0; i < sampleWeight.length; i++) {
    const w = sampleWeight[i];
    if (!(w >= 0) || !Number.isFinite(w)) {
      throw new DataValidationError(
        {},
        `${owner}: row ${i} has sample weight ${w}; weights must be finite and non-negative.`,
      );
    }
    total += w;
  }
  if (!(total > 0)) {
    throw new DataValidationError(
      {},
      `${owner}: sample weights sum to zero; give some row a positive weight.`,
    );
  }
  return sampleWeight;
}

/**
 * Throws at the first NaN or infinite stored entry of X, naming its row and column, for learners
 * that cannot handle missing values (trees can; linear models and naive Bayes cannot).
 */
export function checkFiniteMatrix(owner: string, X: Matrix): void {
  const { data } = X;
  const stored = X.kind === 'dense' ? X.rows * X.cols : X.indptr[X.rows];
  for (let k = 0; k < stored; k++) {
    if (Number.isFinite(data[k])) continue;
    let row = 0;
    let column = 0;
    if (X.kind === 'dense') {
      row = Math.floor(k / X.cols);
      column = k % X.cols;
    } else {
      while (X.indptr[row + 1] <= k) row++;
      column = X.indices[k];
    }
    throw new DataValidationError(
      { column: String(column) },
      `${owner}: X holds ${data[k]} at row ${row}, column ${column}; impute missing values before this learner.`,
    );
  }
}

/** Throws unless X has the column count seen in `fit`. */
export function checkPredictColumns(owner: string, X: Matrix, fittedColumns: number): void {
  if (X.cols !== fittedColumns) {
    throw new ShapeMismatchError(
      `${owner}: X has ${X.cols} columns but the model was fitted on ${fittedColumns}.`,
    );
  }
}
