import type { Column } from '../column.js';
import { InvalidParameterError } from '../../errors.js';
import { Rng } from '../rng.js';
import type { Fold } from './fold.js';
import { kFold } from './k-fold.js';
import { stratifiedKFold } from './stratified-k-fold.js';

export interface RepeatedKFoldOptions {
  /** Folds per repeat; default 5. */
  readonly k?: number;
  /** Number of repeats, each with its own shuffle; default 3. */
  readonly repeats?: number;
  readonly seed?: number;
  /** Stratify every repeat by these class labels (a target column or labels). */
  readonly stratify?: Column | ArrayLike<number>;
}

/**
 * k-fold repeated with fresh shuffles: `repeats × k` folds, repeat r's folds at
 * `[r·k, (r+1)·k)`. Each repeat's seed is drawn from one {@link Rng} seeded with `seed`.
 *
 * @example
 * const folds = repeatedKFold(frame.rows, { k: 5, repeats: 2, stratify: frame.column('y'), seed: 3 });
 */
export function repeatedKFold(rows: number, options: RepeatedKFoldOptions = {}): Fold[] {
  const repeats = options.repeats ?? 3;
  if (!Number.isInteger(repeats) || repeats < 1) {
    throw new InvalidParameterError(
      'repeatedKFold',
      'repeats',
      `must be a whole number of at least 1, got ${repeats}`,
    );
  }
  const rng = new Rng(options.seed ?? 0);
  const folds: Fold[] = [];
  for (let r = 0; r < repeats; r++) {
    const seed = rng.nextUint32();
    const k = options.k ?? 5;
    if (options.stratify !== undefined) {
      const labelCount = 'kind' in options.stratify ? rows : options.stratify.length;
      if (labelCount !== rows) {
        throw new InvalidParameterError(
          'repeatedKFold',
          'stratify',
          `has ${labelCount} labels but there are ${rows} rows`,
        );
      }
      folds.push(...stratifiedKFold(options.stratify, { k, seed }));
    } else {
      folds.push(...kFold(rows, { k, seed }));
    }
  }
  return folds;
}
