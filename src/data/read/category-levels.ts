import type { ColumnPlan } from './column-plan.js';
import { textExpression } from './column-plan.js';
import type { DuckDBSession } from './duckdb-session.js';

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
 * Dictionary-encodes the categorical columns inside DuckDB: one ENUM type of each column's
 * distinct values, then `enum_code` per row — a hash lookup in C++ instead of a JavaScript
 * string per row, which is what keeps a 3M-row file with string columns in the seconds. All
 * types are created in one batch and listed in one query to spare round trips on wide files.
 * DuckDB sorts by UTF-8 bytes and JavaScript by UTF-16 units (they differ above U+FFFF), so
 * levels are re-sorted here and codes remapped when the two orders disagree.
 */
export async function categoryLevels(
  session: DuckDBSession,
  plans: readonly ColumnPlan[],
): Promise<Map<number, CategoryLevels>> {
  const indices = plans.flatMap((plan, j) => (plan.kind === 'categorical' ? [j] : []));
  const out = new Map<number, CategoryLevels>();
  if (indices.length === 0) return out;
  const typeName = (j: number): string => `argmin_levels_${j}`;
  const creates = indices.map(
    (j) =>
      `CREATE TEMP TYPE ${typeName(j)} AS ENUM (SELECT DISTINCT v FROM (SELECT ${textExpression(plans[j])} AS v FROM src) WHERE v IS NOT NULL ORDER BY v);`,
  );
  await session.run(creates.join('\n'), 'collect the categories of the text columns');
  const [lists] = await session.rows(
    `SELECT ${indices.map((j) => `enum_range(NULL::${typeName(j)})`).join(', ')}`,
    'list the categories of the text columns',
  );
  indices.forEach((j, position) => {
    const enumOrder = (lists[position] as unknown[]).map(String);
    out.set(j, levelsFor(enumOrder, textExpression(plans[j]), typeName(j)));
  });
  return out;
}

function levelsFor(enumOrder: readonly string[], text: string, typeName: string): CategoryLevels {
  if (enumOrder.length === 0)
    return { levels: [], codeExpression: 'CAST(-1 AS INTEGER)', remap: null };
  const levels = [...enumOrder].sort();
  let remap: Int32Array | null = null;
  if (levels.some((level, i) => level !== enumOrder[i])) {
    const position = new Map(levels.map((level, i) => [level, i]));
    remap = Int32Array.from(enumOrder, (level) => position.get(level) as number);
  }
  return {
    levels,
    codeExpression: `COALESCE(CAST(enum_code(CAST(${text} AS ${typeName})) AS INTEGER), -1)`,
    remap,
  };
}
