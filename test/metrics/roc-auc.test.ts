import { describe, expect, it } from 'vitest';
import { denseMatrix } from '../../src/data/matrix.js';
import { Rng } from '../../src/data/rng.js';
import { DataValidationError, InvalidParameterError } from '../../src/errors.js';
import { rocAucScore } from '../../src/metrics/index.js';

const rng = new Rng(31);
const n = 200;
const yTrue = Float64Array.from({ length: n }, () => (rng.next() < 0.4 ? 1 : 0));
// A coarse grid of scores so that many positives and negatives tie.
const scores = Float64Array.from(yTrue, (label) => Math.round((label * 0.3 + rng.next()) * 8) / 8);
const weights = Float64Array.from({ length: n }, () => rng.uniform(0, 2));

/** P(score⁺ > score⁻) + ½ P(score⁺ = score⁻) over weighted pairs: the Mann–Whitney reading of AUC. */
function pairwiseAuc(y: Float64Array, s: Float64Array, w: Float64Array): number {
  let concordant = 0;
  let pairs = 0;
  for (let i = 0; i < y.length; i++) {
    if (y[i] !== 1) continue;
    for (let j = 0; j < y.length; j++) {
      if (y[j] === 1) continue;
      const weight = w[i] * w[j];
      pairs += weight;
      concordant += s[i] > s[j] ? weight : s[i] === s[j] ? weight / 2 : 0;
    }
  }
  return concordant / pairs;
}

describe('rocAucScore', () => {
  it('counts tied positive/negative pairs as half concordant', () => {
    expect(rocAucScore(yTrue, scores)).toBeCloseTo(
      pairwiseAuc(yTrue, scores, new Float64Array(n).fill(1)),
      12,
    );
  });

  it('weights every positive/negative pair by the product of their weights', () => {
    expect(rocAucScore(yTrue, scores, { sampleWeight: weights })).toBeCloseTo(
      pairwiseAuc(yTrue, scores, weights),
      12,
    );
  });

  it('gives one half when every score is tied', () => {
    expect(rocAucScore(yTrue, new Float64Array(n).fill(0.3))).toBe(
      pairwiseAuc(yTrue, new Float64Array(n), weights.fill(1)),
    );
  });

  it('depends only on the order of the scores', () => {
    const squashed = scores.map((s) => 1 / (1 + Math.exp(-5 * s)));
    expect(rocAucScore(yTrue, squashed)).toBeCloseTo(rocAucScore(yTrue, scores), 14);
  });

  it('reads the positive-class column of a two-column probability matrix', () => {
    const P = denseMatrix(
      n,
      2,
      Float64Array.from({ length: 2 * n }, (_, k) =>
        k % 2 === 1 ? scores[k >> 1] : 1 - scores[k >> 1],
      ),
    );
    expect(rocAucScore(yTrue, P)).toBe(rocAucScore(yTrue, scores));
  });

  it('throws DataValidationError when y_true holds one class', () => {
    expect(() => rocAucScore(new Float64Array(n), scores)).toThrow(DataValidationError);
  });

  it('throws DataValidationError when y_true holds a label missing from the classes', () => {
    const P = denseMatrix(3, 3, Float64Array.of(1, 0, 0, 0, 1, 0, 0, 0, 1));
    expect(() => rocAucScore(Float64Array.of(0, 1, 5), P)).toThrow(DataValidationError);
  });

  it('rejects an unknown average with InvalidParameterError', () => {
    expect(() => rocAucScore(yTrue, scores, { average: 'micro' as 'macro' })).toThrow(
      InvalidParameterError,
    );
  });
});
