import type { ColumnPlan } from './column-plan.js';
import { textExpression } from './column-plan.js';
import type { DuckDBSession } from './duckdb-session.js';

/** Rows of the first look that screens out plainly textual columns (see value-checks). */
export const sampleRows = 4096;

/** What one query learns about a categorical column's text. */
export interface TextStats {
  /** Distinct non-missing values, in DuckDB's order (UTF-8 bytes). */
  readonly values: readonly string[];
  /** Non-missing values, and how many of them parse as numbers: over all rows… */
  readonly present: number;
  readonly numbers: number;
  /** …and over the first {@link sampleRows} rows. */
  readonly samplePresent: number;
  readonly sampleNumbers: number;
}

const noText: TextStats = Object.freeze({
  values: [],
  present: 0,
  numbers: 0,
  samplePresent: 0,
  sampleNumbers: 0,
});

/**
 * Distinct values and number counts of every categorical column, keyed by plan index, in one
 * query: the columns are stacked (UNION ALL) and grouped by (column, value), so each distinct
 * value is parsed as a number once instead of every row, and wide files pay one round trip
 * instead of one per column. `rowid` follows file order in the freshly written table.
 */
export async function textStats(
  session: DuckDBSession,
  plans: readonly ColumnPlan[],
): Promise<Map<number, TextStats>> {
  const indices = plans.flatMap((plan, j) => (plan.kind === 'categorical' ? [j] : []));
  const out = new Map<number, TextStats>();
  if (indices.length === 0) return out;
  const stacked = indices
    .map((j) => `SELECT ${j} AS j, rowid AS r, ${textExpression(plans[j])} AS v FROM src`)
    .join(' UNION ALL ');
  const distinct = `SELECT j, v, count(*) AS n, count(*) FILTER (r < ${sampleRows}) AS ns, TRY_CAST(v AS DOUBLE) IS NOT NULL AS number FROM (${stacked}) WHERE v IS NOT NULL GROUP BY j, v`;
  const rows = await session.rows(
    `SELECT j, list(v ORDER BY v), sum(n), sum(n) FILTER (number), sum(ns), sum(ns) FILTER (number) FROM (${distinct}) GROUP BY j`,
    'collect the categories of the text columns',
  );
  for (const j of indices) out.set(j, noText);
  for (const [j, values, present, numbers, samplePresent, sampleNumbers] of rows) {
    out.set(Number(j), {
      values: (values as unknown[]).map(String),
      present: Number(present),
      numbers: Number(numbers ?? 0),
      samplePresent: Number(samplePresent ?? 0),
      sampleNumbers: Number(sampleNumbers ?? 0),
    });
  }
  return out;
}
