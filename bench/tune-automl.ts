/**
 * The main job, side by side: `argmin tune` against what a skilled user gets on the same
 * train/test split and the same wall-clock budget — scikit-learn HistGradientBoosting defaults,
 * XGBoost defaults, and Optuna 3.1's TPE tuning XGBoost — on the four bundled datasets. Each
 * reports the test score of its final model and the seconds it used. argmin searches on one
 * core (its default); XGBoost may use both.
 *
 *   npm run build && node dist/bench/tune-automl.js   (TUNE_AUTOML_SECONDS=60 for a quicker run)
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { tune } from '../src/automl/tune/run-tune.js';
import { Rng } from '../src/data/rng.js';
import type { BenchRow } from './report.js';
import { printMarkdown, repoRoot, runAnchor, writeResults } from './report.js';

const BUDGET_S = Number(process.env.TUNE_AUTOML_SECONDS ?? 120);
const DATASETS = [
  { name: 'credit', target: 'Status', metric: 'roc_auc' },
  { name: 'telco_churn', target: 'churn', metric: 'roc_auc' },
  { name: 'ames', target: 'Sale_Price', metric: 'rmse' },
  { name: 'letters', target: 'lettr', metric: 'accuracy' },
] as const;

interface Contender {
  readonly score: number;
  readonly seconds: number;
}

interface AnchorResult {
  readonly versions: { readonly xgboost: string; readonly optuna: string };
  readonly hgb: Contender;
  readonly xgb: Contender;
  readonly optuna_xgb: Contender & { readonly trials: number };
}

/** Writes a seeded 80/20 split of the CSV's rows (header kept on both). */
function split(name: string, dir: string): { train: string; test: string } {
  const lines = readFileSync(join(repoRoot, 'examples', 'data', `${name}.csv`), 'utf8')
    .trimEnd()
    .split('\n');
  const [header, ...rows] = lines;
  const order = new Rng(0).permutation(rows.length);
  const testCount = Math.ceil(rows.length * 0.2);
  const pick = (from: number, to: number) =>
    [header, ...Array.from(order.subarray(from, to), (i) => rows[i])].join('\n') + '\n';
  const train = join(dir, `${name}-train.csv`);
  const test = join(dir, `${name}-test.csv`);
  writeFileSync(test, pick(0, testCount));
  writeFileSync(train, pick(testCount, rows.length));
  return { train, test };
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'argmin-automl-'));
  const rows: BenchRow[] = [];
  try {
    for (const dataset of DATASETS) {
      const { train, test } = split(dataset.name, dir);
      const started = performance.now();
      const result = await tune({
        data: train,
        target: dataset.target,
        metric: dataset.metric,
        timeMs: BUDGET_S * 1000,
        cv: 3,
        testData: test,
        store: `sqlite:${join(dir, `${dataset.name}.db`)}`,
        log: (line) => console.log(`  ${dataset.name}: ${line}`),
      });
      const seconds = (performance.now() - started) / 1000;
      const ours = result.model.testScore as number;
      console.log(
        `${dataset.name}: argmin ${result.model.description}, test ${dataset.metric} ${ours.toFixed(4)} in ${seconds.toFixed(1)} s (${result.trials.length} trials)`,
      );
      const anchor = runAnchor('tune_automl_anchor.py', [
        train,
        test,
        dataset.target,
        dataset.metric,
        String(BUDGET_S),
        '2',
      ]) as AnchorResult;
      const better = dataset.metric === 'rmse' ? 'lower' : 'higher';
      const contenders: [string, Contender][] = [
        ['scikit-learn 1.2 HistGradientBoosting defaults', anchor.hgb],
        [`XGBoost ${anchor.versions.xgboost} defaults`, anchor.xgb],
        [
          `Optuna ${anchor.versions.optuna} TPE tuning XGBoost, ${BUDGET_S} s (${anchor.optuna_xgb.trials} trials)`,
          anchor.optuna_xgb,
        ],
      ];
      for (const [label, contender] of contenders) {
        rows.push({
          case: `${dataset.name}, ${BUDGET_S} s budget: argmin tune (${result.trials.length} trials) test ${dataset.metric}`,
          metric: `test ${dataset.metric}`,
          unit: '',
          argmin: ours,
          anchor: label,
          anchorValue: contender.score,
          better,
        });
      }
      rows.push({
        case: `${dataset.name}: time used by argmin tune vs Optuna + XGBoost`,
        metric: 'wall time',
        unit: 's',
        argmin: seconds,
        anchor: 'Optuna TPE tuning XGBoost (same budget)',
        anchorValue: anchor.optuna_xgb.seconds,
        better: 'lower',
      });
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  printMarkdown(rows);
  console.log(writeResults('tune-automl', 'npm run bench:tune-automl', rows));
}

await main();
