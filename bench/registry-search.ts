/**
 * Registry search at 10,000 registered models (3 versions, 2 model tags and 1 alias each):
 * p50/p95 latency of `registry.listModels` for a name-LIKE search returning the first 100 models
 * (tags, aliases and latest version included), next to the same four statements (page + three
 * hydration queries) run as raw SQL on the driver (better-sqlite3 / pg) on the same database.
 * Both stores are ANALYZEd after the bulk load. Target ≤ 20 ms. SQLite always; PostgreSQL too when ARGMIN_TEST_POSTGRES_URL is set.
 *
 *   npx tsc -p tsconfig.build.json && node dist/bench/registry-search.js
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { sql } from 'kysely';
import pg from 'pg';
import { Registry } from '../src/registry/index.js';
import type { ListModelsOptions } from '../src/registry/index.js';
import type { StoreConnection } from '../src/store/connect.js';
import { connectStore, parseStoreUri } from '../src/store/connect.js';
import type { BenchRow } from './report.js';
import { printMarkdown, writeResults } from './report.js';

const MODELS = 10_000;
const VERSIONS_PER_MODEL = 3;
const WARMUP = 20;
const REPEATS = 300;
const TEAMS = ['risk', 'growth', 'ops', 'fraud', 'search'];
const KINDS = ['credit', 'churn', 'ltv', 'price'];

interface SearchCase {
  readonly label: string;
  readonly options: ListModelsOptions;
}

const CASES: readonly SearchCase[] = [
  { label: "name LIKE '%credit%' (2,500 match)", options: { nameLike: '%credit%' } },
  { label: "name LIKE 'risk-%' (2,000 match)", options: { nameLike: 'risk-%' } },
  {
    label: "name LIKE '%churn%' and tag team=ops",
    options: { nameLike: '%churn%', tags: { team: 'ops' } },
  },
];

/** A raw driver running one SQL statement with positional parameters. */
type RawQuery = (text: string, params: readonly unknown[]) => Promise<Record<string, unknown>[]>;

async function seed(store: StoreConnection): Promise<void> {
  const now = Date.now();
  const names = Array.from(
    { length: MODELS },
    (_, i) =>
      `${TEAMS[i % TEAMS.length]}-${KINDS[Math.floor(i / 5) % KINDS.length]}-${String(i).padStart(5, '0')}`,
  );
  await store.db.transaction().execute(async (trx) => {
    for (let start = 0; start < names.length; start += 500) {
      const chunk = names.slice(start, start + 500);
      await trx
        .insertInto('registered_models')
        .values(
          chunk.map((name) => ({
            name,
            description: null,
            created_at: now,
            updated_at: now,
            next_version: VERSIONS_PER_MODEL + 1,
          })),
        )
        .execute();
      await trx
        .insertInto('registered_model_tags')
        .values(
          chunk.flatMap((name) => [
            { name, key: 'team', value: name.split('-')[0] },
            { name, key: 'owner', value: `user${name.length % 7}` },
          ]),
        )
        .execute();
      await trx
        .insertInto('model_versions')
        .values(
          chunk.flatMap((name) =>
            Array.from({ length: VERSIONS_PER_MODEL }, (_, v) => ({
              name,
              version: v + 1,
              run_id: null,
              artifact_uri: `/models/${name}/${v + 1}.argmin`,
              signature: null,
              metrics: JSON.stringify({ auc: 0.7 + v * 0.05 }),
              description: null,
              status: 'active' as const,
              created_at: now,
              updated_at: now,
            })),
          ),
        )
        .execute();
      await trx
        .insertInto('model_aliases')
        .values(
          chunk.map((name) => ({
            name,
            alias: 'champion',
            version: VERSIONS_PER_MODEL,
            updated_at: now,
          })),
        )
        .execute();
    }
  });
  // Planner statistics, as PostgreSQL's autovacuum would gather within a minute of a bulk load;
  // without them it scans and sorts all 10,000 models instead of walking the name index.
  await sql`analyze`.execute(store.db);
}

/** The statements listModels issues, written by hand: the page, then tags, aliases, latest. */
async function rawSearch(
  query: RawQuery,
  dialect: 'sqlite' | 'postgres',
  options: ListModelsOptions,
): Promise<number> {
  const like = dialect === 'postgres' ? 'ilike' : 'like';
  const p = (i: number): string => (dialect === 'postgres' ? `$${i}` : '?');
  const params: unknown[] = [options.nameLike];
  let where = `name ${like} ${p(1)} escape '\\'`;
  for (const [key, value] of Object.entries(options.tags ?? {})) {
    params.push(key, value);
    where += ` and exists (select 1 from registered_model_tags t where t.name = registered_models.name and t.key = ${p(params.length - 1)} and t.value = ${p(params.length)})`;
  }
  const page = await query(
    `select * from registered_models where ${where} order by name limit 101`,
    params,
  );
  const names = page.slice(0, 100).map((row) => row.name);
  const list = names.map((_, i) => p(i + 1)).join(', ');
  await query(`select name, key, value from registered_model_tags where name in (${list})`, names);
  await query(`select name, alias, version from model_aliases where name in (${list})`, names);
  await query(
    `select name, max(version) as latest from model_versions where name in (${list}) group by name`,
    names,
  );
  return names.length;
}

async function percentiles(
  work: () => Promise<number>,
): Promise<{ p50: number; p95: number; rows: number }> {
  let rows = 0;
  for (let i = 0; i < WARMUP; i++) rows = await work();
  const times: number[] = [];
  for (let i = 0; i < REPEATS; i++) {
    const t0 = performance.now();
    await work();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return { p50: times[Math.floor(REPEATS * 0.5)], p95: times[Math.floor(REPEATS * 0.95)], rows };
}

async function benchDialect(uri: string, raw: RawQuery, anchor: string): Promise<BenchRow[]> {
  const store = await connectStore(uri);
  const rows: BenchRow[] = [];
  try {
    await seed(store);
    const registry = new Registry(store);
    for (const c of CASES) {
      const ours = await percentiles(
        async () => (await registry.listModels(c.options)).models.length,
      );
      const theirs = await percentiles(() => rawSearch(raw, store.dialect, c.options));
      if (ours.rows !== 100 || theirs.rows !== 100)
        throw new Error(`${c.label}: expected 100 rows, got ${ours.rows} and ${theirs.rows}`);
      const name = `${store.dialect}, ${MODELS} models: ${c.label}, first 100`;
      for (const q of ['p50', 'p95'] as const)
        rows.push({
          case: name,
          metric: `${q} latency`,
          unit: 'ms',
          argmin: ours[q],
          anchor,
          anchorValue: theirs[q],
          better: 'lower',
        });
    }
  } finally {
    await store.close();
  }
  return rows;
}

async function sqliteRows(): Promise<BenchRow[]> {
  const dir = mkdtempSync(join(tmpdir(), 'argmin-bench-registry-'));
  const uri = `sqlite:${join(dir, 'argmin.db')}`;
  const database = new Database(parseStoreUri(uri).target);
  const statements = new Map<string, Database.Statement>();
  const raw: RawQuery = async (text, params) => {
    let statement = statements.get(text);
    if (statement === undefined) statements.set(text, (statement = database.prepare(text)));
    return statement.all(...params) as Record<string, unknown>[];
  };
  try {
    return await benchDialect(uri, raw, 'raw better-sqlite3, same 4 statements');
  } finally {
    database.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function postgresRows(adminUrl: string): Promise<BenchRow[]> {
  const name = `argmin_bench_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const client = new pg.Client({ connectionString: url.toString() });
  try {
    // connectStore (inside benchDialect) creates the schema before the raw client queries it.
    const raw: RawQuery = async (text, params) => (await client.query(text, [...params])).rows;
    await client.connect();
    return await benchDialect(url.toString(), raw, 'raw pg client, same 4 statements');
  } finally {
    await client.end();
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
  }
}

const rows = await sqliteRows();
const postgresUrl = process.env.ARGMIN_TEST_POSTGRES_URL;
if (postgresUrl !== undefined) rows.push(...(await postgresRows(postgresUrl)));
else console.error('PostgreSQL skipped: set ARGMIN_TEST_POSTGRES_URL to include it');
printMarkdown(rows);
console.log(
  `results: ${writeResults('registry-search', 'node dist/bench/registry-search.js', rows)}`,
);
