import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** One comparison of argmin against a reference implementation measured in the same run. */
export interface BenchRow {
  readonly case: string;
  readonly metric: string;
  readonly unit: string;
  readonly argmin: number;
  /** What the anchor is, e.g. `scikit-learn 1.2.1 LogisticRegression(lbfgs)`. */
  readonly anchor: string;
  readonly anchorValue: number;
  readonly better: 'lower' | 'higher';
}

export const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Writes bench/results/NAME.json with ratio = argmin ÷ anchorValue for every row. */
export function writeResults(name: string, command: string, rows: readonly BenchRow[]): string {
  const path = join(repoRoot, 'bench', 'results', `${name}.json`);
  mkdirSync(dirname(path), { recursive: true });
  const out = {
    command,
    date: new Date().toISOString(),
    machine: machineDescription(),
    rows: rows.map((r) => ({ ...r, ratio: r.argmin / r.anchorValue })),
  };
  writeFileSync(path, JSON.stringify(out, null, 2) + '\n');
  return path;
}

/** Prints rows as a Markdown table ready for BENCHMARKS.md. */
export function printMarkdown(rows: readonly BenchRow[]): void {
  console.log('| case | metric | argmin | anchor | anchor value | ratio | better |');
  console.log('|---|---|---|---|---|---|---|');
  for (const r of rows) {
    console.log(
      `| ${r.case} | ${r.metric} (${r.unit}) | ${fmt(r.argmin)} | ${r.anchor} | ${fmt(r.anchorValue)} | ${fmt(r.argmin / r.anchorValue)} | ${r.better} |`,
    );
  }
}

function fmt(v: number): string {
  return Math.abs(v) >= 100 ? v.toFixed(1) : v.toPrecision(4);
}

export function machineDescription(): string {
  const os = execFileSync('uname', ['-srm']).toString().trim();
  // Not `nproc`: it honours OMP_NUM_THREADS, which the anchors set to 1.
  return `${os}, ${availableParallelism()} cores, Node ${process.version}`;
}

/**
 * Runs a script under bench/anchors/ with Debian's Python (never the first python3 on PATH) and
 * parses the JSON it prints on its last stdout line.
 */
export function runAnchor(script: string, args: readonly string[] = []): unknown {
  const out = execFileSync(
    '/usr/bin/python3',
    [join(repoRoot, 'bench', 'anchors', script), ...args],
    {
      cwd: repoRoot,
      maxBuffer: 256 * 1024 * 1024,
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  ).toString();
  const lines = out.trim().split('\n');
  return JSON.parse(lines[lines.length - 1]);
}

/** Median wall time in seconds of `repeats` runs of fn (after one warm-up run when warmup is true). */
export function timeIt(fn: () => void, repeats = 3, warmup = true): number {
  if (warmup) fn();
  const times: number[] = [];
  for (let i = 0; i < repeats; i++) {
    const t0 = process.hrtime.bigint();
    fn();
    times.push(Number(process.hrtime.bigint() - t0) / 1e9);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}
