import type { ColumnKind } from '../data/column.js';
import { numericColumn } from '../data/column.js';
import type { Frame } from '../data/frame.js';
import type { Serializable, SerializedObject } from '../data/serializable.js';
import type { SerialReader } from '../data/serialized-reader.js';
import { DataValidationError, InvalidParameterError } from '../errors.js';
import { columnsOption } from './column-selection.js';
import { ColumnStep } from './column-step.js';
import { indexLevels, levelLookup, observedLevels, UNKNOWN_LEVEL } from './level-index.js';
import type { Transformer } from './transformer.js';

export type OrdinalUnknown = 'error' | 'missing';

export interface OrdinalEncoderOptions {
  /** What a level unseen in fit becomes: an error naming it (default) or a missing value (NaN). */
  readonly handleUnknown?: OrdinalUnknown;
  /** Columns to encode; default every categorical column. */
  readonly columns?: readonly string[];
}

const TYPE = 'OrdinalEncoder';
const KINDS: readonly ColumnKind[] = ['categorical'];
const UNKNOWN_OPTIONS: readonly OrdinalUnknown[] = ['error', 'missing'];

type Params = { handleUnknown: OrdinalUnknown; columns: readonly string[] | null };

interface State {
  readonly columns: readonly string[];
  /** Per column, the levels seen in fit, sorted; a level's code is its index here. */
  readonly levels: readonly (readonly string[])[];
}

/**
 * Replaces categorical columns by numeric codes 0..L-1 of the levels seen in fit, sorted
 * (scikit-learn's `OrdinalEncoder`). Levels are matched by string, so frames read separately
 * encode alike; missing stays missing (NaN).
 *
 * @example
 * const coded = new OrdinalEncoder({ handleUnknown: 'missing' }).fit(train).transform(test);
 */
export class OrdinalEncoder extends ColumnStep<Params, State> implements Transformer {
  readonly type = TYPE;

  constructor(options: OrdinalEncoderOptions = {}) {
    super(
      { handleUnknown: options.handleUnknown ?? 'error', columns: columnsOption(options.columns) },
      KINDS,
    );
  }

  /** The training levels of each encoded column, in code order. */
  get categories(): ReadonlyMap<string, readonly string[]> {
    const s = this.fitted();
    return new Map(s.columns.map((name, j) => [name, s.levels[j]]));
  }

  protected checkParams(p: Params): void {
    if (!UNKNOWN_OPTIONS.includes(p.handleUnknown)) {
      throw new InvalidParameterError(
        TYPE,
        'handleUnknown',
        `must be one of ${UNKNOWN_OPTIONS.join(', ')}, got ${String(p.handleUnknown)}`,
      );
    }
  }

  protected learn(frame: Frame, columns: string[]): State {
    const levels = columns.map((name) => {
      const column = this.column(frame, name);
      return column.kind === 'categorical' ? observedLevels(column).levels : [];
    });
    return { columns, levels };
  }

  transform(frame: Frame): Frame {
    const state = this.fitted();
    const { handleUnknown } = this.getParams();
    let out = frame;
    state.columns.forEach((name, j) => {
      const column = this.column(frame, name);
      if (column.kind !== 'categorical') return;
      const lookup = levelLookup(column, indexLevels(state.levels[j]));
      const codes = column.codes;
      const values = new Float64Array(codes.length);
      for (let i = 0; i < codes.length; i++) {
        const c = codes[i];
        const mapped = c < 0 ? -1 : lookup[c];
        if (mapped === UNKNOWN_LEVEL && handleUnknown === 'error') {
          throw new DataValidationError(
            { file: frame.source, column: name },
            `level "${column.levels[c]}" (row ${i}) was not seen in fit; known levels are ${state.levels[j].join(', ')}. Use handleUnknown: 'missing' to encode unseen levels as missing.`,
          );
        }
        values[i] = mapped < 0 ? Number.NaN : mapped;
      }
      out = out.withColumn(numericColumn(name, values));
    });
    return out;
  }

  protected writeState(s: State): Serializable {
    return { columns: [...s.columns], levels: s.levels.map((l) => [...l]) };
  }

  protected readState(state: SerialReader): State {
    const columns = state.strings('columns');
    return { columns, levels: state.stringLists('levels', columns.length) };
  }

  static fromJSON(json: SerializedObject): OrdinalEncoder {
    return ColumnStep.restore(
      json,
      TYPE,
      (params) =>
        new OrdinalEncoder({
          handleUnknown: params.string('handleUnknown') as OrdinalUnknown,
          columns: params.optionalStrings('columns') ?? undefined,
        }),
    );
  }
}
