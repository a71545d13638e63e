import type { ColumnKind } from '../column.js';
import type { BadValueSite, Expectation } from './bad-value.js';
import { badValueError } from './bad-value.js';
import type { ColumnPlan } from './column-plan.js';
import { isTextType, parseTypeForKind } from './column-plan.js';
import { firstCastReject } from './csv-rejects.js';
import type { DuckDBSession } from './duckdb-session.js';
import type { ScanSpec } from './source-scan.js';
import { scanExpression } from './source-scan.js';
import { quoteIdentifier } from './sql.js';
import type { TextStats } from './text-stats.js';

/** Share of non-missing values that must be numbers for a text column to count as "numeric with a few bad values". */
const mostlyNumericShare = 0.95;

/**
 * A text column whose values are nearly all numbers almost always means a placeholder such as
 * "?" or "n/a" in a numeric column; reading it silently as categorical would turn a number into
 * hundreds of one-off categories. This throws for the first such column, naming the line and
 * the offending value. Columns the caller declared categorical are trusted.
 */
export async function throwIfMostlyNumeric(
  session: DuckDBSession,
  spec: ScanSpec,
  plans: readonly ColumnPlan[],
  stats: ReadonlyMap<number, TextStats>,
): Promise<void> {
  for (const [j, counts] of stats) {
    const plan = plans[j];
    if (plan.forced || !isTextType(plan.sourceType)) continue;
    // The first rows screen out plainly textual columns (airport codes, names), whatever the rest holds.
    const { samplePresent, sampleNumbers, present, numbers } = counts;
    if (samplePresent > 0 && sampleNumbers < 0.5 * samplePresent) continue;
    if (present === 0 || numbers === present || numbers < mostlyNumericShare * present) continue;
    const site = await locateBadValue(session, spec, plan.name, 'numeric');
    throw badValueError(site, 'mostly', ` (${numbers} of ${present})`);
  }
}

/**
 * Non-CSV sources (JSON, Parquet) with a forced kind on a text column: the first value that does
 * not parse. CSV sources get this from the CSV reader itself.
 */
export async function throwIfForcedValuesBad(
  session: DuckDBSession,
  spec: ScanSpec,
  plans: readonly ColumnPlan[],
): Promise<void> {
  for (const plan of plans) {
    if (!plan.forced || plan.kind === 'categorical' || !isTextType(plan.sourceType)) continue;
    const bad = await firstUnparsable(session, plan.name, plan.kind);
    if (bad !== undefined)
      throw badValueError(
        siteFromRow(spec, plan.name, plan.kind, bad),
        'forced' satisfies Expectation,
      );
  }
}

async function locateBadValue(
  session: DuckDBSession,
  spec: ScanSpec,
  column: string,
  kind: Exclude<ColumnKind, 'categorical'>,
): Promise<BadValueSite> {
  if (spec.format === 'csv') {
    // Re-read the one column with its type forced so the CSV reader reports true file lines
    // (counting quoted line breaks), which row numbers cannot.
    const probe = scanExpression({ ...spec, csvTypes: { [column]: kind } });
    await session.run(
      `CREATE TEMP TABLE argmin_probe AS SELECT ${quoteIdentifier(column)} FROM ${probe}`,
      `re-read column "${column}"`,
    );
    const reject = await firstCastReject(session, column);
    if (reject !== undefined) return { file: session.file, column, kind, ...reject };
  }
  const bad = await firstUnparsable(session, column, kind);
  return siteFromRow(spec, column, kind, bad ?? { row: 0, value: '' });
}

async function firstUnparsable(
  session: DuckDBSession,
  column: string,
  kind: Exclude<ColumnKind, 'categorical'>,
): Promise<{ row: number; value: string } | undefined> {
  const c = `NULLIF(CAST(${quoteIdentifier(column)} AS VARCHAR), '')`;
  const rows = await session.rows(
    `SELECT rowid, ${c} FROM src WHERE ${c} IS NOT NULL AND TRY_CAST(${c} AS ${parseTypeForKind[kind]}) IS NULL ORDER BY rowid LIMIT 1`,
    `check the values of column "${column}"`,
  );
  return rows.length === 0 ? undefined : { row: Number(rows[0][0]) + 1, value: String(rows[0][1]) };
}

function siteFromRow(
  spec: ScanSpec,
  column: string,
  kind: ColumnKind,
  bad: { row: number; value: string },
): BadValueSite {
  // One record per line in NDJSON, so the record number is the line number.
  const line = spec.format === 'ndjson' ? bad.row : undefined;
  return { file: spec.source, column, kind, value: bad.value, line, row: bad.row };
}
