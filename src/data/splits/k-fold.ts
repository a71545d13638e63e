import { Rng } from '../rng.js';
import type { Fold } from './fold.js';
import { checkFoldCount, foldsFromAssignment } from './fold.js';

export interface KFoldOptions {
  /** Number of folds; default 5. */
  readonly k?: number;
  /** Shuffle rows before cutting them into folds; default true. */
  readonly shuffle?: boolean;
  readonly seed?: number;
}

/**
 * Plain k-fold cross-validation: rows (shuffled by a seeded {@link Rng} unless `shuffle` is
 * false) cut into k contiguous test blocks whose sizes differ by at most one.
 *
 * @example
 * for (const { train, test } of kFold(frame.rows, { k: 5, seed: 42 })) { ... }
 */
export function kFold(rows: number, options: KFoldOptions = {}): Fold[] {
  const k = options.k ?? 5;
  checkFoldCount('kFold', k, rows);
  const order =
    options.shuffle === false ? identity(rows) : new Rng(options.seed ?? 0).permutation(rows);
  const assignment = new Int32Array(rows);
  // The first rows % k folds get one extra row, as scikit-learn's KFold.
  const base = Math.floor(rows / k);
  const extra = rows % k;
  let position = 0;
  for (let f = 0; f < k; f++) {
    const size = base + (f < extra ? 1 : 0);
    for (let i = 0; i < size; i++) assignment[order[position++]] = f;
  }
  return foldsFromAssignment(assignment, k);
}

function identity(n: number): Int32Array {
  const out = new Int32Array(n);
  for (let i = 0; i < n; i++) out[i] = i;
  return out;
}
