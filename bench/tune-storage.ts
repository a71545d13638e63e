/**
 * What persisting a study costs: one 1,000-trial TPE study on Ackley-10D (the objective costs
 * microseconds, so this is the engine's own time) in memory and persisted in a fresh SQLite store
 * (every trial claimed in a transaction, mirrored as a run with its params and values), next to
 * Optuna 3.1 doing the same in memory and with its RDB storage on SQLite. The target is
 * the persisted study within 2× of the in-memory one.
 *
 *   npm run build && node dist/bench/tune-storage.js   (TUNE_STORAGE_TRIALS=200 for a quick run)
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Study } from '../src/tune/index.js';
import { NopPruner, TpeSampler, createStudy, openStudy } from '../src/tune/index.js';
import type { BenchRow } from './report.js';
import { printMarkdown, runAnchor, writeResults } from './report.js';
import { TEST_FUNCTIONS, objectiveOf } from './tune-functions.js';

const TRIALS = Number(process.env.TUNE_STORAGE_TRIALS ?? 1000);
const ackley = TEST_FUNCTIONS.find((fn) => fn.name === 'Ackley-10D');

interface AnchorResult {
  readonly version: string;
  readonly memory_seconds: number;
  readonly sqlite_seconds: number;
}

async function timed(study: Study): Promise<number> {
  if (ackley === undefined) throw new Error('Ackley-10D is missing from bench/tune-functions.ts');
  const start = performance.now();
  await study.optimize(objectiveOf(ackley), { trials: TRIALS });
  return (performance.now() - start) / 1000;
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'argmin-tune-storage-'));
  try {
    const options = { sampler: new TpeSampler({ seed: 0 }), pruner: new NopPruner() };
    const memory = await timed(createStudy(options));
    console.log(`argmin in memory: ${memory.toFixed(2)} s`);
    const persisted = await openStudy({
      ...options,
      sampler: new TpeSampler({ seed: 0 }),
      name: 'ackley',
      store: `sqlite:${join(dir, 'argmin.db')}`,
    });
    const sqlite = await timed(persisted);
    await persisted.close();
    console.log(`argmin in SQLite: ${sqlite.toFixed(2)} s`);
    const anchor = runAnchor('tune_storage_anchor.py', [
      String(TRIALS),
      join(dir, 'optuna.db'),
    ]) as AnchorResult;
    const optuna = `Optuna ${anchor.version} TPESampler`;
    const rows: BenchRow[] = [
      {
        case: `Ackley-10D, ${TRIALS} trials, argmin persisted in SQLite vs argmin in memory`,
        metric: 'wall time',
        unit: 's',
        argmin: sqlite,
        anchor: 'argmin in memory (same run)',
        anchorValue: memory,
        better: 'lower',
      },
      {
        case: `Ackley-10D, ${TRIALS} trials, in memory`,
        metric: 'wall time',
        unit: 's',
        argmin: memory,
        anchor: `${optuna}, in memory`,
        anchorValue: anchor.memory_seconds,
        better: 'lower',
      },
      {
        case: `Ackley-10D, ${TRIALS} trials, persisted in SQLite`,
        metric: 'wall time',
        unit: 's',
        argmin: sqlite,
        anchor: `${optuna}, RDB storage on SQLite`,
        anchorValue: anchor.sqlite_seconds,
        better: 'lower',
      },
    ];
    printMarkdown(rows);
    console.log(writeResults('tune-storage', 'npm run bench:tune-storage', rows));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
