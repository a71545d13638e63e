import { describe, expect, it } from 'vitest';
import { InvalidParameterError } from '../../../src/errors.js';
import { repeatedKFold } from '../../../src/data/splits/repeated-k-fold.js';
import { expectTestsCoverOnce } from './fold-assertions.js';

describe('repeatedKFold', () => {
  it('returns repeats × k folds, each repeat covering every row once', () => {
    const folds = repeatedKFold(30, { k: 3, repeats: 2, seed: 1 });
    expect(folds).toHaveLength(6);
    expectTestsCoverOnce(folds.slice(0, 3), 30);
    expectTestsCoverOnce(folds.slice(3, 6), 30);
  });

  it('shuffles each repeat differently', () => {
    const folds = repeatedKFold(30, { k: 3, repeats: 2, seed: 1 });
    expect(folds[0].test).not.toEqual(folds[3].test);
  });

  it('stratifies every repeat when given labels', () => {
    const labels = Int32Array.from({ length: 40 }, (_, i) => (i < 30 ? 0 : 1));
    for (const fold of repeatedKFold(40, { k: 5, repeats: 2, stratify: labels, seed: 4 })) {
      expect(Array.from(fold.test).filter((i) => labels[i] === 1).length).toBe(2);
    }
  });

  it('gives the same folds for the same seed', () => {
    expect(repeatedKFold(20, { k: 4, seed: 8 })).toEqual(repeatedKFold(20, { k: 4, seed: 8 }));
  });

  it('refuses zero repeats', () => {
    expect(() => repeatedKFold(20, { repeats: 0 })).toThrow(InvalidParameterError);
  });
});
