import type { DenseMatrix } from '../../data/matrix.js';

/**
 * X transposed to column-major order, with each column's row indices sorted by value (missing
 * values last). Computed once per fit, or once per forest, and shared by every tree: a node
 * then finds its rows already in order instead of sorting them again.
 */
export interface PresortedColumns {
  readonly rows: number;
  readonly cols: number;
  /** Column j's values at `columns[j * rows .. (j + 1) * rows)`. */
  readonly columns: Float64Array;
  /** Column j's row indices sorted by value, NaN last, at `order[j * rows ..]`. */
  readonly order: Int32Array;
}

/** Transposes and sorts; ties keep row order (typed-array sort is stable). */
export function presortColumns(X: DenseMatrix): PresortedColumns {
  const { rows, cols, data } = X;
  const columns = new Float64Array(rows * cols);
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < cols; j++) columns[j * rows + i] = data[i * cols + j];
  }
  const order = new Int32Array(rows * cols);
  for (let j = 0; j < cols; j++) {
    const values = columns.subarray(j * rows, (j + 1) * rows);
    const indices = order.subarray(j * rows, (j + 1) * rows);
    let present = 0;
    let missingAt = rows;
    for (let i = 0; i < rows; i++) {
      if (values[i] !== values[i]) indices[--missingAt] = i;
      else indices[present++] = i;
    }
    indices.subarray(0, present).sort((a, b) => values[a] - values[b]);
    indices.subarray(present).reverse();
  }
  return { rows, cols, columns, order };
}

/**
 * The presorted order restricted to rows of positive weight (a bootstrap sample's in-bag rows),
 * still sorted; `count` rows per column, column j at `[j * count ..]`.
 */
export function inBagOrder(
  presorted: PresortedColumns,
  weights: Float64Array,
): { order: Int32Array; count: number } {
  const { rows, cols, order } = presorted;
  let count = 0;
  for (let i = 0; i < rows; i++) if (weights[i] > 0) count++;
  if (count === rows) return { order: order.slice(), count };
  const out = new Int32Array(count * cols);
  for (let j = 0; j < cols; j++) {
    let k = j * count;
    for (let p = j * rows; p < (j + 1) * rows; p++) if (weights[order[p]] > 0) out[k++] = order[p];
  }
  return { order: out, count };
}
