/**
 * Large-ensemble save and load: a histogram gradient boosting pipeline on all 20,000 letters
 * rows (26 classes × 200 rounds = 5,200 trees of depth 6) saved as a `.argmin` artifact and
 * loaded back (load includes checksum verification and rebuilding the pipeline; the first
 * prediction after load is timed too, since it builds the prediction layout). Anchor: XGBoost
 * 1.7's own binary format (`save_model('*.ubj')` / `load_model`) for a model fitted with the
 * same settings on the same rows.
 *
 *   npm run build && node dist/bench/gbdt-artifact.js
 */
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readTable } from '../src/data/index.js';
import type { DenseMatrix } from '../src/data/matrix.js';
import { Pipeline, treePreprocessor } from '../src/features/index.js';
import { HistGradientBoostingClassifier } from '../src/learners/gbdt/index.js';
import { loadModel, saveModel } from '../src/model/index.js';
import type { BenchRow } from './report.js';
import { printMarkdown, repoRoot, runAnchor, writeResults } from './report.js';

interface AnchorResult {
  readonly save_seconds: number;
  readonly load_seconds: number;
  readonly bytes: number;
  readonly version: string;
}

async function main(): Promise<void> {
  const frame = await readTable(join(repoRoot, 'examples', 'data', 'letters.csv'));
  const target = 'lettr';
  const features = frame.columnNames.filter((c) => c !== target);
  const pipeline = new Pipeline({
    preprocessor: treePreprocessor(frame, features),
    learner: new HistGradientBoostingClassifier({
      nEstimators: 200,
      maxDepth: 6,
      learningRate: 0.1,
      maxBins: 255,
      lambdaL2: 1,
    }),
  }).fit(frame, target);
  const dir = mkdtempSync(join(tmpdir(), 'argmin-artifact-'));
  try {
    const path = join(dir, 'letters.argmin');
    let start = performance.now();
    await saveModel(pipeline, path);
    const saveSeconds = (performance.now() - start) / 1000;
    start = performance.now();
    const loaded = await loadModel(path);
    const loadSeconds = (performance.now() - start) / 1000;
    start = performance.now();
    loaded.pipeline.predict(frame.take(Int32Array.of(0)));
    const firstPredictSeconds = (performance.now() - start) / 1000;
    const bytes = statSync(path).size;
    console.log(
      `argmin: save ${saveSeconds.toFixed(3)} s, load ${loadSeconds.toFixed(3)} s, first predict ${firstPredictSeconds.toFixed(3)} s, ${(bytes / 1e6).toFixed(1)} MB`,
    );

    const X = pipeline.preprocessor.transform(frame) as DenseMatrix;
    const labels = frame.column(target);
    const y = Float64Array.from(
      { length: frame.rows },
      (_, i) => (labels as { codes: Int32Array }).codes[i],
    );
    const prefix = join(dir, 'letters');
    writeFileSync(`${prefix}.X.f64`, X.data);
    writeFileSync(`${prefix}.y.f64`, y);
    const anchor = runAnchor('gbdt_artifact_anchor.py', [
      prefix,
      String(X.rows),
      String(X.cols),
      join(dir, 'xgb.ubj'),
    ]) as AnchorResult;
    const name = `XGBoost ${anchor.version} save_model/load_model (.ubj)`;
    const caseName = 'letters, 26 classes × 200 rounds = 5,200 trees, depth 6';
    const rows: BenchRow[] = [
      {
        case: caseName,
        metric: 'save',
        unit: 's',
        argmin: saveSeconds,
        anchor: name,
        anchorValue: anchor.save_seconds,
        better: 'lower',
      },
      {
        case: caseName,
        metric: 'load',
        unit: 's',
        argmin: loadSeconds,
        anchor: name,
        anchorValue: anchor.load_seconds,
        better: 'lower',
      },
      {
        case: `${caseName}, load + first prediction`,
        metric: 'load',
        unit: 's',
        argmin: loadSeconds + firstPredictSeconds,
        anchor: name,
        anchorValue: anchor.load_seconds,
        better: 'lower',
      },
      {
        case: caseName,
        metric: 'file size',
        unit: 'MB',
        argmin: bytes / 1e6,
        anchor: name,
        anchorValue: anchor.bytes / 1e6,
        better: 'lower',
      },
    ];
    printMarkdown(rows);
    console.log(writeResults('gbdt-artifact', 'npm run bench:gbdt-artifact', rows));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
