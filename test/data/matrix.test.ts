import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  toCsr,
  denseFromRows,
  denseMatrix,
  hstack,
  matTVec,
  matVec,
  takeRows,
  toColumnMajor,
  toDense,
} from '../../src/data/matrix.js';
import { ShapeMismatchError } from '../../src/errors.js';

const sparseish = fc
  .tuple(fc.integer({ min: 1, max: 6 }), fc.integer({ min: 1, max: 5 }))
  .chain(([rows, cols]) =>
    fc
      .array(fc.oneof(fc.constant(0), fc.integer({ min: -9, max: 9 })), {
        minLength: rows * cols,
        maxLength: rows * cols,
      })
      .map((values) => denseMatrix(rows, cols, Float64Array.from(values))),
  );

describe('matrix helpers', () => {
  it('matVec and matTVec agree between dense and CSR forms of the same matrix', () => {
    fc.assert(
      fc.property(sparseish, (X) => {
        const S = toCsr(X);
        const w = Float64Array.from({ length: X.cols }, (_, j) => j - 1.5);
        const v = Float64Array.from({ length: X.rows }, (_, i) => 2 - i);
        expect(matVec(S, w, 0.5)).toEqual(matVec(X, w, 0.5));
        expect(matTVec(S, v)).toEqual(matTVec(X, v));
        expect(toDense(S).data).toEqual(X.data);
      }),
    );
  });

  it('matVec computes X·w + b', () => {
    const X = denseFromRows([
      [1, 2],
      [3, 4],
    ]);
    expect(Array.from(matVec(X, Float64Array.from([10, 1]), 1))).toEqual([13, 35]);
    expect(Array.from(matTVec(X, Float64Array.from([1, -1])))).toEqual([-2, -2]);
  });

  it('takeRows copies the chosen rows in order for both kinds', () => {
    const X = denseFromRows([
      [1, 0],
      [0, 2],
      [3, 0],
    ]);
    expect(Array.from(takeRows(X, [2, 0]).data)).toEqual([3, 0, 1, 0]);
    expect(Array.from(toDense(takeRows(toCsr(X), [2, 0])).data)).toEqual([3, 0, 1, 0]);
  });

  it('hstack of dense blocks is dense, and with a CSR block is CSR with the same values', () => {
    const A = denseFromRows([[1], [2]]);
    const B = denseFromRows([
      [0, 5],
      [6, 0],
    ]);
    const dense = hstack([A, B]);
    expect(dense.kind).toBe('dense');
    expect(Array.from(dense.data)).toEqual([1, 0, 5, 2, 6, 0]);
    const mixed = hstack([A, toCsr(B)]);
    expect(mixed.kind).toBe('csr');
    expect(Array.from(toDense(mixed).data)).toEqual([1, 0, 5, 2, 6, 0]);
  });

  it('toColumnMajor transposes the storage order', () => {
    const X = denseFromRows([
      [1, 2, 3],
      [4, 5, 6],
    ]);
    expect(Array.from(toColumnMajor(X))).toEqual([1, 4, 2, 5, 3, 6]);
  });

  it('shape errors say what was expected', () => {
    expect(() => denseMatrix(2, 2, new Float64Array(3))).toThrow(ShapeMismatchError);
    expect(() => denseFromRows([[1, 2], [3]])).toThrow(/row 1 has 1 values, expected 2/);
    expect(() => hstack([denseMatrix(2, 1), denseMatrix(3, 1)])).toThrow(/rows/);
    expect(() => matVec(denseMatrix(1, 3), new Float64Array(2))).toThrow(/3 columns/);
  });
});
