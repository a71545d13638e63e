import type { ColumnKind } from './column.js';
import type { Frame } from './frame.js';

/** What one column must look like: its kind and, for categorical columns, the allowed levels. */
export interface ColumnSchema {
  readonly name: string;
  readonly kind: ColumnKind;
  /** Training levels, in code order; serving-time frames encode categories with these codes. */
  readonly levels?: readonly string[];
}

/** The columns a frame must have, in order. */
export type FrameSchema = readonly ColumnSchema[];

/**
 * The schema of a frame (every column, or only `names`), e.g. to encode serving-time records
 * with the training levels.
 *
 * @example
 * const schema = schemaOf(trainingFrame, trainingFrame.featureNames);
 * const batch = frameFromRecords(requestBody, schema);
 */
export function schemaOf(frame: Frame, names: readonly string[] = frame.columnNames): FrameSchema {
  return Object.freeze(
    names.map((name) => {
      const column = frame.column(name);
      return Object.freeze(
        column.kind === 'categorical'
          ? { name, kind: column.kind, levels: column.levels }
          : { name, kind: column.kind },
      );
    }),
  );
}
