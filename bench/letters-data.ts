/**
 * The letters data for benchmarks: 20,000 rows of 16 numeric features, 26 classes (the letter);
 * a fixed shuffle (seed 42) gives 16,000 training and 4,000 test rows.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DenseMatrix } from '../src/data/matrix.js';
import { denseMatrix, takeRows } from '../src/data/matrix.js';
import { Rng } from '../src/data/rng.js';
import { repoRoot } from './report.js';

export interface Split {
  readonly name: string;
  readonly train: DenseMatrix;
  readonly yTrain: Float64Array;
  readonly test: DenseMatrix;
  readonly yTest: Float64Array;
  readonly categorical: readonly number[];
  /** 'accuracy' for multiclass, 'AUC' for binary. */
  readonly quality: 'accuracy' | 'AUC';
}

export function loadLetters(): Split {
  const lines = readFileSync(join(repoRoot, 'examples', 'data', 'letters.csv'), 'utf8')
    .trim()
    .split('\n')
    .slice(1);
  const labels = lines.map((line) => line.slice(1, 2));
  const classes = [...new Set(labels)].sort();
  const cols = lines[0].split(',').length - 1;
  const data = new Float64Array(lines.length * cols);
  lines.forEach((line, i) => data.set(line.split(',').slice(1).map(Number), i * cols));
  const X = denseMatrix(lines.length, cols, data);
  const y = Float64Array.from(labels, (l) => classes.indexOf(l));
  const order = new Rng(42).permutation(X.rows);
  const trainIdx = order.subarray(0, 16000);
  const testIdx = order.subarray(16000);
  return {
    name: 'letters 16k/4k, 26 classes',
    train: takeRows(X, trainIdx) as DenseMatrix,
    yTrain: Float64Array.from(trainIdx, (i) => y[i]),
    test: takeRows(X, testIdx) as DenseMatrix,
    yTest: Float64Array.from(testIdx, (i) => y[i]),
    categorical: [],
    quality: 'accuracy',
  };
}
