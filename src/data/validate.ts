import { DataValidationError } from '../errors.js';
import type { Column } from './column.js';
import { isMissingAt } from './column.js';
import type { Frame } from './frame.js';

/** What a target is learned for; decides which target checks apply. */
export type TaskKind = 'classification' | 'regression';

/**
 * Checks that `target` can be learned: it exists, has no missing values, and — for
 * classification (the default for categorical and boolean targets) — holds at least two classes.
 *
 * @example
 * validateTarget(frame, 'Status', 'classification'); // throws DataValidationError when unusable
 */
export function validateTarget(frame: Frame, target: string, task?: TaskKind): void {
  const file = frame.source;
  if (!frame.has(target)) {
    throw new DataValidationError(
      { file, column: target },
      `target column "${target}" does not exist; columns are: ${frame.columnNames.join(', ')}. Pass one of them as the target.`,
    );
  }
  const column = frame.column(target);
  let missing = 0;
  let firstMissing = -1;
  for (let i = 0; i < frame.rows; i++) {
    if (isMissingAt(column, i)) {
      if (firstMissing < 0) firstMissing = i;
      missing++;
    }
  }
  if (missing > 0) {
    throw new DataValidationError(
      { file, column: target },
      `the target has ${missing} missing value${missing === 1 ? '' : 's'} (first at row ${firstMissing + 1}); ` +
        'drop those rows before training, since a model cannot learn from an unknown answer.',
    );
  }
  const effectiveTask = task ?? (column.kind === 'numeric' ? 'regression' : 'classification');
  if (effectiveTask === 'regression' && column.kind === 'categorical') {
    throw new DataValidationError(
      { file, column: target },
      `the target is categorical (levels ${column.levels.slice(0, 5).join(', ')}${column.levels.length > 5 ? ', ...' : ''}) ` +
        "but the task is regression; use classification, or read the column with types: { ... : 'numeric' }.",
    );
  }
  if (effectiveTask === 'classification') {
    const classes = distinctClasses(column, 2);
    if (classes.length < 2) {
      throw new DataValidationError(
        { file, column: target },
        `the target has only one class (${JSON.stringify(classes[0])}); a classifier needs at least two. Check the target column or filter.`,
      );
    }
  }
}

/**
 * Checks the feature columns: one with every value missing carries nothing to learn from and
 * breaks imputers, so it is reported with the advice to give it the `ignore` role.
 *
 * @example
 * checkFeatures(await readTable('data.csv', { target: 'y' }));
 */
export function checkFeatures(frame: Frame): void {
  if (frame.featureNames.length === 0) {
    throw new DataValidationError(
      { file: frame.source },
      'no feature columns are left (every column is a target, id or ignored).',
    );
  }
  for (const name of frame.featureNames) {
    const column = frame.column(name);
    let present = 0;
    for (let i = 0; i < frame.rows && present === 0; i++) if (!isMissingAt(column, i)) present++;
    if (present === 0) {
      throw new DataValidationError(
        { file: frame.source, column: name },
        `every value of feature "${name}" is missing; drop the column or pass ignore: [${JSON.stringify(name)}].`,
      );
    }
  }
}

/** Up to `limit` distinct non-missing classes of a column, as display strings. */
function distinctClasses(column: Column, limit: number): string[] {
  const seen = new Set<string>();
  const n = column.kind === 'categorical' ? column.codes.length : column.values.length;
  for (let i = 0; i < n && seen.size < limit; i++) {
    if (column.kind === 'categorical') seen.add(column.levels[column.codes[i]]);
    else seen.add(String(column.values[i]));
  }
  return [...seen];
}
