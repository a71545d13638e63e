/**
 * Histogram gradient boosting, argmin vs XGBoost 1.7 (`tree_method='hist'`) and scikit-learn's
 * HistGradientBoostingClassifier, at 1 and 2 threads each, on the SAME splits with the same
 * settings: 200 rounds, depth 6, learning rate 0.1, 255 bins, L2 = 1. Two cases:
 * - letters: 26 classes, 16000 train / 4000 test rows (accuracy);
 * - flights: 800k train / 200k test rows of flights-3m.parquet, hour, weekday, month, distance,
 *   origin, destination → arrival delay > 15 min (AUC); airports split natively on all sides.
 * One fit per library and thread count (a fit takes seconds); prediction throughput on a
 * 200k-row batch at 1 thread; single-row latency of a 500-tree depth-6 model.
 *
 *   npm run build && node dist/bench/gbdt.js   (GBDT_ROUNDS=20 for a quick run)
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DenseMatrix } from '../src/data/matrix.js';
import { takeRows } from '../src/data/matrix.js';
import { HistGradientBoostingClassifier } from '../src/learners/gbdt/index.js';
import { rocAucScore } from '../src/metrics/index.js';
import { FLIGHT_CATEGORICAL, loadFlights } from './flights-data.js';
import type { Split } from './letters-data.js';
import { loadLetters } from './letters-data.js';
import type { BenchRow } from './report.js';
import { printMarkdown, runAnchor, writeResults } from './report.js';

const ROUNDS = Number(process.env.GBDT_ROUNDS ?? 200);
const DEPTH = 6;
const LEARNING_RATE = 0.1;
const BINS = 255;
const L2 = 1;
const BATCH_ROWS = 200000;
const THREADS = [1, 2];

interface AnchorResult {
  readonly fit_seconds: number;
  readonly quality: number;
  readonly rows_per_second: number;
  readonly version: string;
  readonly single_row_micros?: number;
}

function classifier(nEstimators: number, threads: number): HistGradientBoostingClassifier {
  return new HistGradientBoostingClassifier({
    nEstimators,
    maxDepth: DEPTH,
    learningRate: LEARNING_RATE,
    maxBins: BINS,
    lambdaL2: L2,
    threads,
  });
}

function qualityOf(split: Split, model: HistGradientBoostingClassifier): number {
  const proba = model.predictProba(split.test);
  const k = proba.cols;
  if (split.quality === 'AUC') {
    const scores = Float64Array.from({ length: proba.rows }, (_, i) => proba.data[i * k + 1]);
    return rocAucScore(split.yTest, scores);
  }
  const predicted = model.predict(split.test);
  let correct = 0;
  for (let i = 0; i < predicted.length; i++) correct += predicted[i] === split.yTest[i] ? 1 : 0;
  return correct / predicted.length;
}

function tile(X: DenseMatrix, rows: number): DenseMatrix {
  return takeRows(
    X,
    Int32Array.from({ length: rows }, (_, i) => i % X.rows),
  ) as DenseMatrix;
}

/**
 * Mean latency in µs of `predictRow` for a 500-tree depth-6 binary model (letters A–M vs N–Z),
 * the single-row target; rows are taken in turn from the test set after a warm-up.
 */
function singleRowLatency(letters: Split): number {
  const binary = classifier(500, 1).fit(
    letters.train,
    letters.yTrain.map((c) => (c < 13 ? 0 : 1)),
  );
  const { test } = letters;
  const rowOf = (i: number): Float64Array =>
    test.data.subarray((i % test.rows) * test.cols, ((i % test.rows) + 1) * test.cols);
  for (let i = 0; i < 2000; i++) binary.predictRow(rowOf(i));
  const calls = 20000;
  const start = performance.now();
  for (let i = 0; i < calls; i++) binary.predictRow(rowOf(i));
  return ((performance.now() - start) * 1000) / calls;
}

function runAnchors(split: Split, threads: number, singleRow: boolean) {
  const dir = mkdtempSync(join(tmpdir(), 'argmin-gbdt-'));
  const prefix = join(dir, 'split');
  writeFileSync(`${prefix}.Xtrain.f64`, split.train.data);
  writeFileSync(`${prefix}.ytrain.f64`, split.yTrain);
  writeFileSync(`${prefix}.Xtest.f64`, split.test.data);
  writeFileSync(`${prefix}.ytest.f64`, split.yTest);
  try {
    return runAnchor('gbdt_anchor.py', [
      prefix,
      String(split.train.rows),
      String(split.test.rows),
      String(split.train.cols),
      String(ROUNDS),
      String(DEPTH),
      String(LEARNING_RATE),
      String(BINS),
      String(L2),
      String(BATCH_ROWS),
      String(threads),
      split.categorical.join(','),
      singleRow ? '1' : '0',
    ]) as Record<'xgboost' | 'sklearn', AnchorResult>;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const letters = loadLetters();
  const flights = await loadFlights(800000, 200000);
  const splits: Split[] = [
    letters,
    {
      name: 'flights 800k/200k, 6 features incl. 2 airport categoricals',
      ...flights,
      categorical: FLIGHT_CATEGORICAL,
      quality: 'AUC',
    },
  ];
  const rows: BenchRow[] = [];
  let xgboostSingleRow = Number.NaN;
  let xgboostVersion = '';
  for (const split of splits) {
    for (const threads of THREADS) {
      const model = classifier(ROUNDS, threads);
      const start = performance.now();
      model.fit(split.train, split.yTrain, { categoricalFeatures: split.categorical });
      const fitSeconds = (performance.now() - start) / 1000;
      const quality = qualityOf(split, model);
      let rowsPerSecond = Number.NaN;
      if (threads === 1) {
        const batch = tile(split.test, BATCH_ROWS);
        const t = performance.now();
        model.predictProba(batch);
        rowsPerSecond = BATCH_ROWS / ((performance.now() - t) / 1000);
      }
      console.log(
        `argmin ${split.name}, ${threads} thread(s): fit ${fitSeconds.toFixed(2)} s, ${split.quality} ${quality.toFixed(4)}`,
      );
      const singleRow = split === letters && threads === 1;
      const anchors = runAnchors(split, threads, singleRow);
      if (singleRow) {
        xgboostSingleRow = anchors.xgboost.single_row_micros ?? Number.NaN;
        xgboostVersion = anchors.xgboost.version;
      }
      const caseName = `${split.name}, ${ROUNDS} rounds, depth ${DEPTH}`;
      for (const [name, label] of [
        ['xgboost', 'XGBoost'],
        ['sklearn', 'scikit-learn HGB'],
      ] as const) {
        const a = anchors[name];
        const anchor = `${label} ${a.version}, ${threads} thread${threads > 1 ? 's' : ''}`;
        rows.push(
          {
            case: caseName,
            metric: `fit time, ${threads} thread${threads > 1 ? 's' : ''}`,
            unit: 's',
            argmin: fitSeconds,
            anchor,
            anchorValue: a.fit_seconds,
            better: 'lower',
          },
          {
            case: caseName,
            metric: split.quality,
            unit: '',
            argmin: quality,
            anchor,
            anchorValue: a.quality,
            better: 'higher',
          },
        );
        if (threads === 1)
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
    }
  }
  rows.push({
    case: 'letters A–M vs N–Z, 500 trees, depth 6, one row per call',
    metric: 'single-row predict latency',
    unit: 'µs',
    argmin: singleRowLatency(letters),
    anchor: `XGBoost ${xgboostVersion} Booster.inplace_predict (includes Python call overhead)`,
    anchorValue: xgboostSingleRow,
    better: 'lower',
  });
  printMarkdown(rows);
  console.log(writeResults('gbdt', 'npm run bench:gbdt', rows));
}

await main();
