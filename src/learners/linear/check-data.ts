import type { Matrix } from '../../data/matrix.js';
import { DataValidationError, ShapeMismatchError } from '../../errors.js';

/**
 * Validates training data for a linear model and returns the sample weights to use (all ones
 * when none are given). Non-finite X entries, targets or weights are rejected with the row named.
 */
export function checkFitData(
  owner: string,
  X: Matrix,
  y: Float64Array,
  sampleWeight?: Float64Array,
): Float64Array {
  if (y.length !== X.rows)
    throw new ShapeMismatchError(`${owner}: X has ${X.rows} rows but y has ${y.length} values`);
  if (X.rows === 0) throw new DataValidationError({}, `${owner}: cannot fit on zero rows`);
  for (let i = 0; i < y.length; i++) {
    if (!Number.isFinite(y[i]))
      throw new DataValidationError(
        {},
        `${owner}: target at row ${i} is ${y[i]}; remove or impute it`,
      );
  }
  checkFinite(owner, X);
  if (sampleWeight === undefined) return new Float64Array(X.rows).fill(1);
  if (sampleWeight.length !== X.rows) {
    throw new ShapeMismatchError(
      `${owner}: X has ${X.rows} rows but sampleWeight has ${sampleWeight.length} values`,
    );
  }
  let total = 0;
  for (let i = 0; i < sampleWeight.length; i++) {
    const w = sampleWeight[i];
    if (!(w >= 0) || !Number.isFinite(w)) {
      throw new DataValidationError(
        {},
        `${owner}: sample weight at row ${i} is ${w}; weights must be finite and non-negative`,
      );
    }
    total += w;
  }
  if (!(total > 0)) throw new DataValidationError({}, `${owner}: sample weights sum to zero`);
  return sampleWeight;
}

/** Throws DataValidationError at the first NaN or infinite entry of X. */
export function checkFinite(owner: string, X: Matrix): void {
  const { data } = X;
  const stored = X.kind === 'dense' ? X.rows * X.cols : X.indptr[X.rows];
  for (let k = 0; k < stored; k++) {
    if (Number.isFinite(data[k])) continue;
    let row = 0;
    if (X.kind === 'dense') row = Math.floor(k / X.cols);
    else while (X.indptr[row + 1] <= k) row++;
    throw new DataValidationError(
      {},
      `${owner}: X holds ${data[k]} at row ${row}; impute missing values first`,
    );
  }
}

export function checkPredictColumns(owner: string, X: Matrix, nFeatures: number): void {
  if (X.cols !== nFeatures) {
    throw new ShapeMismatchError(
      `${owner}: fitted on ${nFeatures} columns, got a matrix with ${X.cols}`,
    );
  }
}
