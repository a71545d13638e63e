import { InvalidParameterError } from '../../errors.js';
import type { Column } from '../column.js';
import type { Fold } from './fold.js';

export interface TimeSeriesSplitOptions {
  /** Number of splits; default 5. */
  readonly k?: number;
  /** Rows left out between the end of training and the start of testing; default 0. */
  readonly gap?: number;
  /** Rows per test window; default ⌊rows / (k + 1)⌋. */
  readonly testSize?: number;
}

/**
 * Expanding-window splits over rows ordered by time, as scikit-learn's TimeSeriesSplit: the
 * last k windows of `testSize` rows are tested in turn, each trained on every earlier row but
 * the `gap` just before it. Deterministic (no shuffling: the future must stay unseen).
 *
 * @example
 * const folds = timeSeriesSplit(frame.column('date'), { k: 4, gap: 7 });
 */
export function timeSeriesSplit(
  times: Column | ArrayLike<number>,
  options: TimeSeriesSplitOptions = {},
): Fold[] {
  const owner = 'timeSeriesSplit';
  const values =
    'kind' in times
      ? times.kind === 'categorical'
        ? Float64Array.from(times.codes)
        : times.values
      : times;
  const rows = values.length;
  const k = options.k ?? 5;
  const gap = options.gap ?? 0;
  if (!Number.isInteger(k) || k < 2)
    throw new InvalidParameterError(owner, 'k', `must be an integer of at least 2, got ${k}`);
  if (!Number.isInteger(gap) || gap < 0)
    throw new InvalidParameterError(owner, 'gap', `must be a whole number ≥ 0, got ${gap}`);
  const testSize = options.testSize ?? Math.floor(rows / (k + 1));
  if (!Number.isInteger(testSize) || testSize < 1) {
    throw new InvalidParameterError(
      owner,
      'testSize',
      `must be a whole number ≥ 1, got ${testSize} (too few rows for k = ${k}?)`,
    );
  }
  if (rows - gap - k * testSize < 1) {
    throw new InvalidParameterError(
      owner,
      'k',
      `is ${k}: ${k} test windows of ${testSize} rows plus a gap of ${gap} leave no training rows out of ${rows}`,
    );
  }
  for (let i = 0; i < rows; i++) {
    if (Number.isNaN(values[i]))
      throw new InvalidParameterError(
        owner,
        'times',
        `has a missing time at row ${i}; drop or fill it first`,
      );
  }
  // Stable sort by time keeps file order among equal timestamps.
  const order = Int32Array.from({ length: rows }, (_, i) => i).sort(
    (a, b) => values[a] - values[b] || a - b,
  );
  const folds: Fold[] = [];
  for (let start = rows - k * testSize; start < rows; start += testSize) {
    const train = order.slice(0, start - gap).sort();
    const test = order.slice(start, start + testSize).sort();
    folds.push(Object.freeze({ train, test }));
  }
  return folds;
}
