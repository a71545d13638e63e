import type { ColumnPlan } from './column-plan.js';
import { textExpression } from './column-plan.js';
import type { DuckDBSession } from './duckdb-session.js';
import { quoteLiteral } from './sql.js';
import type { TextStats } from './text-stats.js';

/** A categorical column's dictionary, built inside DuckDB as an ENUM type. */
export interface CategoryLevels {
  /** Levels in JavaScript sort order (the Frame's order). */
  readonly levels: readonly string[];
  /** SQL giving each row's code in the ENUM's own order, -1 for missing. */
  readonly codeExpression: string;
  /** ENUM code → Frame code, or null when the ENUM order already is the sorted order. */
  readonly remap: Int32Array | null;
}

/**
 * Levels up to which an ENUM is written out as literals in the Frame's order. Past it, the
 * SQL text (and DuckDB's parse of it) grows to tens of milliseconds, and the ENUM is filled by
 * a DISTINCT query instead, in DuckDB's order, with codes remapped.
 */
const literalLevels = 20_000;

/**
 * Dictionary-encodes the categorical columns inside DuckDB: one ENUM type of each column's
 * distinct values (from {@link textStats}), then `enum_code` per row — a hash lookup in C++
 * instead of a JavaScript string per row, which is what keeps a 3M-row file with string columns
 * in the seconds. All types are created in one batch to spare round trips on wide files.
 * DuckDB sorts by UTF-8 bytes and JavaScript by UTF-16 units (they differ above U+FFFF), so
 * levels are sorted here; literal ENUMs take that order, queried ones get a remap.
 */
export async function categoryLevels(
  session: DuckDBSession,
  plans: readonly ColumnPlan[],
  stats: ReadonlyMap<number, TextStats>,
): Promise<Map<number, CategoryLevels>> {
  const out = new Map<number, CategoryLevels>();
  const creates: string[] = [];
  for (const [j, { values }] of stats) {
    const typeName = `argmin_levels_${j}`;
    const text = textExpression(plans[j]);
    const levels = [...values].sort();
    if (levels.length === 0) {
      out.set(j, { levels, codeExpression: 'CAST(-1 AS INTEGER)', remap: null });
      continue;
    }
    let remap: Int32Array | null = null;
    if (levels.length <= literalLevels) {
      creates.push(
        `CREATE TEMP TYPE ${typeName} AS ENUM (${levels.map(quoteLiteral).join(', ')});`,
      );
    } else {
      creates.push(
        `CREATE TEMP TYPE ${typeName} AS ENUM (SELECT DISTINCT v FROM (SELECT ${text} AS v FROM src) WHERE v IS NOT NULL ORDER BY v);`,
      );
      remap = remapFor(values, levels);
    }
    out.set(j, {
      levels,
      codeExpression: `COALESCE(CAST(enum_code(CAST(${text} AS ${typeName})) AS INTEGER), -1)`,
      remap,
    });
  }
  if (creates.length > 0)
    await session.run(creates.join('\n'), 'collect the categories of the text columns');
  return out;
}

/** ENUM position → sorted position, or null when the two orders agree. */
function remapFor(enumOrder: readonly string[], levels: readonly string[]): Int32Array | null {
  if (levels.every((level, i) => level === enumOrder[i])) return null;
  const position = new Map(levels.map((level, i) => [level, i]));
  return Int32Array.from(enumOrder, (level) => position.get(level) as number);
}
