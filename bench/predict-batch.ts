/**
 * Batch scoring: `argmin predict` on all 3M rows of vega-datasets' flights-3m.parquet with a
 * 100-tree depth-6 GBDT pipeline (features: the date's calendar parts, distance, origin and
 * destination as native categoricals; target "arrival delay > 15 min"), fitted on a seeded 100k
 * sample. Timed end to end in a child process (read Parquet in chunks, predict, write Parquet),
 * with its peak RSS. Anchor: XGBoost 1.7's batch `predict_proba` (2 threads) on the same 3M rows
 * already in memory as a float64 matrix (Debian's Python has no Parquet reader), fitted with the
 * same settings on the same sample; alone, then with the scores written as CSV (one column as
 * `%.6g`, and the same three columns argmin writes at full precision).
 *
 *   npm run build && node dist/bench/predict-batch.js
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CategoricalColumn, DatetimeColumn, NumericColumn } from '../src/data/column.js';
import { categoricalColumn } from '../src/data/column.js';
import { Frame, readTable, Rng } from '../src/data/index.js';
import { Pipeline, treePreprocessor } from '../src/features/index.js';
import { HistGradientBoostingClassifier } from '../src/learners/gbdt/index.js';
import { saveModel } from '../src/model/index.js';
import { flightsParquetPath } from './flights-data.js';
import type { BenchRow } from './report.js';
import { printMarkdown, repoRoot, runAnchor, writeResults } from './report.js';

const TRAIN_ROWS = 100_000;
const RUNS = 3;

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}
const FEATURES = ['date', 'distance', 'origin', 'destination'];

async function main(): Promise<void> {
  const parquet = flightsParquetPath();
  const all = await readTable(parquet);
  const delay = all.column('delay') as NumericColumn;
  const late = Int32Array.from(delay.values, (d) => (d > 15 ? 1 : 0));
  const withTarget = new Frame([...all.columns, categoricalColumn('late', late, ['no', 'yes'])]);
  const sample = new Rng(7).permutation(all.rows).subarray(0, TRAIN_ROWS);
  const train = withTarget.take(sample);
  console.log(`fitting on ${TRAIN_ROWS} of ${all.rows} rows…`);
  const pipeline = new Pipeline({
    preprocessor: treePreprocessor(train, FEATURES),
    learner: new HistGradientBoostingClassifier({
      nEstimators: 100,
      maxDepth: 6,
      learningRate: 0.1,
    }),
  }).fit(train, 'late');
  const dir = mkdtempSync(join(tmpdir(), 'argmin-predict-batch-'));
  try {
    const model = join(dir, 'flights.argmin');
    await saveModel(pipeline, model);
    const out = join(dir, 'scores.parquet');
    // The machine may be shared: the median of RUNS end-to-end runs, the highest peak RSS.
    const times: number[] = [];
    const peaks: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      const started = performance.now();
      const child = spawnSync(
        '/usr/bin/time',
        [
          '-v',
          process.execPath,
          join(repoRoot, 'bin', 'argmin.js'),
          'predict',
          model,
          '--input',
          parquet,
          '--output',
          out,
          '--proba',
        ],
        { encoding: 'utf8', stdio: ['ignore', 'ignore', 'pipe'] },
      );
      const timed = child.stderr;
      if (child.status !== 0) throw new Error(`argmin predict failed:\n${timed}`);
      times.push((performance.now() - started) / 1000);
      peaks.push(Number(/Maximum resident set size \(kbytes\): (\d+)/.exec(timed)?.[1]) / 1024);
      console.log(
        timed
          .split('\n')
          .filter((l) => /Wrote/.test(l))
          .join('\n'),
      );
    }
    const seconds = median(times);
    const peakMb = Math.max(...peaks);
    console.log(
      `argmin predict: ${seconds.toFixed(1)} s (median of ${times.map((t) => t.toFixed(1)).join(', ')}), ${(all.rows / seconds).toFixed(0)} rows/s, peak RSS ${peakMb.toFixed(0)} MB, output ${(statSync(out).size / 1e6).toFixed(0)} MB`,
    );
    // The file holds every row, scored as the pipeline scores them in memory.
    const written = await readTable(out);
    if (written.rows !== all.rows) throw new Error(`${written.rows} rows written`);
    const head = Int32Array.from({ length: 10_000 }, (_, i) => i);
    const expected = pipeline.predictProba(all.take(head)).proba.data;
    const got = (written.column('proba_yes') as NumericColumn).values;
    for (let i = 0; i < head.length; i++)
      if (Math.abs(got[i] - expected[2 * i + 1]) > 1e-12)
        throw new Error(`row ${i}: proba_yes ${got[i]}, expected ${expected[2 * i + 1]}`);

    // The anchor's matrix: the features argmin's tree preprocessing builds from the same columns.
    const date = all.column('date') as DatetimeColumn;
    const distance = all.column('distance') as NumericColumn;
    const origin = all.column('origin') as CategoricalColumn;
    const destination = all.column('destination') as CategoricalColumn;
    const cols = 6;
    const matrix = (rows: ArrayLike<number>): Float64Array => {
      const X = new Float64Array(rows.length * cols);
      const when = new Date(0);
      for (let k = 0; k < rows.length; k++) {
        const i = rows[k];
        when.setTime(date.values[i]);
        X.set(
          [
            when.getUTCHours(),
            when.getUTCDay(),
            when.getUTCMonth() + 1,
            distance.values[i],
            origin.codes[i] < 0 ? Number.NaN : origin.codes[i],
            destination.codes[i] < 0 ? Number.NaN : destination.codes[i],
          ],
          k * cols,
        );
      }
      return X;
    };
    const prefix = join(dir, 'flights');
    writeFileSync(`${prefix}.train.f64`, matrix(sample));
    writeFileSync(
      `${prefix}.y.f64`,
      Float64Array.from(sample, (i) => late[i]),
    );
    writeFileSync(`${prefix}.all.f64`, matrix(Int32Array.from({ length: all.rows }, (_, i) => i)));
    const anchor = runAnchor('predict_batch_anchor.py', [
      prefix,
      String(TRAIN_ROWS),
      String(all.rows),
      String(cols),
      String(RUNS),
    ]) as {
      predict_s: number;
      load_s: number;
      write_s: number;
      write_full_s: number;
      version: string;
    };
    console.log(
      `XGBoost: predict ${anchor.predict_s.toFixed(2)} s, write CSV ${anchor.write_s.toFixed(1)} s (one column), ${anchor.write_full_s.toFixed(1)} s (label + both probabilities)`,
    );
    const caseName = `flights-3m.parquet, ${all.rows.toLocaleString('en-US')} rows, GBDT 100 trees depth 6`;
    const rows: BenchRow[] = [
      {
        case: caseName,
        metric: 'rows/s, end to end (read Parquet, predict, write Parquet)',
        unit: 'rows/s',
        argmin: all.rows / seconds,
        anchor: `XGBoost ${anchor.version} predict_proba on the matrix in memory (2 threads)`,
        anchorValue: all.rows / anchor.predict_s,
        better: 'higher',
      },
      {
        case: caseName,
        metric: 'rows/s, end to end',
        unit: 'rows/s',
        argmin: all.rows / seconds,
        anchor: `XGBoost ${anchor.version} predict_proba + numpy savetxt of the scores`,
        anchorValue: all.rows / (anchor.predict_s + anchor.write_s),
        better: 'higher',
      },
      {
        case: caseName,
        metric: 'rows/s, end to end, same output columns',
        unit: 'rows/s',
        argmin: all.rows / seconds,
        anchor: `XGBoost ${anchor.version} predict_proba + CSV of label and both probabilities (full precision)`,
        anchorValue: all.rows / (anchor.predict_s + anchor.write_full_s),
        better: 'higher',
      },
      {
        case: caseName,
        metric: 'peak RSS of the scoring process',
        unit: 'MB',
        argmin: peakMb,
        anchor: '3M × 6 float64 feature matrix alone',
        anchorValue: (all.rows * cols * 8) / 1024 / 1024,
        better: 'lower',
      },
    ];
    printMarkdown(rows);
    console.log(`results: ${writeResults('predict-batch', 'npm run bench:predict-batch', rows)}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
