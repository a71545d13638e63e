import { InvalidParameterError } from '../../errors.js';
import type { Column } from '../column.js';
import { Rng } from '../rng.js';
import { classCodes } from './class-labels.js';
import type { Fold } from './fold.js';
import { checkFoldCount, foldsFromAssignment } from './fold.js';

export interface StratifiedKFoldOptions {
  /** Number of folds; default 5. */
  readonly k?: number;
  readonly seed?: number;
}

/**
 * k folds that keep each class's share: every class's rows are shuffled and dealt round-robin
 * across folds, continuing from where the previous class stopped, so each fold holds
 * ⌊n_c/k⌋ or ⌈n_c/k⌉ rows of class c and fold sizes differ by at most one.
 *
 * @example
 * const folds = stratifiedKFold(frame.column('Status'), { k: 5, seed: 1 });
 */
export function stratifiedKFold(
  labels: Column | ArrayLike<number>,
  options: StratifiedKFoldOptions = {},
): Fold[] {
  const owner = 'stratifiedKFold';
  const k = options.k ?? 5;
  const { codes, names } = classCodes(owner, labels);
  checkFoldCount(owner, k, codes.length);
  const members = membersByClass(codes, names.length);
  members.forEach((rows, c) => {
    if (rows.length < k) {
      throw new InvalidParameterError(
        owner,
        'k',
        `is ${k} but class ${JSON.stringify(names[c])} has only ${rows.length} member${rows.length === 1 ? '' : 's'}; ` +
          `use k ≤ ${rows.length}, merge rare classes, or use kFold`,
      );
    }
  });
  const rng = new Rng(options.seed ?? 0);
  const assignment = new Int32Array(codes.length);
  let next = 0;
  for (const rows of members) {
    rng.shuffle(rows);
    for (let i = 0; i < rows.length; i++) {
      assignment[rows[i]] = next;
      next = next + 1 === k ? 0 : next + 1;
    }
  }
  return foldsFromAssignment(assignment, k);
}

/** Row indices of each class, ascending. */
export function membersByClass(codes: Int32Array, classes: number): Int32Array[] {
  const sizes = new Int32Array(classes);
  for (let i = 0; i < codes.length; i++) sizes[codes[i]]++;
  const members = Array.from(sizes, (size) => new Int32Array(size));
  const filled = new Int32Array(classes);
  for (let i = 0; i < codes.length; i++) members[codes[i]][filled[codes[i]]++] = i;
  return members;
}
