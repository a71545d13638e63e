import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DenseMatrix } from '../../../src/data/matrix.js';
import { denseMatrix } from '../../../src/data/matrix.js';

/** One scikit-learn tree fitted by bench/anchors/tree_fixtures.py. */
export interface TreeFixtureCase {
  readonly options: { criterion: string; maxDepth: number; minSamplesLeaf: number };
  /** Regressors: scikit-learn's predictions on the held-out rows. */
  readonly predictions?: number[];
  /** Classifiers: predictions of the trees grown with random_state 0..4. */
  readonly predictionsBySeed?: number[][];
  readonly accuracy?: number;
  readonly nodeCount: number;
}

export interface TreeFixture {
  readonly X: DenseMatrix;
  readonly y: Float64Array;
  readonly XTest: DenseMatrix;
  readonly yTest: Float64Array;
  readonly cases: readonly TreeFixtureCase[];
}

const here = join(import.meta.dirname, '..', '..', 'fixtures');

export function loadTreeFixture(name: string): TreeFixture {
  const raw = JSON.parse(readFileSync(join(here, name), 'utf8')) as Record<string, unknown>;
  const cols = raw.cols as number;
  return {
    X: denseMatrix(raw.rows as number, cols, Float64Array.from(raw.X as number[])),
    y: Float64Array.from(raw.y as number[]),
    XTest: denseMatrix(raw.testRows as number, cols, Float64Array.from(raw.XTest as number[])),
    yTest: Float64Array.from(raw.yTest as number[]),
    cases: raw.cases as TreeFixtureCase[],
  };
}

/** Share of positions where two label arrays agree exactly. */
export function agreement(ours: ArrayLike<number>, reference: ArrayLike<number>): number {
  let same = 0;
  for (let i = 0; i < reference.length; i++) if (ours[i] === reference[i]) same++;
  return same / reference.length;
}
