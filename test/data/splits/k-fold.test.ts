import { describe, expect, it } from 'vitest';
import { InvalidParameterError } from '../../../src/errors.js';
import { kFold } from '../../../src/data/splits/k-fold.js';
import { expectPartition, expectTestsCoverOnce } from './fold-assertions.js';

describe('kFold', () => {
  it('makes k folds whose train and test partition the rows', () => {
    const folds = kFold(23, { k: 4, seed: 1 });
    expect(folds).toHaveLength(4);
    for (const fold of folds) expectPartition(fold, 23);
  });

  it('puts every row in exactly one test fold', () => {
    expectTestsCoverOnce(kFold(23, { k: 4, seed: 1 }), 23);
  });

  it('makes test folds whose sizes differ by at most one', () => {
    const sizes = kFold(23, { k: 4 }).map((f) => f.test.length);
    expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
  });

  it('gives the same folds for the same seed', () => {
    expect(kFold(50, { seed: 9 })).toEqual(kFold(50, { seed: 9 }));
  });

  it('gives different folds for different seeds', () => {
    expect(kFold(50, { seed: 9 })[0].test).not.toEqual(kFold(50, { seed: 10 })[0].test);
  });

  it('keeps contiguous blocks without shuffling', () => {
    expect(Array.from(kFold(6, { k: 3, shuffle: false })[1].test)).toEqual([2, 3]);
  });

  it('refuses k below 2 and k above the row count', () => {
    expect(() => kFold(10, { k: 1 })).toThrow(InvalidParameterError);
    expect(() => kFold(3, { k: 4 })).toThrow(/only 3 rows/);
  });
});
