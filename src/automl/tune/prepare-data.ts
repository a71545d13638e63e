import type { Fold } from '../../data/index.js';
import {
  holdoutSplit,
  kFold,
  readTable,
  stratifiedKFold,
  timeSeriesSplit,
  validateTarget,
} from '../../data/index.js';
import type { Frame } from '../../data/frame.js';
import { DataValidationError, InvalidParameterError } from '../../errors.js';
import { encodeTarget } from '../../features/target-encoding.js';
import type { Task } from '../../learners/index.js';
import type { ColumnNote } from './screen-columns.js';
import { screenColumns } from './screen-columns.js';

/** Fewer rows than this cannot be validated meaningfully. */
export const MIN_ROWS = 20;

export interface DataOptions {
  readonly data: string;
  readonly target: string;
  readonly task?: Task;
  readonly ignore?: readonly string[];
  readonly id?: readonly string[];
  readonly nullValues?: readonly string[];
  /** Folds of cross-validation; default 5. */
  readonly cv?: number;
  /** Instead of CV: the share of rows held out once, in (0, 1). */
  readonly holdout?: number;
  /** Rows ordered by this column, validated on later rows only (expanding windows). */
  readonly timeColumn?: string;
  readonly seed?: number;
}

export interface PreparedData {
  /** Screened: dropped columns carry the 'ignore' role. */
  readonly frame: Frame;
  readonly task: Task;
  readonly features: readonly string[];
  /** Target codes (classification, in `classes` order) or values. */
  readonly y: Float64Array;
  readonly classes: readonly string[] | null;
  readonly folds: readonly Fold[];
  readonly validation: string;
  readonly notes: readonly ColumnNote[];
}

/** Numeric targets with many distinct values are regression; anything else classification. */
export function detectTask(frame: Frame, target: string): Task {
  const column = frame.column(target);
  if (column.kind !== 'numeric') return 'classification';
  const distinct = new Set<number>();
  for (let i = 0; i < column.values.length && distinct.size <= 20; i++)
    distinct.add(column.values[i]);
  const integers = column.values.every((v) => Number.isNaN(v) || Number.isInteger(v));
  return distinct.size <= 20 && integers ? 'classification' : 'regression';
}

/**
 * Reads the table, checks it can be learned from (target present, not constant, enough rows,
 * every class big enough for its folds), screens the columns (constant, id-like, leaks) and
 * builds the validation folds.
 */
export async function prepareData(options: DataOptions): Promise<PreparedData> {
  const { data, target } = options;
  const read = await readTable(data, {
    target,
    ...(options.ignore ? { ignore: options.ignore } : {}),
    ...(options.id ? { id: options.id } : {}),
    ...(options.nullValues ? { nullValues: options.nullValues } : {}),
  });
  const task = options.task ?? detectTask(read, target);
  validateTarget(read, target, task);
  if (read.rows < MIN_ROWS)
    throw new DataValidationError(
      { file: data },
      `only ${read.rows} rows; tuning needs at least ${MIN_ROWS} to validate anything. Collect more data, or fit one model with argmin cv.`,
    );
  const { y, classes } = encodeTarget(read, target, task);
  checkTargetVaries(y, data, target);
  if (options.timeColumn !== undefined) checkTimeColumn(read, options.timeColumn, data);
  const { frame, notes } = screenColumns(read, target, task);
  const features = frame.featureNames.filter((name) => name !== target);
  if (features.length === 0)
    throw new DataValidationError(
      { file: data },
      `no usable feature is left: ${notes.map((n) => `${n.column} (${n.reason})`).join(', ')}. The table needs columns that describe each row.`,
    );
  const { folds, validation } = makeFolds(frame, y, classes, task, options);
  return { frame, task, features, y, classes, folds, validation, notes };
}

function checkTargetVaries(y: Float64Array, file: string, target: string): void {
  for (let i = 1; i < y.length; i++) if (y[i] !== y[0]) return;
  throw new DataValidationError(
    { file, column: target },
    `the target has the same value in every row; there is nothing to predict. Check the column name or the data.`,
  );
}

function checkTimeColumn(frame: Frame, column: string, file: string): void {
  if (!frame.has(column))
    throw new DataValidationError(
      { file, column },
      `--time-column "${column}" is not a column; columns are: ${frame.columnNames.join(', ')}.`,
    );
  if (frame.column(column).kind === 'categorical')
    throw new DataValidationError(
      { file, column },
      'the time column must hold dates or numbers to order rows by.',
    );
}

function makeFolds(
  frame: Frame,
  y: Float64Array,
  classes: readonly string[] | null,
  task: Task,
  options: DataOptions,
): { folds: Fold[]; validation: string } {
  const seed = options.seed ?? 0;
  const k = options.cv ?? 5;
  if (options.timeColumn !== undefined)
    return {
      folds: timeSeriesSplit(frame.column(options.timeColumn), { k }),
      validation: `${k} time-ordered splits on ${options.timeColumn}`,
    };
  if (options.holdout !== undefined) {
    if (!(options.holdout > 0 && options.holdout < 1))
      throw new InvalidParameterError(
        'argmin tune',
        '--holdout',
        `must be a share in (0, 1) (got ${options.holdout})`,
      );
    return {
      folds: holdoutSplit(y.length, {
        testSize: options.holdout,
        seed,
        ...(task === 'classification' ? { stratify: y } : {}),
      }),
      validation: `holdout of ${Math.round(options.holdout * 100)}%`,
    };
  }
  if (task === 'regression')
    return { folds: kFold(y.length, { k, seed }), validation: `${k}-fold CV` };
  const counts = new Map<number, number>();
  for (const code of y) counts.set(code, (counts.get(code) ?? 0) + 1);
  for (const [code, count] of counts)
    if (count < k)
      throw new DataValidationError(
        { file: options.data, column: options.target },
        `class "${classes?.[code]}" has ${count} row${count === 1 ? '' : 's'}; stratified ${k}-fold CV needs at least ${k} per class. Drop or merge that class, or use fewer folds (--cv ${Math.max(2, count)}).`,
      );
  return { folds: stratifiedKFold(y, { k, seed }), validation: `stratified ${k}-fold CV` };
}
