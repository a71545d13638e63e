import { expect } from 'vitest';
import type { Frame } from '../../src/data/frame.js';
import type { Matrix } from '../../src/data/matrix.js';
import { toDense } from '../../src/data/matrix.js';

/** Row values of a frame column, categorical ones as their level strings (codes may differ). */
function columnValues(frame: Frame, name: string): (number | string | null)[] {
  const column = frame.column(name);
  if (column.kind === 'categorical')
    return Array.from(column.codes, (c) => (c < 0 ? null : column.levels[c]));
  return Array.from(column.values);
}

/** Frames hold the same columns, kinds and values (NaN equal to NaN). */
export function expectSameFrame(actual: Frame, expected: Frame): void {
  expect(actual.columnNames).toEqual(expected.columnNames);
  for (const name of expected.columnNames) {
    expect(actual.column(name).kind).toBe(expected.column(name).kind);
    expect(columnValues(actual, name)).toEqual(columnValues(expected, name));
  }
}

/** Matrices hold the same values (compared dense; NaN equal to NaN). */
export function expectSameMatrix(actual: Matrix, expected: Matrix): void {
  expect([actual.rows, actual.cols]).toEqual([expected.rows, expected.cols]);
  expect(toDense(actual).data).toEqual(toDense(expected).data);
}

export function expectSameOutput(actual: Frame | Matrix, expected: Frame | Matrix): void {
  if ('kind' in expected) expectSameMatrix(actual as Matrix, expected);
  else expectSameFrame(actual as Frame, expected);
}
