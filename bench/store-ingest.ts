/**
 * Tracking-store ingest on SQLite, argmin's run API vs raw better-sqlite3 on the same disk:
 * - metric ingest: 1,000,000 points (4 runs × 250,000, 10 keys) through `logMetric`, timed from
 *   the first call until `end()` has committed everything (history rows and latest_metrics),
 *   yielding to the event loop every 8,192 points as a training loop would; the anchor inserts
 *   the same points into the same `metrics` table (same schema, indexes and foreign keys) with
 *   one prepared single-row statement in transactions of 5,000 rows — the ceiling on this disk,
 *   with no latest_metrics upkeep;
 * - the cost of one `logMetric` call (µs), anchored on the raw per-row insert cost;
 * - create-run p50 (ms) over 200 `startRun` calls, anchored on a raw single-row insert into
 *   `runs` (its own transaction) p50.
 *
 *   npx tsc -p tsconfig.build.json && node dist/bench/store-ingest.js
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { openStore } from '../src/store/store.js';
import type { BenchRow } from './report.js';
import { printMarkdown, writeResults } from './report.js';

const RUNS = 4;
const POINTS_PER_RUN = 250_000;
const KEYS = Array.from({ length: 10 }, (_, i) => `metric_${i}`);
const RAW_TRANSACTION_ROWS = 5_000;
const CREATE_RUNS = 200;

const seconds = (start: bigint): number => Number(process.hrtime.bigint() - start) / 1e9;
const median = (values: number[]): number =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

async function argminIngest(uri: string): Promise<{ pointsPerSecond: number; callMicros: number }> {
  const store = await openStore(uri, { handleExit: false });
  let total = 0;
  let loggingSeconds = 0;
  for (let r = 0; r < RUNS; r++) {
    const run = await store.startRun({ experiment: 'ingest' });
    const start = process.hrtime.bigint();
    let calls = 0n;
    for (let step = 0; step < POINTS_PER_RUN; step++) {
      const callStart = process.hrtime.bigint();
      run.logMetric(KEYS[step % KEYS.length], Math.sin(step), { step });
      calls += process.hrtime.bigint() - callStart;
      if ((step & 8191) === 8191) await new Promise((wake) => setImmediate(wake));
    }
    await run.end();
    total += seconds(start);
    loggingSeconds += Number(calls) / 1e9;
  }
  await store.close();
  const points = RUNS * POINTS_PER_RUN;
  return { pointsPerSecond: points / total, callMicros: (loggingSeconds / points) * 1e6 };
}

/** The same points into the same table, the fastest plain way better-sqlite3 offers. */
async function rawIngest(uri: string, path: string): Promise<number> {
  await (await openStore(uri, { handleExit: false })).close(); // the same schema, migrated
  const database = new Database(path);
  database.pragma('journal_mode = WAL');
  database.pragma('synchronous = NORMAL');
  database.pragma('foreign_keys = ON');
  database
    .prepare(
      `insert into experiments (experiment_id, name, lifecycle_stage, created_at, updated_at) values ('e', 'raw', 'active', 0, 0)`,
    )
    .run();
  const insertRun = database.prepare(
    `insert into runs (run_id, experiment_id, name, status, start_time, argmin_version, lifecycle_stage, artifact_uri) values (?, 'e', 'r', 'RUNNING', 0, '0', 'active', '')`,
  );
  const insertPoint = database.prepare(
    'insert into metrics (run_id, key, step, timestamp, value) values (?, ?, ?, ?, ?)',
  );
  const insertMany = database.transaction((runId: string, from: number, to: number) => {
    const now = Date.now();
    for (let step = from; step < to; step++)
      insertPoint.run(runId, KEYS[step % KEYS.length], step, now, Math.sin(step));
  });
  const start = process.hrtime.bigint();
  for (let r = 0; r < RUNS; r++) {
    const runId = `run${r}`;
    insertRun.run(runId);
    for (let from = 0; from < POINTS_PER_RUN; from += RAW_TRANSACTION_ROWS)
      insertMany(runId, from, Math.min(POINTS_PER_RUN, from + RAW_TRANSACTION_ROWS));
  }
  const rate = (RUNS * POINTS_PER_RUN) / seconds(start);
  database.close();
  return rate;
}

async function argminCreateRun(uri: string): Promise<number> {
  const store = await openStore(uri, { handleExit: false });
  await (await store.startRun({ experiment: 'create' })).end(); // experiment made, caches warm
  const times: number[] = [];
  for (let i = 0; i < CREATE_RUNS; i++) {
    const start = process.hrtime.bigint();
    await store.startRun({ experiment: 'create' });
    times.push(seconds(start) * 1000);
  }
  await store.close();
  return median(times);
}

async function rawCreateRun(uri: string, path: string): Promise<number> {
  await (await openStore(uri, { handleExit: false })).close();
  const database = new Database(path);
  database.pragma('journal_mode = WAL');
  database.pragma('synchronous = NORMAL');
  database.pragma('foreign_keys = ON');
  database
    .prepare(
      `insert into experiments (experiment_id, name, lifecycle_stage, created_at, updated_at) values ('e', 'raw', 'active', 0, 0)`,
    )
    .run();
  const insertRun = database.prepare(
    `insert into runs (run_id, experiment_id, name, status, start_time, argmin_version, lifecycle_stage, artifact_uri) values (?, 'e', ?, 'RUNNING', ?, '0.1.0', 'active', '')`,
  );
  const times: number[] = [];
  for (let i = 0; i < CREATE_RUNS; i++) {
    const start = process.hrtime.bigint();
    insertRun.run(`run${i}`, `run-${i}`, Date.now());
    times.push(seconds(start) * 1000);
  }
  database.close();
  return median(times);
}

const dir = mkdtempSync(join(tmpdir(), 'argmin-store-ingest-'));
const file = (name: string) => join(dir, `${name}.db`);
try {
  const ingest = await argminIngest(`sqlite:${file('argmin')}`);
  const rawRate = await rawIngest(`sqlite:${file('raw')}`, file('raw'));
  const createP50 = await argminCreateRun(`sqlite:${file('create')}`);
  const rawCreateP50 = await rawCreateRun(`sqlite:${file('raw-create')}`, file('raw-create'));
  const rawAnchor = `raw better-sqlite3 prepared insert, ${RAW_TRANSACTION_ROWS}-row transactions, same table and disk`;
  const rows: BenchRow[] = [
    {
      case: `SQLite metric ingest, ${RUNS * POINTS_PER_RUN} points (${RUNS} runs × ${KEYS.length} keys), until end()`,
      metric: 'throughput',
      unit: 'points/s',
      argmin: ingest.pointsPerSecond,
      anchor: rawAnchor,
      anchorValue: rawRate,
      better: 'higher',
    },
    {
      case: 'logMetric call (buffered, returns at once)',
      metric: 'cost per call',
      unit: 'µs',
      argmin: ingest.callMicros,
      anchor: `${rawAnchor}, per row`,
      anchorValue: 1e6 / rawRate,
      better: 'lower',
    },
    {
      case: `SQLite startRun, p50 of ${CREATE_RUNS}`,
      metric: 'latency',
      unit: 'ms',
      argmin: createP50,
      anchor: 'raw better-sqlite3 single-row insert into runs (own transaction), p50',
      anchorValue: rawCreateP50,
      better: 'lower',
    },
  ];
  printMarkdown(rows);
  console.log(
    writeResults(
      'store-ingest',
      'npx tsc -p tsconfig.build.json && node dist/bench/store-ingest.js',
      rows,
    ),
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
}
