import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { DenseMatrix } from '../../../src/data/matrix.js';
import { denseMatrix } from '../../../src/data/matrix.js';

/** One case of test/fixtures/bayes_golden.json (written by bench/anchors/bayes_fixtures.py). */
export interface BayesGoldenCase {
  readonly name: string;
  readonly learner: 'GaussianNB' | 'CategoricalNB';
  readonly options: Record<string, unknown>;
  readonly X: number[];
  readonly y: number[];
  readonly cols: number;
  readonly sampleWeight: number[] | null;
  readonly XTest: number[];
  readonly classes: number[];
  readonly classCount: number[];
  readonly proba: number[];
  readonly predict: number[];
  readonly classPrior?: number[];
  readonly theta?: number[];
  readonly variance?: number[];
  readonly epsilon?: number;
  readonly classLogPrior?: number[];
  readonly categoryCounts?: number[];
  readonly featureLogProb?: number[][];
}

export function loadBayesGolden(): BayesGoldenCase[] {
  const path = fileURLToPath(new URL('../../fixtures/bayes_golden.json', import.meta.url));
  return (JSON.parse(readFileSync(path, 'utf8')) as { cases: BayesGoldenCase[] }).cases;
}

export function trainingMatrix(c: BayesGoldenCase): DenseMatrix {
  return denseMatrix(c.y.length, c.cols, Float64Array.from(c.X));
}

export function testMatrix(c: BayesGoldenCase): DenseMatrix {
  return denseMatrix(c.XTest.length / c.cols, c.cols, Float64Array.from(c.XTest));
}

/** Largest |a − e| / max(|e|, floor) over two arrays of equal length. */
export function worstRelativeError(
  actual: ArrayLike<number>,
  expected: ArrayLike<number>,
  floor = 1e-300,
): number {
  if (actual.length !== expected.length) return Infinity;
  let worst = 0;
  for (let i = 0; i < expected.length; i++) {
    if (actual[i] === expected[i]) continue;
    worst = Math.max(
      worst,
      Math.abs(actual[i] - expected[i]) / Math.max(Math.abs(expected[i]), floor),
    );
  }
  return worst;
}
