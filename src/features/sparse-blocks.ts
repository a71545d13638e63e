import type { CsrMatrix, Matrix } from '../data/matrix.js';
import { csrMatrix, hstack, storedCount, toDense } from '../data/matrix.js';

/** Stored non-zeros of a block: CSR entries, or dense entries that are not 0 (NaN counts). */
export function nonZeroCount(block: Matrix): number {
  if (block.kind === 'csr') return storedCount(block);
  let count = 0;
  const data = block.data;
  for (let i = 0; i < data.length; i++) if (data[i] !== 0) count++;
  return count;
}

/** CSR copy of a block, keeping only its non-zeros. */
export function toCsr(block: Matrix): CsrMatrix {
  if (block.kind === 'csr') return block;
  const { rows, cols, data } = block;
  const indptr = new Int32Array(rows + 1);
  const nnz = nonZeroCount(block);
  const indices = new Int32Array(nnz);
  const values = new Float64Array(nnz);
  let k = 0;
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < cols; j++) {
      const v = data[i * cols + j];
      if (v !== 0) {
        indices[k] = j;
        values[k++] = v;
      }
    }
    indptr[i + 1] = k;
  }
  return csrMatrix(rows, cols, indptr, indices, values);
}

export type OutputFormat = 'auto' | 'dense' | 'sparse';

/**
 * Concatenates blocks side by side into one dense or CSR matrix. `auto` picks CSR when the
 * share of non-zeros is below `sparseThreshold` — one-hot blocks of many levels stay sparse
 * without ever being expanded.
 */
export function combineBlocks(
  blocks: readonly Matrix[],
  output: OutputFormat,
  sparseThreshold: number,
): Matrix {
  const rows = blocks[0].rows;
  const cols = blocks.reduce((s, b) => s + b.cols, 0);
  let sparse = output === 'sparse';
  if (output === 'auto' && rows * cols > 0) {
    const nnz = blocks.reduce((s, b) => s + nonZeroCount(b), 0);
    sparse = nnz / (rows * cols) < sparseThreshold;
  }
  if (!sparse) return hstack(blocks.map(toDense));
  return blocks.length === 1
    ? toCsr(blocks[0])
    : hstack(
        blocks.some((b) => b.kind === 'csr') ? blocks : [toCsr(blocks[0]), ...blocks.slice(1)],
      );
}
