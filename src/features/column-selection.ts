import type { Column, ColumnKind } from '../data/column.js';
import type { Frame } from '../data/frame.js';
import { DataValidationError, InvalidParameterError } from '../errors.js';

/**
 * The columns a step works on: the names given in its `columns` option (checked against the
 * frame and the kinds the step accepts) or, when absent, every column of those kinds.
 * Errors are InvalidParameterError because a wrong name or kind is a mistake in the options.
 */
export function resolveColumns(
  owner: string,
  frame: Frame,
  columns: readonly string[] | null,
  defaultKinds: readonly ColumnKind[],
  kinds: readonly ColumnKind[] = defaultKinds,
): string[] {
  if (columns === null) {
    return frame.columns.filter((c) => defaultKinds.includes(c.kind)).map((c) => c.name);
  }
  if (!Array.isArray(columns) || columns.some((c) => typeof c !== 'string')) {
    throw new InvalidParameterError(owner, 'columns', 'must be an array of column names');
  }
  for (const name of columns) {
    if (!frame.has(name)) {
      throw new InvalidParameterError(
        owner,
        'columns',
        `names "${name}", which is not in the frame (columns: ${frame.columnNames.join(', ')})`,
      );
    }
    const kind = frame.column(name).kind;
    if (!kinds.includes(kind)) {
      throw new InvalidParameterError(
        owner,
        'columns',
        `names "${name}", a ${kind} column; this step accepts ${kinds.join(' or ')} columns`,
      );
    }
  }
  return [...columns];
}

/** The column a fitted step expects at transform time, of one of the kinds it was fitted on. */
export function expectColumn(
  owner: string,
  frame: Frame,
  name: string,
  kinds: readonly ColumnKind[],
): Column {
  if (!frame.has(name)) {
    throw new DataValidationError(
      { file: frame.source, column: name },
      `${owner} was fitted with this column but the frame does not have it.`,
    );
  }
  const column = frame.column(name);
  if (!kinds.includes(column.kind)) {
    throw new DataValidationError(
      { file: frame.source, column: name },
      `${owner} expects a ${kinds.join(' or ')} column here, got ${column.kind}.`,
    );
  }
  return column;
}

/** The `columns` option checked for shape only (full checks need the frame, in fit). */
export function columnsOption(columns: readonly string[] | undefined): readonly string[] | null {
  return columns === undefined ? null : Object.freeze([...columns]);
}
