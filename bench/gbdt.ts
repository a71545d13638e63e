/**
 * Histogram gradient boosting, argmin vs XGBoost 1.7 (`tree_method='hist'`, 1 thread) and
 * scikit-learn's HistGradientBoostingClassifier (1 OpenMP thread) on the SAME letters split
 * (26 classes, 16000 train / 4000 test rows) with the same settings: 200 rounds, depth 6,
 * learning rate 0.1, 255 bins, L2 = 1. One fit each (a fit takes seconds); prediction
 * throughput on a 200k-row batch (the test rows tiled); single-row latency of our model.
 *
 *   npm run build && node dist/bench/gbdt.js   (GBDT_ROUNDS=20 for a quick run)
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DenseMatrix } from '../src/data/matrix.js';
import { denseMatrix } from '../src/data/matrix.js';
import { Rng } from '../src/data/rng.js';
import { HistGradientBoostingClassifier } from '../src/learners/gbdt/index.js';
import type { BenchRow } from './report.js';
import { printMarkdown, repoRoot, runAnchor, writeResults } from './report.js';

const ROUNDS = Number(process.env.GBDT_ROUNDS ?? 200);
const DEPTH = 6;
const LEARNING_RATE = 0.1;
const BINS = 255;
const L2 = 1;
const TRAIN_ROWS = 16000;
const BATCH_ROWS = 200000;

interface AnchorResult {
  readonly fit_seconds: number;
  readonly accuracy: number;
  readonly rows_per_second: number;
  readonly version: string;
  /** XGBoost only: one-row latency of a 500-tree binary model. */
  readonly single_row_micros?: number;
}

function loadLetters(): { X: DenseMatrix; y: Float64Array } {
  const lines = readFileSync(join(repoRoot, 'examples', 'data', 'letters.csv'), 'utf8')
    .trim()
    .split('\n')
    .slice(1);
  const labels = lines.map((line) => line.slice(1, 2));
  const classes = [...new Set(labels)].sort();
  const cols = lines[0].split(',').length - 1;
  const data = new Float64Array(lines.length * cols);
  lines.forEach((line, i) => data.set(line.split(',').slice(1).map(Number), i * cols));
  return {
    X: denseMatrix(lines.length, cols, data),
    y: Float64Array.from(labels, (l) => classes.indexOf(l)),
  };
}

function rowsOf(X: DenseMatrix, rows: ArrayLike<number>): DenseMatrix {
  const out = new Float64Array(rows.length * X.cols);
  for (let i = 0; i < rows.length; i++)
    out.set(X.data.subarray(rows[i] * X.cols, (rows[i] + 1) * X.cols), i * X.cols);
  return denseMatrix(rows.length, X.cols, out);
}

/**
 * Mean latency in µs of `predictRow` for a 500-tree depth-6 binary model (letters A–M vs N–Z),
 * the single-row target; rows are taken in turn from the test set after a warm-up.
 */
function singleRowLatency(train: DenseMatrix, yTrain: Float64Array, test: DenseMatrix): number {
  const binary = new HistGradientBoostingClassifier({
    nEstimators: 500,
    maxDepth: DEPTH,
    learningRate: LEARNING_RATE,
    maxBins: BINS,
    lambdaL2: L2,
  }).fit(
    train,
    yTrain.map((c) => (c < 13 ? 0 : 1)),
  );
  const rowOf = (i: number): Float64Array =>
    test.data.subarray((i % test.rows) * test.cols, ((i % test.rows) + 1) * test.cols);
  for (let i = 0; i < 2000; i++) binary.predictRow(rowOf(i));
  const calls = 20000;
  const start = performance.now();
  for (let i = 0; i < calls; i++) binary.predictRow(rowOf(i));
  return ((performance.now() - start) * 1000) / calls;
}

function main(): void {
  const { X, y } = loadLetters();
  const order = new Rng(42).permutation(X.rows);
  const trainIdx = order.subarray(0, TRAIN_ROWS);
  const testIdx = order.subarray(TRAIN_ROWS);
  const train = rowsOf(X, trainIdx);
  const test = rowsOf(X, testIdx);
  const yTrain = Float64Array.from(trainIdx, (i) => y[i]);
  const yTest = Float64Array.from(testIdx, (i) => y[i]);
  const batch = rowsOf(
    test,
    Int32Array.from({ length: BATCH_ROWS }, (_, i) => i % test.rows),
  );

  const model = new HistGradientBoostingClassifier({
    nEstimators: ROUNDS,
    maxDepth: DEPTH,
    learningRate: LEARNING_RATE,
    maxBins: BINS,
    lambdaL2: L2,
  });
  let start = performance.now();
  model.fit(train, yTrain);
  const fitSeconds = (performance.now() - start) / 1000;
  const predicted = model.predict(test);
  let correct = 0;
  for (let i = 0; i < predicted.length; i++) correct += predicted[i] === yTest[i] ? 1 : 0;
  const accuracy = correct / predicted.length;
  start = performance.now();
  model.predictProba(batch);
  const rowsPerSecond = BATCH_ROWS / ((performance.now() - start) / 1000);
  const row = test.data.subarray(0, test.cols);
  for (let i = 0; i < 1000; i++) model.predictRow(row);
  start = performance.now();
  const singleRows = 5000;
  for (let i = 0; i < singleRows; i++)
    model.predictRow(
      test.data.subarray((i % test.rows) * test.cols, ((i % test.rows) + 1) * test.cols),
    );
  const singleRowMicros = ((performance.now() - start) * 1000) / singleRows;
  console.log(
    `argmin: fit ${fitSeconds.toFixed(2)} s, accuracy ${accuracy.toFixed(4)}, ${rowsPerSecond.toFixed(0)} rows/s, single row ${singleRowMicros.toFixed(1)} µs (${ROUNDS * 26} trees)`,
  );

  const singleRow500 = singleRowLatency(train, yTrain, test);
  console.log(
    `argmin: single row of a 500-tree depth-6 binary model ${singleRow500.toFixed(1)} µs`,
  );

  const dir = mkdtempSync(join(tmpdir(), 'argmin-gbdt-'));
  const prefix = join(dir, 'letters');
  writeFileSync(`${prefix}.Xtrain.f64`, train.data);
  writeFileSync(`${prefix}.ytrain.f64`, yTrain);
  writeFileSync(`${prefix}.Xtest.f64`, test.data);
  writeFileSync(`${prefix}.ytest.f64`, yTest);
  process.env.OMP_NUM_THREADS = '1';
  const anchors = runAnchor('gbdt_anchor.py', [
    prefix,
    String(TRAIN_ROWS),
    String(test.rows),
    String(X.cols),
    String(ROUNDS),
    String(DEPTH),
    String(LEARNING_RATE),
    String(BINS),
    String(L2),
    String(BATCH_ROWS),
  ]) as Record<'xgboost' | 'sklearn', AnchorResult>;
  rmSync(dir, { recursive: true, force: true });

  const rows: BenchRow[] = [];
  const caseName = `letters 16k/4k, ${ROUNDS} rounds, depth ${DEPTH}`;
  for (const [name, label] of [
    ['xgboost', 'XGBoost'],
    ['sklearn', 'scikit-learn HGB'],
  ] as const) {
    const a = anchors[name];
    const anchor = `${label} ${a.version}, 1 thread`;
    rows.push({
      case: caseName,
      metric: 'fit time',
      unit: 's',
      argmin: fitSeconds,
      anchor,
      anchorValue: a.fit_seconds,
      better: 'lower',
    });
    rows.push({
      case: caseName,
      metric: 'accuracy',
      unit: '',
      argmin: accuracy,
      anchor,
      anchorValue: a.accuracy,
      better: 'higher',
    });
    rows.push({
      case: `${caseName}, 200k-row batch`,
      metric: 'predict throughput',
      unit: 'rows/s',
      argmin: rowsPerSecond,
      anchor,
      anchorValue: a.rows_per_second,
      better: 'higher',
    });
  }
  rows.push({
    case: 'letters A–M vs N–Z, 500 trees, depth 6, one row per call',
    metric: 'single-row predict latency',
    unit: 'µs',
    argmin: singleRow500,
    anchor: `XGBoost ${anchors.xgboost.version} Booster.inplace_predict (includes Python call overhead)`,
    anchorValue: anchors.xgboost.single_row_micros ?? Number.NaN,
    better: 'lower',
  });
  printMarkdown(rows);
  console.log(`single-row predict (${ROUNDS * 26} trees): ${singleRowMicros.toFixed(1)} µs`);
  console.log(writeResults('gbdt', 'npm run bench:gbdt', rows));
}

main();
