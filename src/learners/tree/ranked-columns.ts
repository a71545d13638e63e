import type { DenseMatrix } from '../../data/matrix.js';

/**
 * X transposed to column-major order, plus each column's distinct values ("levels", ascending)
 * and every row's level index ("code"). Computed once per fit, or once per forest, and shared
 * by every tree: a node then orders its rows in one feature by sorting small integer codes
 * (a counting sort when the node's codes span few levels) instead of comparing doubles.
 */
export interface RankedColumns {
  readonly rows: number;
  readonly cols: number;
  /** Column j's values at `columns[j * rows .. (j + 1) * rows)`. */
  readonly columns: Float64Array;
  /**
   * Column j's codes at `codes[j * rows ..]`: the index of the row's value among the column's
   * levels, or `levelCount(j)` for a missing (NaN) value, so missing rows sort last.
   */
  readonly codes: Int32Array;
  /** Column j's levels at `levels[levelStart[j] .. levelStart[j + 1])`, ascending, distinct. */
  readonly levels: Float64Array;
  /** `cols + 1` offsets into `levels`. */
  readonly levelStart: Int32Array;
}

/**
 * Transposes X and ranks each column's values.
 *
 * @example
 * const ranked = rankColumns(denseMatrix(3, 1, Float64Array.of(2, NaN, 0.5)));
 * // ranked.levels → [0.5, 2]; ranked.codes → [1, 2, 0] (2 = missing)
 */
export function rankColumns(X: DenseMatrix): RankedColumns {
  const { rows, cols, data } = X;
  const columns = new Float64Array(rows * cols);
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < cols; j++) columns[j * rows + i] = data[i * cols + j];
  }
  const codes = new Int32Array(rows * cols);
  const levelStart = new Int32Array(cols + 1);
  const sorted = new Float64Array(rows);
  const allLevels = new Float64Array(rows * cols);
  let levelCount = 0;
  for (let j = 0; j < cols; j++) {
    const values = columns.subarray(j * rows, (j + 1) * rows);
    let present = 0;
    for (let i = 0; i < rows; i++) if (values[i] === values[i]) sorted[present++] = values[i];
    // Native numeric sort (no comparator); −0 and +0 are one level since they compare equal.
    const ascending = sorted.subarray(0, present).sort();
    levelStart[j] = levelCount;
    for (let k = 0; k < present; k++) {
      if (k === 0 || ascending[k] !== ascending[k - 1]) allLevels[levelCount++] = ascending[k];
    }
    const first = levelStart[j];
    const distinct = levelCount - first;
    for (let i = 0; i < rows; i++) {
      const x = values[i];
      codes[j * rows + i] = x === x ? levelIndex(allLevels, first, distinct, x) : distinct;
    }
  }
  levelStart[cols] = levelCount;
  return { rows, cols, columns, codes, levels: allLevels.slice(0, levelCount), levelStart };
}

/** Binary search of `x` among `levels[first .. first + count)`, which holds it. */
function levelIndex(levels: Float64Array, first: number, count: number, x: number): number {
  let low = 0;
  let high = count - 1;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (levels[first + middle] < x) low = middle + 1;
    else high = middle;
  }
  return low;
}
