import type { DenseMatrix, Matrix } from '../../data/matrix.js';
import { toDense } from '../../data/matrix.js';
import { DataValidationError } from '../../errors.js';
import { checkFiniteMatrix } from '../check-data.js';

/** X as dense values, every one finite (naive Bayes reads every cell, zeros included). */
export function finiteFeatures(owner: string, X: Matrix): DenseMatrix {
  checkFiniteMatrix(owner, X);
  return toDense(X);
}

/** X as dense values, every one a non-negative integer category code. */
export function categoryCodes(owner: string, X: Matrix): DenseMatrix {
  const dense = toDense(X);
  const { data, cols } = dense;
  for (let p = 0; p < data.length; p++) {
    const v = data[p];
    if (!(Number.isInteger(v) && v >= 0)) {
      throw new DataValidationError(
        { column: String(p % cols) },
        `${owner}: row ${Math.floor(p / cols)} has feature value ${v}; features must be non-negative integer category codes (encode categories as 0, 1, 2, ...).`,
      );
    }
  }
  return dense;
}
