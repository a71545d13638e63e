import type { DenseMatrix, Matrix } from '../../data/matrix.js';
import { toDense } from '../../data/matrix.js';
import { DataValidationError } from '../../errors.js';

/**
 * X as trees read it: dense (a CSR input is densified, since trees split on ordinal values
 * row by row), NaN allowed as "missing", ±Infinity rejected with its row and column.
 */
export function treeFeatures(owner: string, X: Matrix): DenseMatrix {
  const dense = toDense(X);
  const { data, cols } = dense;
  for (let k = 0; k < data.length; k++) {
    const x = data[k];
    if (x === Number.POSITIVE_INFINITY || x === Number.NEGATIVE_INFINITY) {
      const row = Math.floor(k / cols);
      const column = k % cols;
      throw new DataValidationError(
        { column: String(column) },
        `${owner}: X holds ${x} at row ${row}, column ${column}; trees accept NaN as missing but not infinite values.`,
      );
    }
  }
  return dense;
}
