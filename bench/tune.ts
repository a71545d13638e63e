/**
 * Tuning quality and overhead, argmin's TPE vs Optuna 3.1's default TPESampler on the issue's
 * test functions: best value after 100 trials over 20 seeds (median, and a two-sided
 * Mann–Whitney U test of the two samples), mean time per trial (the objectives cost
 * microseconds, so this is the sampler's own overhead), and one 1,000-trial study on Ackley-10D.
 * Also argmin's multivariate TPE and random search (its quality floor).
 *
 *   npm run build && node dist/bench/tune.js   (TUNE_SEEDS=5 for a quick run)
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Sampler } from '../src/tune/index.js';
import {
  AutoSampler,
  CmaEsSampler,
  GpSampler,
  NopPruner,
  RandomSampler,
  TpeSampler,
  createStudy,
} from '../src/tune/index.js';
import type { BenchRow } from './report.js';
import { printMarkdown, runAnchor, writeResults } from './report.js';
import type { TuneProblem } from './tune-functions.js';
import { TEST_FUNCTIONS, TUNE_PROBLEMS, objectiveOf } from './tune-functions.js';

const TRIALS = 100;
const SEEDS = Number(process.env.TUNE_SEEDS ?? 20);
const OVERHEAD_TRIALS = 1000;

interface AnchorResult {
  readonly version: string;
  readonly functions: Record<
    string,
    { median: number; ms_per_trial: number; mann_whitney_p: number }
  >;
  readonly overhead_ms_per_trial: number;
}

async function run(
  objective: TuneProblem['objective'],
  sampler: Sampler,
  trials: number,
): Promise<{ best: number; seconds: number }> {
  const study = createStudy({ direction: 'minimize', sampler, pruner: new NopPruner() });
  const start = performance.now();
  await study.optimize(objective, { trials });
  return { best: study.bestValue, seconds: (performance.now() - start) / 1000 };
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

async function main(): Promise<void> {
  const variants = [
    ['TPE', (seed: number) => new TpeSampler({ seed })],
    ['multivariate TPE', (seed: number) => new TpeSampler({ seed, multivariate: true })],
    ['CMA-ES', (seed: number) => new CmaEsSampler({ seed })],
    ['GP-BO (EI)', (seed: number) => new GpSampler({ seed })],
    ['auto (GP-BO; TPE on conditional spaces)', (seed: number) => new AutoSampler({ seed })],
    ['random search', (seed: number) => new RandomSampler({ seed })],
  ] as const;
  const results = new Map<string, { bests: number[]; seconds: number }>();
  for (const fn of TUNE_PROBLEMS) {
    for (const [label, make] of variants) {
      const bests: number[] = [];
      let seconds = 0;
      for (let seed = 0; seed < SEEDS; seed++) {
        const r = await run(fn.objective, make(seed), TRIALS);
        bests.push(r.best);
        seconds += r.seconds;
      }
      results.set(`${fn.name}/${label}`, { bests, seconds });
      console.log(`${fn.name} ${label}: median best ${median(bests).toFixed(4)}`);
    }
  }
  const ackley = TEST_FUNCTIONS[3];
  const overhead = await run(objectiveOf(ackley), new TpeSampler({ seed: 0 }), OVERHEAD_TRIALS);

  const dir = mkdtempSync(join(tmpdir(), 'argmin-tune-'));
  const oursPath = join(dir, 'ours.json');
  writeFileSync(
    oursPath,
    JSON.stringify(
      Object.fromEntries(
        TUNE_PROBLEMS.map((fn) => [fn.name, results.get(`${fn.name}/TPE`)?.bests]),
      ),
    ),
  );
  let anchors: AnchorResult;
  try {
    anchors = runAnchor('tune_anchor.py', [
      String(TRIALS),
      String(SEEDS),
      String(OVERHEAD_TRIALS),
      oursPath,
    ]) as AnchorResult;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const optuna = `Optuna ${anchors.version} TPESampler (default)`;
  const rows: BenchRow[] = [];
  for (const fn of TUNE_PROBLEMS) {
    const a = anchors.functions[fn.name];
    for (const [label] of variants) {
      const r = results.get(`${fn.name}/${label}`);
      if (r === undefined) continue;
      rows.push({
        case: `${fn.name}, ${TRIALS} trials, ${SEEDS} seeds, argmin ${label}`,
        metric: 'median best value',
        unit: '',
        argmin: median(r.bests),
        anchor: optuna,
        anchorValue: a.median,
        better: 'lower',
      });
    }
    const tpe = results.get(`${fn.name}/TPE`);
    if (tpe !== undefined) {
      rows.push({
        case: `${fn.name}, ${TRIALS} trials, argmin TPE (Mann–Whitney p = ${a.mann_whitney_p.toFixed(3)})`,
        metric: 'time per trial',
        unit: 'ms',
        argmin: (1000 * tpe.seconds) / (SEEDS * TRIALS),
        anchor: optuna,
        anchorValue: a.ms_per_trial,
        better: 'lower',
      });
    }
  }
  rows.push({
    case: `Ackley-10D, one ${OVERHEAD_TRIALS}-trial study, argmin TPE`,
    metric: 'time per trial',
    unit: 'ms',
    argmin: (1000 * overhead.seconds) / OVERHEAD_TRIALS,
    anchor: optuna,
    anchorValue: anchors.overhead_ms_per_trial,
    better: 'lower',
  });
  printMarkdown(rows);
  console.log(writeResults('tune', 'npm run bench:tune', rows));
}

await main();
