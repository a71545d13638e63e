/**
 * The synthetic store behind bench/store-search.ts: RUN_COUNT runs in one experiment, 20 params
 * (p0 a model name out of 10, p1–p9 numbers, p10–p19 short strings) and 10 metrics (m0–m9,
 * uniform in [0, 1)) per run, written in bulk straight into the tables (migrated by
 * connectStore first), deterministic for a given size.
 */
import Database from 'better-sqlite3';
import pg from 'pg';
import { connectStore } from '../src/store/connect.js';

export const RUN_COUNT = Number(process.env.BENCH_RUNS ?? 100_000);
const PARAMS = 20;
const METRICS = 10;
const START = 1_700_000_000_000;

/** A deterministic stream in [0, 1). */
function stream(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

interface Columns {
  runIds: string[];
  params: { runId: string[]; key: string[]; value: string[]; valueNum: (number | null)[] };
  metrics: {
    runId: string[];
    key: string[];
    last: number[];
    first: number[];
    min: number[];
    max: number[];
  };
}

function generate(from: number, to: number): Columns {
  const random = stream(from + 1);
  const columns: Columns = {
    runIds: [],
    params: { runId: [], key: [], value: [], valueNum: [] },
    metrics: { runId: [], key: [], last: [], first: [], min: [], max: [] },
  };
  for (let i = from; i < to; i++) {
    const runId = `run${i.toString(16).padStart(8, '0')}`;
    columns.runIds.push(runId);
    for (let p = 0; p < PARAMS; p++) {
      let value: string;
      let valueNum: number | null = null;
      if (p === 0) value = `m${Math.floor(random() * 10)}`;
      else if (p < 10) {
        valueNum = Math.round(random() * 1e6) / 1e6;
        value = String(valueNum);
      } else value = `v${Math.floor(random() * 100)}`;
      columns.params.runId.push(runId);
      columns.params.key.push(`p${p}`);
      columns.params.value.push(value);
      columns.params.valueNum.push(valueNum);
    }
    for (let m = 0; m < METRICS; m++) {
      const last = random();
      const first = random();
      columns.metrics.runId.push(runId);
      columns.metrics.key.push(`m${m}`);
      columns.metrics.last.push(last);
      columns.metrics.first.push(first);
      columns.metrics.min.push(Math.min(last, first));
      columns.metrics.max.push(Math.max(last, first));
    }
  }
  return columns;
}

const CHUNK = 20_000;

/** Creates the SQLite store at `path` unless it already holds RUN_COUNT runs. */
export async function buildSqliteStore(path: string): Promise<void> {
  const store = await connectStore(`sqlite:${path}`);
  await store.close();
  const database = new Database(path);
  try {
    const { n } = database.prepare('select count(*) as n from runs').get() as { n: number };
    if (n === RUN_COUNT) return;
    console.error(`building a SQLite store of ${RUN_COUNT} runs at ${path}`);
    const insertRun = database.prepare(
      `insert into runs (run_id, experiment_id, name, status, start_time, end_time, argmin_version, lifecycle_stage, artifact_uri)
       values (?, 'bench', ?, 'FINISHED', ?, ?, '0.1.0', 'active', ?)`,
    );
    const insertParam = database.prepare('insert into params values (?, ?, ?, ?)');
    const insertMetric = database.prepare(
      'insert into latest_metrics values (?, ?, ?, 9, 0, ?, 0, 0, ?, ?, 10)',
    );
    database.transaction(() => {
      for (const table of ['latest_metrics', 'params', 'runs', 'experiments'])
        database.prepare(`delete from ${table}`).run();
      database
        .prepare("insert into experiments values ('bench', 'bench', null, 'active', 0, 0)")
        .run();
      for (let from = 0; from < RUN_COUNT; from += CHUNK) {
        const c = generate(from, Math.min(RUN_COUNT, from + CHUNK));
        c.runIds.forEach((id, i) =>
          insertRun.run(
            id,
            `run ${from + i}`,
            START + from + i,
            START + from + i + 60_000,
            `file:///${id}`,
          ),
        );
        const p = c.params;
        for (let i = 0; i < p.runId.length; i++)
          insertParam.run(p.runId[i], p.key[i], p.value[i], p.valueNum[i]);
        const m = c.metrics;
        for (let i = 0; i < m.runId.length; i++)
          insertMetric.run(m.runId[i], m.key[i], m.last[i], m.first[i], m.min[i], m.max[i]);
      }
    })();
  } finally {
    database.close();
  }
}

/** Creates (or reuses) the database argmin_bench_search next to `url`; returns its URI. */
export async function buildPostgresStore(url: string): Promise<string> {
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  const exists = await admin.query(
    "select 1 from pg_database where datname = 'argmin_bench_search'",
  );
  if (exists.rowCount === 0) await admin.query('create database argmin_bench_search');
  await admin.end();
  const target = new URL(url);
  target.pathname = '/argmin_bench_search';
  const uri = target.toString();
  await (await connectStore(uri)).close();
  const client = new pg.Client({ connectionString: uri });
  await client.connect();
  try {
    const { rows } = await client.query<{ n: string }>('select count(*) as n from runs');
    if (Number(rows[0].n) === RUN_COUNT) return uri;
    console.error(`building a PostgreSQL store of ${RUN_COUNT} runs in argmin_bench_search`);
    await client.query('begin');
    await client.query('truncate latest_metrics, params, runs, experiments cascade');
    await client.query("insert into experiments values ('bench', 'bench', null, 'active', 0, 0)");
    for (let from = 0; from < RUN_COUNT; from += CHUNK) {
      const c = generate(from, Math.min(RUN_COUNT, from + CHUNK));
      await client.query(
        `insert into runs (run_id, experiment_id, name, status, start_time, end_time, argmin_version, lifecycle_stage, artifact_uri)
         select id, 'bench', 'run ' || (n - 1 + $2::bigint), 'FINISHED', $3::bigint + $2::bigint + n - 1,
                $3::bigint + $2::bigint + n - 1 + 60000, '0.1.0', 'active', 'file:///' || id
         from unnest($1::text[]) with ordinality as t(id, n)`,
        [c.runIds, from, START],
      );
      const p = c.params;
      await client.query(
        'insert into params select * from unnest($1::text[], $2::text[], $3::text[], $4::float8[])',
        [p.runId, p.key, p.value, p.valueNum],
      );
      const m = c.metrics;
      await client.query(
        `insert into latest_metrics
         select r, k, l, 9, 0, f, 0, 0, lo, hi, 10
         from unnest($1::text[], $2::text[], $3::float8[], $4::float8[], $5::float8[], $6::float8[]) as t(r, k, l, f, lo, hi)`,
        [m.runId, m.key, m.last, m.first, m.min, m.max],
      );
    }
    await client.query('commit');
    await client.query('analyze');
  } finally {
    await client.end();
  }
  return uri;
}
