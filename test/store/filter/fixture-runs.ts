/**
 * A small hand-built store for search tests: runs with params, tags, metric aggregates and
 * datasets written straight through `db`, plus the same runs as plain objects for the reference
 * evaluator. Values are chosen to hit the edges: NaN and ±Infinity metrics, missing keys,
 * non-numeric params, mixed case, LIKE wildcards and quotes in text, NULL attributes.
 */
import type { Kysely } from 'kysely';
import type { StoreDatabase } from '../../../src/store/schema.js';

export interface MetricSummary {
  readonly last: number;
  readonly first: number;
  readonly min: number;
  readonly max: number;
  readonly count: number;
}

export interface FixtureRun {
  readonly run_id: string;
  readonly experiment_id: string;
  readonly name: string;
  readonly status: 'RUNNING' | 'FINISHED' | 'FAILED' | 'KILLED';
  readonly start_time: number;
  readonly end_time: number | null;
  readonly parent_run_id: string | null;
  readonly source_commit: string | null;
  readonly source_command: string | null;
  readonly host: string | null;
  readonly argmin_version: string;
  readonly lifecycle_stage: 'active' | 'deleted';
  readonly params: Readonly<Record<string, string>>;
  readonly tags: Readonly<Record<string, string>>;
  readonly metrics: Readonly<Record<string, MetricSummary>>;
  readonly datasets: readonly { readonly name: string; readonly fingerprint: string }[];
}

export const EXPERIMENTS = ['exp-a', 'exp-b'] as const;
const DATASETS = [
  { dataset_id: 'ds1', name: 'credit', fingerprint: 'f00d' },
  { dataset_id: 'ds2', name: 'Telco_churn', fingerprint: 'beef' },
];

/** The numeric reading of a param, as the store writes params.value_num. */
export function numericParam(text: string): number | null {
  if (!/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(text.trim())) return null;
  const value = Number(text);
  return Number.isFinite(value) ? value : null;
}

/** Deterministic pseudo-random stream (LCG) so the fixture is the same every run. */
function stream(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

const MODELS = ['gbdt', 'rf', 'GBDT', 'linear', "o'brien"];
const LRS = ['0.1', '0.01', '1e-3', 'auto', '0.1', '10', '-2'];
const TEAMS = ['a', 'b', 'c', 'A', '100%', 'x_y'];
const NAMES = ['alpha', 'Alpha', 'beta_1', 'beta%2', 'gamma', 'delta[1]', 'eps*'];
const METRIC_VALUES = [0.5, 0.91, 0.95, 0.7, NaN, Infinity, -Infinity, 0.95, 1, 0];

function pick<T>(random: () => number, values: readonly T[]): T {
  return values[Math.floor(random() * values.length)];
}

function summary(random: () => number): MetricSummary {
  const last = pick(random, METRIC_VALUES);
  const first = pick(random, METRIC_VALUES);
  const finite = [last, first].filter((v) => !Number.isNaN(v));
  const extra = random() < 0.5 ? -1 : 2;
  const lo = finite.length > 0 ? Math.min(...finite, extra) : NaN;
  const hi = finite.length > 0 ? Math.max(...finite, extra) : NaN;
  return { last, first, min: lo, max: hi, count: 1 + Math.floor(random() * 5) };
}

export function fixtureRuns(count = 48): FixtureRun[] {
  const random = stream(7);
  const runs: FixtureRun[] = [];
  for (let i = 0; i < count; i++) {
    const params: Record<string, string> = {};
    if (random() < 0.85) params.model = pick(random, MODELS);
    if (random() < 0.8) params.lr = pick(random, LRS);
    params['batch size'] = String(16 << (i % 3));
    const tags: Record<string, string> = {};
    if (random() < 0.7) tags.team = pick(random, TEAMS);
    if (random() < 0.3) tags['owner.email'] = `user${i % 4}@example.com`;
    const metrics: Record<string, MetricSummary> = {};
    if (random() < 0.85) metrics.auc = summary(random);
    if (random() < 0.7) metrics['val loss'] = summary(random);
    const datasets = DATASETS.filter(() => random() < 0.4).map(({ name, fingerprint }) => ({
      name,
      fingerprint,
    }));
    runs.push({
      run_id: `r${String(i).padStart(3, '0')}${(i * 7919).toString(16)}`,
      experiment_id: EXPERIMENTS[i % 2],
      name: pick(random, NAMES),
      status: pick(random, ['RUNNING', 'FINISHED', 'FINISHED', 'FAILED', 'KILLED'] as const),
      // Few distinct times, so ties exercise the run_id tie-break.
      start_time: 1_700_000_000_000 + (i % 6) * 1000,
      end_time: random() < 0.3 ? null : 1_700_000_100_000 + (i % 5),
      parent_run_id: i > 3 && random() < 0.3 ? runs[i % 3].run_id : null,
      source_commit: random() < 0.5 ? `c0ffee${i % 3}` : null,
      source_command: random() < 0.5 ? 'argmin tune --trials 10' : null,
      host: random() < 0.8 ? pick(random, ['box-1', 'box-2', 'Box-1']) : null,
      argmin_version: i % 4 === 0 ? '0.1.0' : '0.2.0',
      lifecycle_stage: i % 11 === 5 ? 'deleted' : 'active',
      params,
      tags,
      metrics,
      datasets,
    });
  }
  return runs;
}

const nanToNull = (value: number): number | null => (Number.isNaN(value) ? null : value);

/** Writes `runs` into an empty store. */
export async function insertFixture(
  db: Kysely<StoreDatabase>,
  runs: readonly FixtureRun[],
): Promise<void> {
  await db
    .insertInto('experiments')
    .values(
      EXPERIMENTS.map((id) => ({
        experiment_id: id,
        name: id,
        description: null,
        lifecycle_stage: 'active' as const,
        created_at: 0,
        updated_at: 0,
      })),
    )
    .execute();
  await db
    .insertInto('datasets')
    .values(DATASETS.map((d) => ({ ...d, rows: 10, columns: 3, profile: null, created_at: 0 })))
    .execute();
  for (const run of runs) {
    const { params, tags, metrics, datasets, ...row } = run;
    await db
      .insertInto('runs')
      .values({ ...row, artifact_uri: `file:///tmp/${run.run_id}` })
      .execute();
    const paramRows = Object.entries(params).map(([key, value]) => ({
      run_id: run.run_id,
      key,
      value,
      value_num: numericParam(value),
    }));
    if (paramRows.length > 0) await db.insertInto('params').values(paramRows).execute();
    const tagRows = Object.entries(tags).map(([key, value]) => ({
      run_id: run.run_id,
      key,
      value,
    }));
    if (tagRows.length > 0) await db.insertInto('run_tags').values(tagRows).execute();
    const metricRows = Object.entries(metrics).map(([key, m]) => ({
      run_id: run.run_id,
      key,
      last_value: nanToNull(m.last),
      last_step: m.count - 1,
      last_timestamp: 0,
      first_value: nanToNull(m.first),
      first_step: 0,
      first_timestamp: 0,
      min_value: nanToNull(m.min),
      max_value: nanToNull(m.max),
      count: m.count,
    }));
    if (metricRows.length > 0) await db.insertInto('latest_metrics').values(metricRows).execute();
    const inputRows = datasets.map((d) => ({
      run_id: run.run_id,
      dataset_id: DATASETS.find((known) => known.name === d.name)!.dataset_id,
      context: 'train',
    }));
    if (inputRows.length > 0) await db.insertInto('run_inputs').values(inputRows).execute();
  }
}
