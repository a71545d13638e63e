import type { DuckDBVector } from '@duckdb/node-api';
import type { Column } from '../column.js';
import { categoricalColumn } from '../column.js';
import type { CategoryLevels } from './category-levels.js';
import type { ColumnPlan } from './column-plan.js';
import { valueExpression } from './column-plan.js';
import type { DuckDBSession } from './duckdb-session.js';

/**
 * Runs one SELECT that yields every column as either a non-null DOUBLE or a non-null INTEGER
 * code (missing already folded into NaN / -1 by SQL), then copies the vectors chunk by chunk
 * straight into preallocated typed arrays.
 */
export async function fetchColumns(
  session: DuckDBSession,
  plans: readonly ColumnPlan[],
  categories: ReadonlyMap<number, CategoryLevels>,
  rows: number,
): Promise<Column[]> {
  const expressions = plans.map(
    (plan, j) => categories.get(j)?.codeExpression ?? valueExpression(plan),
  );
  const result = await session.run(
    `SELECT ${expressions.join(', ')} FROM src`,
    'convert the columns',
  );
  const buffers = plans.map((plan) =>
    plan.kind === 'categorical' ? new Int32Array(rows) : new Float64Array(rows),
  );
  let offset = 0;
  for (let c = 0; c < result.chunkCount; c++) {
    const chunk = result.getChunk(c);
    const count = chunk.rowCount;
    for (let j = 0; j < buffers.length; j++) {
      copyVector(chunk.getColumnVector(j), buffers[j], offset, count);
    }
    offset += count;
  }
  return plans.map((plan, j) => buildColumn(plan, buffers[j], categories.get(j)));
}

/**
 * Copies one vector's values. The node-api vectors for DOUBLE and INTEGER keep their values in a
 * typed-array view over DuckDB's memory (a field it does not expose in its types); when that
 * view is there and has the expected length, one `set` (a memcpy) replaces `count` calls of
 * `getItem` — about ten times faster on 3M-row files. Otherwise the portable path is used.
 */
export function copyVector(
  vector: DuckDBVector,
  out: Float64Array | Int32Array,
  offset: number,
  count: number,
): void {
  const items = (vector as unknown as { items?: unknown }).items;
  if (out instanceof Float64Array ? items instanceof Float64Array : items instanceof Int32Array) {
    const view = items as Float64Array | Int32Array;
    if (view.length === count) {
      out.set(view, offset);
      return;
    }
  }
  for (let i = 0; i < count; i++) out[offset + i] = vector.getItem(i) as number;
}

function buildColumn(
  plan: ColumnPlan,
  buffer: Float64Array | Int32Array,
  category: CategoryLevels | undefined,
): Column {
  if (plan.kind === 'categorical') {
    const codes = buffer as Int32Array;
    const remap = category?.remap ?? null;
    if (remap !== null) {
      for (let i = 0; i < codes.length; i++) if (codes[i] >= 0) codes[i] = remap[codes[i]];
    }
    return categoricalColumn(plan.name, codes, category?.levels ?? []);
  }
  // Built as literals: the column constructors copy, and these arrays are already ours.
  return Object.freeze({ kind: plan.kind, name: plan.name, values: buffer as Float64Array });
}
