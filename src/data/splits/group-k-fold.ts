import { InvalidParameterError } from '../../errors.js';
import type { Column } from '../column.js';
import { Rng } from '../rng.js';
import { classCodes } from './class-labels.js';
import type { Fold } from './fold.js';
import { checkFoldCount, foldsFromAssignment } from './fold.js';

export interface GroupKFoldOptions {
  /** Number of folds; default 5. */
  readonly k?: number;
  /** Breaks ties between groups of equal size; default 0. */
  readonly seed?: number;
}

/**
 * k folds that never split a group (all rows of a customer, patient, ... land in the same test
 * fold). As scikit-learn's GroupKFold: groups, largest first, each go to the fold with the fewest
 * rows so far; the seed shuffles groups of equal size.
 *
 * @example
 * const folds = groupKFold(frame.column('customer_id'), { k: 5 });
 */
export function groupKFold(
  groups: Column | ArrayLike<number>,
  options: GroupKFoldOptions = {},
): Fold[] {
  const owner = 'groupKFold';
  const k = options.k ?? 5;
  let coded;
  try {
    coded = classCodes(owner, groups);
  } catch {
    throw new InvalidParameterError(owner, 'groups', 'has missing values; every row needs a group');
  }
  const { codes, names } = coded;
  checkFoldCount(owner, k, names.length, 'groups');
  const sizes = new Int32Array(names.length);
  for (let i = 0; i < codes.length; i++) sizes[codes[i]]++;
  const order = Array.from(new Rng(options.seed ?? 0).permutation(names.length));
  order.sort((a, b) => sizes[b] - sizes[a]); // stable: ties keep their shuffled order
  const foldOfGroup = new Int32Array(names.length);
  const foldRows = new Float64Array(k);
  for (const g of order) {
    let lightest = 0;
    for (let f = 1; f < k; f++) if (foldRows[f] < foldRows[lightest]) lightest = f;
    foldOfGroup[g] = lightest;
    foldRows[lightest] += sizes[g];
  }
  const assignment = new Int32Array(codes.length);
  for (let i = 0; i < codes.length; i++) assignment[i] = foldOfGroup[codes[i]];
  return foldsFromAssignment(assignment, k);
}
