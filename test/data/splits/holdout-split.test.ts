import { describe, expect, it } from 'vitest';
import { InvalidParameterError } from '../../../src/errors.js';
import { holdoutSplit } from '../../../src/data/splits/holdout-split.js';
import { expectPartition } from './fold-assertions.js';

describe('holdoutSplit', () => {
  it('holds out the ceiling of the test share and partitions the rows', () => {
    const [fold] = holdoutSplit(101, { testSize: 0.2, seed: 1 });
    expect(fold.test.length).toBe(21);
    expectPartition(fold, 101);
  });

  it('accepts a row count as test size', () => {
    expect(holdoutSplit(50, { testSize: 7 })[0].test.length).toBe(7);
  });

  it('keeps class shares when stratified', () => {
    const labels = Int32Array.from({ length: 100 }, (_, i) => (i < 80 ? 0 : 1));
    const [fold] = holdoutSplit(100, { testSize: 0.25, stratify: labels, seed: 2 });
    expect(fold.test.length).toBe(25);
    expect(Array.from(fold.test).filter((i) => labels[i] === 1).length).toBe(5);
  });

  it('depends on the seed and only on the seed', () => {
    expect(holdoutSplit(40, { seed: 5 })).toEqual(holdoutSplit(40, { seed: 5 }));
    expect(holdoutSplit(40, { seed: 5 })[0].test).not.toEqual(
      holdoutSplit(40, { seed: 6 })[0].test,
    );
  });

  it('refuses a test size that leaves no training rows', () => {
    expect(() => holdoutSplit(10, { testSize: 10 })).toThrow(InvalidParameterError);
    expect(() => holdoutSplit(10, { testSize: 0 })).toThrow(/testSize/);
  });
});
