/**
 * Forests, argmin vs scikit-learn (100 trees, n_jobs=1, default max_features) on the SAME
 * rows: letters (16000 / 4000, 26 classes) with a random forest and extra trees, credit
 * (numeric columns, median-imputed, 3454 / 1000) with a random forest, and ames (numeric
 * columns, median-imputed, Sale_Price, 2200 / 730) with a random forest regressor. The anchor
 * prepares the designs and writes them as float64 files; both sides report the median fit time
 * of 3 fits (seeds 0, 1, 2) and the mean held-out accuracy (classifiers) or R² (regressor).
 *
 *   npx tsc -p tsconfig.build.json && node dist/bench/forest.js
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DenseMatrix } from '../src/data/matrix.js';
import { denseMatrix } from '../src/data/matrix.js';
import {
  ExtraTreesClassifier,
  RandomForestClassifier,
  RandomForestRegressor,
} from '../src/learners/forest/index.js';
import type { BenchRow } from './report.js';
import { printMarkdown, runAnchor, writeResults } from './report.js';

const REPEATS = 3;
const TREES = 100;

interface AnchorCase {
  readonly dataset: string;
  readonly model: 'random_forest' | 'extra_trees';
  readonly task: 'classification' | 'regression';
  readonly trainRows: number;
  readonly testRows: number;
  readonly cols: number;
  readonly fitSeconds: number;
  readonly score: number;
}

interface Predictor {
  predict(X: DenseMatrix): Float64Array;
}

const ANCHOR_CLASS = {
  'classification/random_forest': 'RandomForestClassifier',
  'classification/extra_trees': 'ExtraTreesClassifier',
  'regression/random_forest': 'RandomForestRegressor',
  'regression/extra_trees': 'ExtraTreesRegressor',
} as const;

function readFloat64(path: string): Float64Array {
  const bytes = readFileSync(path);
  return new Float64Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.length));
}

function fitForest(c: AnchorCase, X: DenseMatrix, y: Float64Array, seed: number): Predictor {
  const options = { nEstimators: TREES, seed };
  if (c.task === 'regression') return new RandomForestRegressor(options).fit(X, y);
  if (c.model === 'extra_trees') return new ExtraTreesClassifier(options).fit(X, y);
  return new RandomForestClassifier(options).fit(X, y);
}

/** Accuracy for classifiers, R² for the regressor, as scikit-learn's `score`. */
function heldOutScore(task: AnchorCase['task'], predicted: Float64Array, y: Float64Array): number {
  if (task === 'classification') {
    let correct = 0;
    for (let i = 0; i < y.length; i++) if (predicted[i] === y[i]) correct++;
    return correct / y.length;
  }
  let mean = 0;
  for (let i = 0; i < y.length; i++) mean += y[i] / y.length;
  let residual = 0;
  let total = 0;
  for (let i = 0; i < y.length; i++) {
    residual += (y[i] - predicted[i]) ** 2;
    total += (y[i] - mean) ** 2;
  }
  return 1 - residual / total;
}

const dir = mkdtempSync(join(tmpdir(), 'argmin-forest-'));
const prefix = join(dir, 'design');
const anchor = runAnchor('forest_anchor.py', [prefix]) as Record<string, AnchorCase>;
const rows: BenchRow[] = [];
for (const reference of Object.values(anchor)) {
  const file = (suffix: string): Float64Array =>
    readFloat64(`${prefix}.${reference.dataset}.${suffix}.f64`);
  const X = denseMatrix(reference.trainRows, reference.cols, file('Xtrain'));
  const XTest = denseMatrix(reference.testRows, reference.cols, file('Xtest'));
  const y = file('ytrain');
  const yTest = file('ytest');
  const times: number[] = [];
  let scoreSum = 0;
  for (let seed = 0; seed < REPEATS; seed++) {
    const start = process.hrtime.bigint();
    const forest = fitForest(reference, X, y, seed);
    times.push(Number(process.hrtime.bigint() - start) / 1e9);
    scoreSum += heldOutScore(reference.task, forest.predict(XTest), yTest);
  }
  times.sort((a, b) => a - b);
  const anchorName = `scikit-learn 1.2.1 ${ANCHOR_CLASS[`${reference.task}/${reference.model}`]}(n_jobs=1)`;
  const label = `${reference.dataset} ${reference.model.replace('_', ' ')} (${reference.trainRows} train rows, ${TREES} trees)`;
  rows.push(
    {
      case: label,
      metric: 'fit time',
      unit: 's',
      argmin: times[Math.floor(REPEATS / 2)],
      anchor: anchorName,
      anchorValue: reference.fitSeconds,
      better: 'lower',
    },
    {
      case: label,
      metric: reference.task === 'classification' ? 'held-out accuracy' : 'held-out R²',
      unit: 'share',
      argmin: scoreSum / REPEATS,
      anchor: anchorName,
      anchorValue: reference.score,
      better: 'higher',
    },
  );
}
rmSync(dir, { recursive: true, force: true });
printMarkdown(rows);
console.log(writeResults('forest', 'npm run bench:forest', rows));
