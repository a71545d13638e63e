import { InvalidParameterError } from '../../errors.js';

/** One train/test split: row indices, each ascending, disjoint. */
export interface Fold {
  readonly train: Int32Array;
  readonly test: Int32Array;
}

/** Checks that k is an integer in [2, rows]. */
export function checkFoldCount(owner: string, k: number, rows: number, what = 'rows'): void {
  if (!Number.isInteger(k) || k < 2) {
    throw new InvalidParameterError(owner, 'k', `must be an integer of at least 2, got ${k}`);
  }
  if (k > rows) {
    throw new InvalidParameterError(
      owner,
      'k',
      `is ${k} but there are only ${rows} ${what}; use k ≤ ${rows}`,
    );
  }
}

/** Builds k folds from each row's fold number (every row in exactly one test set). */
export function foldsFromAssignment(assignment: Int32Array, k: number): Fold[] {
  const testSizes = new Int32Array(k);
  for (let i = 0; i < assignment.length; i++) testSizes[assignment[i]]++;
  const folds: Fold[] = [];
  for (let f = 0; f < k; f++) {
    const test = new Int32Array(testSizes[f]);
    const train = new Int32Array(assignment.length - testSizes[f]);
    let t = 0;
    let r = 0;
    for (let i = 0; i < assignment.length; i++) {
      if (assignment[i] === f) test[t++] = i;
      else train[r++] = i;
    }
    folds.push(Object.freeze({ train, test }));
  }
  return folds;
}

/** A fold whose test rows are flagged in `isTest`. */
export function foldFromMask(isTest: Uint8Array): Fold {
  let tests = 0;
  for (let i = 0; i < isTest.length; i++) tests += isTest[i];
  const test = new Int32Array(tests);
  const train = new Int32Array(isTest.length - tests);
  let t = 0;
  let r = 0;
  for (let i = 0; i < isTest.length; i++) {
    if (isTest[i] === 1) test[t++] = i;
    else train[r++] = i;
  }
  return Object.freeze({ train, test });
}
