import { describe, expect, it } from 'vitest';
import { denseMatrix } from '../../../src/data/matrix.js';
import { Rng } from '../../../src/data/rng.js';
import { partitionNode } from '../../../src/learners/tree/node-partition.js';
import { rankColumns } from '../../../src/learners/tree/ranked-columns.js';

describe('partitionNode', () => {
  const rng = new Rng(5);
  const values = Float64Array.from({ length: 300 }, (_, i) =>
    i % 11 === 0 ? Number.NaN : rng.nextInt(40),
  );
  const ranked = rankColumns(denseMatrix(values.length, 1, values));
  const threshold = 17.5;
  const cutCode = ranked.levels.findLastIndex((level) => level <= threshold);

  for (const missingLeft of [false, true]) {
    it(`puts rows at or below the threshold first, keeping each side's order (missing left: ${missingLeft})`, () => {
      const samples = Int32Array.from({ length: values.length }, (_, i) => i);
      const split = { feature: 0, threshold, cutCode, missingLeft, sawMissing: true };
      const leftCount = partitionNode(samples, ranked, 50, 250, split, new Int32Array(300));
      const goesLeft = (s: number): boolean =>
        Number.isNaN(values[s]) ? missingLeft : values[s] <= threshold;
      const node = Array.from({ length: 200 }, (_, i) => 50 + i);
      expect(Array.from(samples.subarray(50, 50 + leftCount))).toEqual(node.filter(goesLeft));
      expect(Array.from(samples.subarray(50 + leftCount, 250))).toEqual(
        node.filter((s) => !goesLeft(s)),
      );
      expect(Array.from(samples.subarray(0, 50))).toEqual(Array.from({ length: 50 }, (_, i) => i));
    });
  }
});
