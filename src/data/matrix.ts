import { ShapeMismatchError } from '../errors.js';

/** Dense row-major matrix: element (i, j) is `data[i * cols + j]`. */
export interface DenseMatrix {
  readonly kind: 'dense';
  readonly rows: number;
  readonly cols: number;
  readonly data: Float64Array;
}

/**
 * Compressed sparse rows: row i's non-zeros are `data[indptr[i] .. indptr[i+1])` at columns
 * `indices[...]`, with column indices increasing within a row.
 */
export interface CsrMatrix {
  readonly kind: 'csr';
  readonly rows: number;
  readonly cols: number;
  readonly indptr: Int32Array;
  readonly indices: Int32Array;
  readonly data: Float64Array;
}

export type Matrix = DenseMatrix | CsrMatrix;

export function denseMatrix(rows: number, cols: number, data?: Float64Array): DenseMatrix {
  const values = data ?? new Float64Array(rows * cols);
  if (values.length !== rows * cols) {
    throw new ShapeMismatchError(
      `dense matrix ${rows}x${cols} needs ${rows * cols} values, got ${values.length}`,
    );
  }
  return Object.freeze({ kind: 'dense', rows, cols, data: values });
}

/** Builds a dense matrix from an array of rows (tests and small inputs). */
export function denseFromRows(rows: readonly (readonly number[])[]): DenseMatrix {
  const cols = rows.length > 0 ? rows[0].length : 0;
  const data = new Float64Array(rows.length * cols);
  rows.forEach((row, i) => {
    if (row.length !== cols)
      throw new ShapeMismatchError(`row ${i} has ${row.length} values, expected ${cols}`);
    data.set(row, i * cols);
  });
  return denseMatrix(rows.length, cols, data);
}

export function csrMatrix(
  rows: number,
  cols: number,
  indptr: Int32Array,
  indices: Int32Array,
  data: Float64Array,
): CsrMatrix {
  if (indptr.length !== rows + 1)
    throw new ShapeMismatchError(`CSR indptr needs ${rows + 1} entries, got ${indptr.length}`);
  const nnz = indptr[rows];
  if (indices.length < nnz || data.length < nnz) {
    throw new ShapeMismatchError(
      `CSR matrix declares ${nnz} non-zeros but holds ${Math.min(indices.length, data.length)}`,
    );
  }
  return Object.freeze({ kind: 'csr', rows, cols, indptr, indices, data });
}

/** Number of stored values (non-zeros for CSR, rows × cols for dense). */
export function storedCount(X: Matrix): number {
  return X.kind === 'dense' ? X.rows * X.cols : X.indptr[X.rows];
}

export function toDense(X: Matrix): DenseMatrix {
  if (X.kind === 'dense') return X;
  const out = new Float64Array(X.rows * X.cols);
  for (let i = 0; i < X.rows; i++) {
    const base = i * X.cols;
    for (let k = X.indptr[i]; k < X.indptr[i + 1]; k++) out[base + X.indices[k]] = X.data[k];
  }
  return denseMatrix(X.rows, X.cols, out);
}

/** CSR copy of a matrix with exact zeros dropped (a CSR input is returned as is). */
export function toCsr(X: Matrix): CsrMatrix {
  if (X.kind === 'csr') return X;
  const empty = csrMatrix(
    X.rows,
    0,
    new Int32Array(X.rows + 1),
    new Int32Array(0),
    new Float64Array(0),
  );
  return hstack([X, empty]) as CsrMatrix;
}

/** Copies the rows at `indices` (in that order) into a new matrix of the same kind. */
export function takeRows(X: Matrix, indices: ArrayLike<number>): Matrix {
  const n = indices.length;
  if (X.kind === 'dense') {
    const out = new Float64Array(n * X.cols);
    for (let i = 0; i < n; i++)
      out.set(X.data.subarray(indices[i] * X.cols, (indices[i] + 1) * X.cols), i * X.cols);
    return denseMatrix(n, X.cols, out);
  }
  const indptr = new Int32Array(n + 1);
  for (let i = 0; i < n; i++)
    indptr[i + 1] = indptr[i] + X.indptr[indices[i] + 1] - X.indptr[indices[i]];
  const nnz = indptr[n];
  const colIdx = new Int32Array(nnz);
  const data = new Float64Array(nnz);
  for (let i = 0; i < n; i++) {
    const start = X.indptr[indices[i]];
    const end = X.indptr[indices[i] + 1];
    colIdx.set(X.indices.subarray(start, end), indptr[i]);
    data.set(X.data.subarray(start, end), indptr[i]);
  }
  return csrMatrix(n, X.cols, indptr, colIdx, data);
}

/** out = X · w (+ bias). `w` has X.cols entries; `out` has X.rows. */
export function matVec(
  X: Matrix,
  w: Float64Array,
  bias = 0,
  out = new Float64Array(X.rows),
): Float64Array {
  if (w.length < X.cols)
    throw new ShapeMismatchError(`weights have ${w.length} entries, matrix has ${X.cols} columns`);
  if (X.kind === 'dense') {
    const { rows, cols, data } = X;
    for (let i = 0; i < rows; i++) {
      let s = bias;
      const base = i * cols;
      for (let j = 0; j < cols; j++) s += data[base + j] * w[j];
      out[i] = s;
    }
  } else {
    const { rows, indptr, indices, data } = X;
    for (let i = 0; i < rows; i++) {
      let s = bias;
      for (let k = indptr[i]; k < indptr[i + 1]; k++) s += data[k] * w[indices[k]];
      out[i] = s;
    }
  }
  return out;
}

/** out = Xᵀ · v. `v` has X.rows entries; `out` has X.cols (overwritten). */
export function matTVec(X: Matrix, v: Float64Array, out = new Float64Array(X.cols)): Float64Array {
  out.fill(0);
  if (X.kind === 'dense') {
    const { rows, cols, data } = X;
    for (let i = 0; i < rows; i++) {
      const vi = v[i];
      if (vi === 0) continue;
      const base = i * cols;
      for (let j = 0; j < cols; j++) out[j] += data[base + j] * vi;
    }
  } else {
    const { rows, indptr, indices, data } = X;
    for (let i = 0; i < rows; i++) {
      const vi = v[i];
      if (vi === 0) continue;
      for (let k = indptr[i]; k < indptr[i + 1]; k++) out[indices[k]] += data[k] * vi;
    }
  }
  return out;
}

/** Column-major copy of a matrix (cols × rows), for solvers that sweep over features. */
export function toColumnMajor(X: Matrix): Float64Array {
  const out = new Float64Array(X.rows * X.cols);
  if (X.kind === 'dense') {
    for (let i = 0; i < X.rows; i++) {
      for (let j = 0; j < X.cols; j++) out[j * X.rows + i] = X.data[i * X.cols + j];
    }
  } else {
    for (let i = 0; i < X.rows; i++) {
      for (let k = X.indptr[i]; k < X.indptr[i + 1]; k++)
        out[X.indices[k] * X.rows + i] = X.data[k];
    }
  }
  return out;
}

/** Side-by-side concatenation; the result is CSR if any block is CSR, else dense. */
export function hstack(blocks: readonly Matrix[]): Matrix {
  if (blocks.length === 0) throw new ShapeMismatchError('hstack needs at least one block');
  const rows = blocks[0].rows;
  for (const b of blocks) {
    if (b.rows !== rows)
      throw new ShapeMismatchError(`hstack blocks have ${b.rows} and ${rows} rows`);
  }
  const cols = blocks.reduce((s, b) => s + b.cols, 0);
  if (blocks.every((b) => b.kind === 'dense')) {
    const out = new Float64Array(rows * cols);
    let offset = 0;
    for (const b of blocks as DenseMatrix[]) {
      for (let i = 0; i < rows; i++)
        out.set(b.data.subarray(i * b.cols, (i + 1) * b.cols), i * cols + offset);
      offset += b.cols;
    }
    return denseMatrix(rows, cols, out);
  }
  // Count non-zeros per row first so the output is allocated once.
  const indptr = new Int32Array(rows + 1);
  for (let i = 0; i < rows; i++) {
    let count = 0;
    for (const b of blocks) {
      if (b.kind === 'csr') count += b.indptr[i + 1] - b.indptr[i];
      else for (let j = 0; j < b.cols; j++) if (b.data[i * b.cols + j] !== 0) count++;
    }
    indptr[i + 1] = indptr[i] + count;
  }
  const indices = new Int32Array(indptr[rows]);
  const data = new Float64Array(indptr[rows]);
  for (let i = 0; i < rows; i++) {
    let k = indptr[i];
    let offset = 0;
    for (const b of blocks) {
      if (b.kind === 'csr') {
        for (let p = b.indptr[i]; p < b.indptr[i + 1]; p++) {
          indices[k] = b.indices[p] + offset;
          data[k++] = b.data[p];
        }
      } else {
        for (let j = 0; j < b.cols; j++) {
          const v = b.data[i * b.cols + j];
          if (v !== 0) {
            indices[k] = j + offset;
            data[k++] = v;
          }
        }
      }
      offset += b.cols;
    }
  }
  return csrMatrix(rows, cols, indptr, indices, data);
}
