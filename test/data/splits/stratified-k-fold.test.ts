import { describe, expect, it } from 'vitest';
import { InvalidParameterError } from '../../../src/errors.js';
import { categoricalFromStrings } from '../../../src/data/column.js';
import { stratifiedKFold } from '../../../src/data/splits/stratified-k-fold.js';
import { expectPartition, expectTestsCoverOnce } from './fold-assertions.js';

// 60 / 30 / 7 rows of three classes, interleaved.
const labels = Int32Array.from({ length: 97 }, (_, i) => (i < 60 ? 0 : i < 90 ? 1 : 2));

describe('stratifiedKFold', () => {
  const k = 5;
  const folds = stratifiedKFold(labels, { k, seed: 3 });

  it('partitions the rows in every fold and covers each row once in test', () => {
    for (const fold of folds) expectPartition(fold, labels.length);
    expectTestsCoverOnce(folds, labels.length);
  });

  it('keeps every class within ±1 of its expected count per test fold', () => {
    for (const c of [0, 1, 2]) {
      const expected = labels.filter((l) => l === c).length / k;
      for (const fold of folds) {
        const count = Array.from(fold.test).filter((i) => labels[i] === c).length;
        expect(Math.abs(count - expected)).toBeLessThan(1);
      }
    }
  });

  it('gives the same folds for the same seed and different ones for another', () => {
    expect(stratifiedKFold(labels, { k, seed: 3 })).toEqual(folds);
    expect(stratifiedKFold(labels, { k, seed: 4 })[0].test).not.toEqual(folds[0].test);
  });

  it('names the class that has fewer members than k', () => {
    const target = categoricalFromStrings('y', ['a', 'a', 'a', 'b', 'a', 'a']);
    expect(() => stratifiedKFold(target, { k: 3 })).toThrow(InvalidParameterError);
    expect(() => stratifiedKFold(target, { k: 3 })).toThrow(/class "b" has only 1 member/);
  });

  it('refuses missing labels', () => {
    expect(() => stratifiedKFold([0, 1, Number.NaN, 1, 0], { k: 2 })).toThrow(
      /missing value at row 2/,
    );
  });
});
