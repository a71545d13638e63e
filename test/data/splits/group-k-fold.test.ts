import { describe, expect, it } from 'vitest';
import { InvalidParameterError } from '../../../src/errors.js';
import { categoricalFromStrings } from '../../../src/data/column.js';
import { groupKFold } from '../../../src/data/splits/group-k-fold.js';
import { expectPartition, expectTestsCoverOnce } from './fold-assertions.js';

const groups = Int32Array.from({ length: 60 }, (_, i) => i % 11);

describe('groupKFold', () => {
  const folds = groupKFold(groups, { k: 4, seed: 2 });

  it('partitions rows and covers each row once in test', () => {
    for (const fold of folds) expectPartition(fold, groups.length);
    expectTestsCoverOnce(folds, groups.length);
  });

  it('never splits a group between train and test', () => {
    for (const fold of folds) {
      const testGroups = new Set(Array.from(fold.test, (i) => groups[i]));
      expect(Array.from(fold.train).some((i) => testGroups.has(groups[i]))).toBe(false);
    }
  });

  it('accepts a categorical column of group names', () => {
    const names = categoricalFromStrings('customer', ['a', 'b', 'a', 'c', 'b', 'c']);
    expect(groupKFold(names, { k: 3 })).toHaveLength(3);
  });

  it('is reproducible for a seed and breaks size ties differently for another', () => {
    expect(groupKFold(groups, { k: 4, seed: 2 })).toEqual(folds);
    const seeds = [3, 4, 5, 6].map((seed) => groupKFold(groups, { k: 4, seed })[0].test.join());
    expect(seeds.some((s) => s !== folds[0].test.join())).toBe(true);
  });

  it('refuses more folds than groups', () => {
    expect(() => groupKFold([1, 1, 2, 2], { k: 3 })).toThrow(InvalidParameterError);
    expect(() => groupKFold([1, 1, 2, 2], { k: 3 })).toThrow(/only 2 groups/);
  });
});
