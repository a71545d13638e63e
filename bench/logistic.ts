/**
 * L2 logistic regression, argmin (default solver 'auto': Newton–Cholesky on credit, L-BFGS on
 * letters) vs scikit-learn's lbfgs solver on the SAME design matrices: credit (one-hot +
 * standardised, 80/20 split, binary) and letters (standardised, 16000/4000 split, 26 classes,
 * multinomial). For the binary credit problem a second anchor is scikit-learn's own
 * 'newton-cholesky' solver. Same C, tol 1e-4 and max_iter 1000 on both sides; fit time is the
 * median of 3 fits after a warm-up fit.
 *
 *   npm run bench:logistic
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DenseMatrix } from '../src/data/matrix.js';
import { denseMatrix } from '../src/data/matrix.js';
import { Rng } from '../src/data/rng.js';
import { LogisticRegression } from '../src/learners/linear/index.js';
import type { BenchRow } from './report.js';
import { printMarkdown, repoRoot, runAnchor, timeIt, writeResults } from './report.js';

const C = 1;
const TOL = 1e-4;
const MAX_ITER = 1000;

interface Table {
  readonly header: string[];
  readonly rows: (string | null)[][];
}

/** Minimal CSV reader for the bundled files: header row, quoted strings, empty field = missing. */
function readCsv(name: string): Table {
  const lines = readFileSync(join(repoRoot, 'examples', 'data', name), 'utf8')
    .trim()
    .split('\n');
  const split = (line: string): (string | null)[] =>
    line.split(',').map((field) => (field === '' ? null : field.replace(/^"(.*)"$/, '$1')));
  return { header: split(lines[0]) as string[], rows: lines.slice(1).map(split) };
}

interface Design {
  readonly train: DenseMatrix;
  readonly test: DenseMatrix;
  readonly yTrain: Float64Array;
  readonly yTest: Float64Array;
}

/**
 * Numeric columns: median-imputed then standardised (statistics from the training rows);
 * text columns: one-hot over the training levels, missing as its own level.
 */
function buildDesign(table: Table, target: string, trainShare: number, seed: number): Design {
  const n = table.rows.length;
  const order = new Rng(seed).permutation(n);
  const trainCount = Math.round(n * trainShare);
  const trainRows = Array.from(order.subarray(0, trainCount));
  const testRows = Array.from(order.subarray(trainCount));
  const targetAt = table.header.indexOf(target);
  const labels = [...new Set(table.rows.map((r) => r[targetAt] as string))].sort();
  const encode = (rows: number[]): Float64Array =>
    Float64Array.from(rows, (i) => labels.indexOf(table.rows[i][targetAt] as string));
  const columns: ((row: (string | null)[], out: Float64Array, offset: number) => void)[] = [];
  const widths: number[] = [];
  table.header.forEach((name, c) => {
    if (c === targetAt) return;
    const numeric = table.rows.every((r) => r[c] === null || Number.isFinite(Number(r[c])));
    if (numeric) {
      const values = trainRows
        .map((i) => table.rows[i][c])
        .filter((v): v is string => v !== null)
        .map(Number)
        .sort((a, b) => a - b);
      const median =
        values.length % 2 === 1
          ? values[(values.length - 1) / 2]
          : (values[values.length / 2 - 1] + values[values.length / 2]) / 2;
      const filled = trainRows.map((i) =>
        table.rows[i][c] === null ? median : Number(table.rows[i][c]),
      );
      const mean = filled.reduce((s, v) => s + v, 0) / filled.length;
      const std = Math.sqrt(filled.reduce((s, v) => s + (v - mean) ** 2, 0) / filled.length) || 1;
      columns.push((row, out, offset) => {
        out[offset] = ((row[c] === null ? median : Number(row[c])) - mean) / std;
      });
      widths.push(1);
    } else {
      const levels = [...new Set(trainRows.map((i) => table.rows[i][c] ?? '\u0000missing'))].sort();
      columns.push((row, out, offset) => {
        const k = levels.indexOf(row[c] ?? '\u0000missing');
        if (k >= 0) out[offset + k] = 1;
      });
      widths.push(levels.length);
    }
  });
  const cols = widths.reduce((s, w) => s + w, 0);
  const matrix = (rows: number[]): DenseMatrix => {
    const out = new Float64Array(rows.length * cols);
    rows.forEach((i, r) => {
      let offset = r * cols;
      columns.forEach((fill, c) => {
        fill(table.rows[i], out, offset);
        offset += widths[c];
      });
    });
    return denseMatrix(rows.length, cols, out);
  };
  return {
    train: matrix(trainRows),
    test: matrix(testRows),
    yTrain: encode(trainRows),
    yTest: encode(testRows),
  };
}

function accuracy(predicted: Float64Array, truth: Float64Array): number {
  let hits = 0;
  for (let i = 0; i < truth.length; i++) if (predicted[i] === truth[i]) hits++;
  return hits / truth.length;
}

function bench(name: string, design: Design): BenchRow[] {
  const prefix = `/tmp/argmin-bench-logistic-${name}`;
  const write = (suffix: string, values: Float64Array): void =>
    writeFileSync(
      `${prefix}.${suffix}.f64`,
      new Uint8Array(values.buffer, values.byteOffset, values.byteLength),
    );
  write('Xtrain', design.train.data);
  write('ytrain', design.yTrain);
  write('Xtest', design.test.data);
  write('ytest', design.yTest);
  let model = new LogisticRegression({ C, tol: TOL, maxIter: MAX_ITER });
  const seconds = timeIt(() => {
    model = new LogisticRegression({ C, tol: TOL, maxIter: MAX_ITER }).fit(
      design.train,
      design.yTrain,
    );
  });
  const ours = accuracy(model.predict(design.test), design.yTest);
  const runSolver = (solver: string): Anchor =>
    runAnchor('linear_logistic_anchor.py', [
      prefix,
      String(design.train.rows),
      String(design.test.rows),
      String(design.train.cols),
      String(C),
      String(TOL),
      String(MAX_ITER),
      solver,
    ]) as Anchor;
  const shape = `${name} ${design.train.rows}×${design.train.cols}`;
  const solvers = binary(design.yTrain) ? ['lbfgs', 'newton-cholesky'] : ['lbfgs'];
  return solvers.flatMap((solver) => {
    const anchor = runSolver(solver);
    const label = `scikit-learn ${anchor.version} LogisticRegression(${solver})`;
    console.log(
      `${shape}: argmin ${model.nIter} iterations (converged ${model.converged}), scikit-learn ${solver} ${anchor.n_iter}`,
    );
    return [
      {
        case: shape,
        metric: 'fit time',
        unit: 's',
        argmin: seconds,
        anchor: label,
        anchorValue: anchor.fit_seconds,
        better: 'lower',
      },
      {
        case: shape,
        metric: 'test accuracy',
        unit: 'share',
        argmin: ours,
        anchor: label,
        anchorValue: anchor.accuracy,
        better: 'higher',
      },
    ];
  });
}

interface Anchor {
  readonly fit_seconds: number;
  readonly accuracy: number;
  readonly n_iter: number;
  readonly version: string;
}

function binary(y: Float64Array): boolean {
  return new Set(y).size === 2;
}

const rows = [
  ...bench('credit', buildDesign(readCsv('credit.csv'), 'Status', 0.8, 42)),
  ...bench('letters', buildDesign(readCsv('letters.csv'), 'lettr', 0.8, 42)),
];
writeResults('logistic', 'npm run bench:logistic', rows);
printMarkdown(rows);
