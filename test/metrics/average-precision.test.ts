import { describe, expect, it } from 'vitest';
import { Rng } from '../../src/data/rng.js';
import { averagePrecisionScore } from '../../src/metrics/index.js';

const rng = new Rng(5);
const n = 150;
const yTrue = Float64Array.from({ length: n }, () => (rng.next() < 0.3 ? 1 : 0));
const distinctScores = Float64Array.from(yTrue, (label) => label * 0.4 + rng.next());

describe('averagePrecisionScore', () => {
  it('equals the mean precision at the rank of each positive when scores are distinct', () => {
    const order = Array.from(distinctScores.keys()).sort(
      (a, b) => distinctScores[b] - distinctScores[a],
    );
    let positivesSeen = 0;
    let sum = 0;
    order.forEach((i, rank) => {
      if (yTrue[i] !== 1) return;
      positivesSeen++;
      sum += positivesSeen / (rank + 1);
    });
    expect(averagePrecisionScore(yTrue, distinctScores)).toBeCloseTo(sum / positivesSeen, 12);
  });

  it('treats tied scores as one threshold: all tied gives the share of positives', () => {
    const positives = yTrue.reduce((a, b) => a + b, 0);
    expect(averagePrecisionScore(yTrue, new Float64Array(n).fill(0.5))).toBeCloseTo(
      positives / n,
      14,
    );
  });

  it('ignores rows of weight zero', () => {
    const weights = Float64Array.from({ length: n }, (_, i) => (i < 100 ? 1 : 0));
    const kept = averagePrecisionScore(yTrue.subarray(0, 100), distinctScores.subarray(0, 100));
    expect(averagePrecisionScore(yTrue, distinctScores, { sampleWeight: weights })).toBe(kept);
  });

  it('uses the given positive label', () => {
    const flipped = yTrue.map((label) => 1 - label);
    expect(averagePrecisionScore(flipped, distinctScores, { positiveLabel: 0 })).toBeCloseTo(
      averagePrecisionScore(yTrue, distinctScores),
      14,
    );
  });
});
