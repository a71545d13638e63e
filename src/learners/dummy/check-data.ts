import type { Matrix } from '../../data/matrix.js';
import { DataValidationError, ShapeMismatchError } from '../../errors.js';

/**
 * Checks what every learner's `fit` must check before looking at X's values: row counts agree,
 * targets are finite, weights are finite, non-negative and not all zero. Returns the weights
 * (all ones when none were given) so callers never branch on their absence in hot loops.
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
  if (total <= 0) {
    throw new DataValidationError(
      {},
      `${owner}: sample weights sum to zero; give some row a positive weight.`,
    );
  }
  return sampleWeight;
}

/** Throws unless X has the column count seen in `fit`. */
export function checkPredictColumns(owner: string, X: Matrix, fittedColumns: number): void {
  if (X.cols !== fittedColumns) {
    throw new ShapeMismatchError(
      `${owner}: X has ${X.cols} columns but the model was fitted on ${fittedColumns}.`,
    );
  }
}
