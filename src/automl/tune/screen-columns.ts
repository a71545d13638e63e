import type { Column } from '../../data/column.js';
import type { Frame } from '../../data/frame.js';

/** Something `argmin tune` decided about a column before searching, to be said out loud. */
export interface ColumnNote {
  readonly column: string;
  readonly reason: 'constant' | 'id-like' | 'target leak';
  readonly detail: string;
}

/** A column as comparable keys per row (NaN for missing), whatever its kind. */
function keysOf(column: Column): Float64Array {
  if (column.kind === 'categorical')
    return Float64Array.from(column.codes, (c) => (c < 0 ? NaN : c));
  return column.values;
}

function distinctPresent(keys: Float64Array): { distinct: number; present: number } {
  const seen = new Set<number>();
  let present = 0;
  for (const key of keys) {
    if (Number.isNaN(key)) continue;
    present++;
    seen.add(key);
  }
  return { distinct: seen.size, present };
}

/** Unique per row and shaped like an identifier: text, or a run of whole numbers. */
function isIdLike(column: Column, keys: Float64Array, rows: number): boolean {
  const { distinct, present } = distinctPresent(keys);
  if (rows < 20 || present < 0.95 * rows || distinct !== present) return false;
  if (column.kind === 'categorical') return true;
  if (column.kind !== 'numeric') return false;
  let min = Infinity;
  let max = -Infinity;
  for (const v of keys) {
    if (Number.isNaN(v)) continue;
    if (!Number.isInteger(v)) return false;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  // A counter (1, 2, 3, …, perhaps with gaps): few integers beyond those used.
  return max - min + 1 <= 2 * present;
}

/**
 * Whether the feature alone names the class of every row — each of its values always goes with
 * one class — while taking far fewer values than there are rows (so it is not an id, which would
 * trivially do the same). That is how a column computed from the answer looks.
 */
function determinesClass(keys: Float64Array, target: Float64Array): boolean {
  const classOf = new Map<number, number>();
  let present = 0;
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i];
    if (Number.isNaN(key)) continue;
    present++;
    const seen = classOf.get(key);
    if (seen === undefined) classOf.set(key, target[i]);
    else if (seen !== target[i]) return false;
  }
  return present >= 0.95 * keys.length && classOf.size <= Math.max(2, keys.length / 20);
}

function correlation(x: Float64Array, y: Float64Array): number {
  let n = 0;
  let sx = 0;
  let sy = 0;
  for (let i = 0; i < x.length; i++) {
    if (Number.isNaN(x[i])) continue;
    n++;
    sx += x[i];
    sy += y[i];
  }
  if (n < 0.95 * x.length) return 0;
  const mx = sx / n;
  const my = sy / n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < x.length; i++) {
    if (Number.isNaN(x[i])) continue;
    sxy += (x[i] - mx) * (y[i] - my);
    sxx += (x[i] - mx) ** 2;
    syy += (y[i] - my) ** 2;
  }
  return sxx === 0 || syy === 0 ? 0 : sxy / Math.sqrt(sxx * syy);
}

/**
 * Finds the feature columns a search should not use: constant ones (nothing to learn), id-like
 * ones (unique per row: they memorise rows and fail on new ones) and obvious target leaks (a
 * feature that alone determines the class, or a numeric copy of a numeric target, |r| > 0.999).
 * Returns the frame with those columns set to the 'ignore' role, and a note for each.
 *
 * @example
 * const { frame: usable, notes } = screenColumns(frame, 'Status');
 */
export function screenColumns(
  frame: Frame,
  target: string,
  task: 'classification' | 'regression',
): { frame: Frame; notes: ColumnNote[] } {
  const notes: ColumnNote[] = [];
  const targetKeys = keysOf(frame.column(target));
  for (const name of frame.featureNames) {
    if (name === target) continue;
    const column = frame.column(name);
    const keys = keysOf(column);
    const { distinct } = distinctPresent(keys);
    if (distinct <= 1) {
      notes.push({
        column: name,
        reason: 'constant',
        detail: distinct === 0 ? 'every value is missing' : 'one value in every row',
      });
    } else if (isIdLike(column, keys, frame.rows)) {
      notes.push({
        column: name,
        reason: 'id-like',
        detail: `${distinct} distinct values in ${frame.rows} rows: it would memorise rows`,
      });
    } else if (task === 'classification' && determinesClass(keys, targetKeys)) {
      notes.push({
        column: name,
        reason: 'target leak',
        detail: `each of its ${distinct} values goes with one class only`,
      });
    } else if (
      task === 'regression' &&
      column.kind === 'numeric' &&
      Math.abs(correlation(keys, targetKeys)) > 0.999
    ) {
      notes.push({ column: name, reason: 'target leak', detail: 'a near copy of the target' });
    }
  }
  const ignored = Object.fromEntries(notes.map((note) => [note.column, 'ignore' as const]));
  return { frame: notes.length === 0 ? frame : frame.withRoles(ignored), notes };
}
