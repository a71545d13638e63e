import type { Column } from '../data/column.js';
import { isMissingAt } from '../data/column.js';
import type { Frame } from '../data/frame.js';
import { DataValidationError } from '../errors.js';
import type { Task } from '../learners/estimator.js';

const LISTED_ROWS = 10;

/** Rows (0-based) where the target is missing, reported all at once. */
function rejectMissing(frame: Frame, column: Column): void {
  const missing: number[] = [];
  for (let i = 0; i < frame.rows; i++) if (isMissingAt(column, i)) missing.push(i);
  if (missing.length === 0) return;
  const listed = missing.slice(0, LISTED_ROWS).join(', ');
  const more = missing.length > LISTED_ROWS ? ` and ${missing.length - LISTED_ROWS} more` : '';
  throw new DataValidationError(
    { file: frame.source, column: column.name },
    `the target is missing in ${missing.length} row(s) (0-based): ${listed}${more}; drop or fill those rows before fitting.`,
  );
}

/**
 * The learner's target: class codes 0..K-1 (classes sorted: strings by text, numbers by value)
 * for classification, the numeric values for regression.
 */
export function encodeTarget(
  frame: Frame,
  target: string,
  task: Task,
): { y: Float64Array; classes: string[] | null } {
  const column = frame.column(target);
  rejectMissing(frame, column);
  const n = frame.rows;
  if (task === 'regression') {
    if (column.kind !== 'numeric') {
      throw new DataValidationError(
        { file: frame.source, column: target },
        `regression needs a numeric target, got a ${column.kind} column.`,
      );
    }
    return { y: Float64Array.from(column.values), classes: null };
  }
  if (column.kind === 'datetime') {
    throw new DataValidationError(
      { file: frame.source, column: target },
      'classification needs a categorical, boolean or numeric target, got datetime.',
    );
  }
  const y = new Float64Array(n);
  if (column.kind === 'categorical') {
    const present = new Uint8Array(column.levels.length);
    for (let i = 0; i < n; i++) present[column.codes[i]] = 1;
    const classes = column.levels.filter((_, l) => present[l] === 1).sort();
    const index = new Map(classes.map((c, k) => [c, k]));
    const codeToClass = Int32Array.from(column.levels, (level) => index.get(level) ?? -1);
    for (let i = 0; i < n; i++) y[i] = codeToClass[column.codes[i]];
    return { y, classes };
  }
  const values = [...new Set(column.values)].sort((a, b) => a - b);
  const classes = values.map((v) =>
    column.kind === 'boolean' ? (v === 1 ? 'true' : 'false') : String(v),
  );
  const index = new Map(values.map((v, k) => [v, k]));
  for (let i = 0; i < n; i++) y[i] = index.get(column.values[i]) as number;
  return { y, classes };
}
