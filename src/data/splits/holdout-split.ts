import { InvalidParameterError } from '../../errors.js';
import type { Column } from '../column.js';
import { Rng } from '../rng.js';
import { classCodes } from './class-labels.js';
import type { Fold } from './fold.js';
import { foldFromMask } from './fold.js';
import { membersByClass } from './stratified-k-fold.js';

export interface HoldoutOptions {
  /** Share of rows in (0, 1), or a row count ≥ 1, held out for testing; default 0.2. */
  readonly testSize?: number;
  readonly seed?: number;
  /** Keep each class's share in both parts (a target column or class labels). */
  readonly stratify?: Column | ArrayLike<number>;
}

/**
 * One random train/test split (returned as a single-fold array so it plugs in wherever folds do).
 * The test part has ⌈testSize·rows⌉ rows for a share, as scikit-learn's `train_test_split`.
 *
 * @example
 * const [{ train, test }] = holdoutSplit(frame.rows, { testSize: 0.25, seed: 7 });
 */
export function holdoutSplit(rows: number, options: HoldoutOptions = {}): Fold[] {
  const owner = 'holdoutSplit';
  const testSize = options.testSize ?? 0.2;
  const testCount = testSize < 1 ? Math.ceil(testSize * rows) : testSize;
  if (!(testSize > 0) || (testSize >= 1 && !Number.isInteger(testSize)) || testCount >= rows) {
    throw new InvalidParameterError(
      owner,
      'testSize',
      `must be a share in (0, 1) or a whole number of rows below ${rows}, got ${testSize}`,
    );
  }
  const rng = new Rng(options.seed ?? 0);
  const isTest = new Uint8Array(rows);
  if (options.stratify === undefined) {
    const order = rng.permutation(rows);
    for (let i = 0; i < testCount; i++) isTest[order[i]] = 1;
    return [foldFromMask(isTest)];
  }
  const { codes, names } = classCodes(owner, options.stratify);
  if (codes.length !== rows) {
    throw new InvalidParameterError(
      owner,
      'stratify',
      `has ${codes.length} labels but there are ${rows} rows`,
    );
  }
  const members = membersByClass(codes, names.length);
  const quotas = classQuotas(
    members.map((m) => m.length),
    testCount,
  );
  members.forEach((rowsOfClass, c) => {
    if (rowsOfClass.length < 2) {
      throw new InvalidParameterError(
        owner,
        'stratify',
        `class ${JSON.stringify(names[c])} has only 1 member; each class needs one row on each side`,
      );
    }
    rng.shuffle(rowsOfClass);
    const quota = Math.min(Math.max(quotas[c], 1), rowsOfClass.length - 1);
    for (let i = 0; i < quota; i++) isTest[rowsOfClass[i]] = 1;
  });
  return [foldFromMask(isTest)];
}

/** Test rows per class proportional to class sizes, summing to `total` (largest remainders). */
function classQuotas(sizes: readonly number[], total: number): number[] {
  const n = sizes.reduce((a, b) => a + b, 0);
  const exact = sizes.map((s) => (s * total) / n);
  const quotas = exact.map(Math.floor);
  let left = total - quotas.reduce((a, b) => a + b, 0);
  const byRemainder = exact
    .map((e, c) => [e - Math.floor(e), c] as const)
    .sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (const [, c] of byRemainder) {
    if (left-- <= 0) break;
    quotas[c]++;
  }
  return quotas;
}
