/**
 * Random forest, argmin vs scikit-learn's RandomForestClassifier (100 trees, sqrt features,
 * n_jobs=1) on the SAME rows: letters (16000 / 4000, 26 classes) and credit (numeric columns,
 * median-imputed, 3454 / 1000). The anchor prepares the designs and writes them as float64
 * files; both sides report the median fit time of 3 fits (seeds 0, 1, 2) and the mean held-out
 * accuracy over them.
 *
 *   npx tsc -p tsconfig.build.json && node dist/bench/forest.js
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { denseMatrix } from '../src/data/matrix.js';
import { RandomForestClassifier } from '../src/learners/forest/index.js';
import type { BenchRow } from './report.js';
import { printMarkdown, runAnchor, writeResults } from './report.js';

const REPEATS = 3;
const ANCHOR = 'scikit-learn 1.2.1 RandomForestClassifier(n_jobs=1)';

interface AnchorCase {
  readonly trainRows: number;
  readonly testRows: number;
  readonly cols: number;
  readonly fitSeconds: number;
  readonly accuracy: number;
}

function readFloat64(path: string): Float64Array {
  const bytes = readFileSync(path);
  return new Float64Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.length));
}

const dir = mkdtempSync(join(tmpdir(), 'argmin-forest-'));
const prefix = join(dir, 'design');
const anchor = runAnchor('forest_anchor.py', [prefix]) as Record<string, AnchorCase>;
const rows: BenchRow[] = [];
for (const [name, reference] of Object.entries(anchor)) {
  const file = (suffix: string): Float64Array => readFloat64(`${prefix}.${name}.${suffix}.f64`);
  const X = denseMatrix(reference.trainRows, reference.cols, file('Xtrain'));
  const XTest = denseMatrix(reference.testRows, reference.cols, file('Xtest'));
  const y = file('ytrain');
  const yTest = file('ytest');
  const times: number[] = [];
  let accuracySum = 0;
  for (let seed = 0; seed < REPEATS; seed++) {
    const start = process.hrtime.bigint();
    const forest = new RandomForestClassifier({ nEstimators: 100, seed }).fit(X, y);
    times.push(Number(process.hrtime.bigint() - start) / 1e9);
    const predicted = forest.predict(XTest);
    let correct = 0;
    for (let i = 0; i < yTest.length; i++) if (predicted[i] === yTest[i]) correct++;
    accuracySum += correct / yTest.length;
  }
  times.sort((a, b) => a - b);
  const label = `${name} (${reference.trainRows} train rows, 100 trees)`;
  rows.push(
    {
      case: label,
      metric: 'fit time',
      unit: 's',
      argmin: times[Math.floor(REPEATS / 2)],
      anchor: ANCHOR,
      anchorValue: reference.fitSeconds,
      better: 'lower',
    },
    {
      case: label,
      metric: 'held-out accuracy',
      unit: 'share',
      argmin: accuracySum / REPEATS,
      anchor: ANCHOR,
      anchorValue: reference.accuracy,
      better: 'higher',
    },
  );
}
rmSync(dir, { recursive: true, force: true });
printMarkdown(rows);
console.log(writeResults('forest', 'npm run bench:forest', rows));
