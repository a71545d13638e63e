import type { ColumnKind } from '../data/column.js';
import { categoricalColumn } from '../data/column.js';
import type { Frame } from '../data/frame.js';
import type { SerializedObject } from '../data/serializable.js';
import { InvalidParameterError } from '../errors.js';
import { columnsOption } from './column-selection.js';
import { ColumnListStep, ColumnStep } from './column-step.js';
import { compareStrings } from './level-index.js';
import type { Transformer } from './transformer.js';

export interface RecodeOptions {
  /**
   * Old level → new level. Several old levels mapping to one new level merge them; `null` turns a
   * level into a missing value. Levels not named are kept.
   */
  readonly mapping: Readonly<Record<string, string | null>>;
  /** Columns to recode; default every categorical column. */
  readonly columns?: readonly string[];
}

const TYPE = 'Recode';
const KINDS: readonly ColumnKind[] = ['categorical'];

type Params = {
  mapping: Readonly<Record<string, string | null>>;
  columns: readonly string[] | null;
};

/**
 * Renames or merges levels of categorical columns by string. Nothing is learned from the data
 * beyond which columns to touch; unknown levels pass through unchanged.
 *
 * @example
 * new Recode({ mapping: { widow: 'single', separated: 'single' }, columns: ['Marital'] }).fit(frame).transform(frame);
 */
export class Recode extends ColumnListStep<Params> implements Transformer {
  readonly type = TYPE;

  constructor(options: RecodeOptions) {
    const mapping = options?.mapping;
    // A missing or non-object mapping is kept as given so that fit reports it.
    const isObject = typeof mapping === 'object' && mapping !== null && !Array.isArray(mapping);
    super(
      {
        mapping: isObject ? Object.freeze({ ...mapping }) : mapping,
        columns: columnsOption(options?.columns),
      },
      KINDS,
    );
  }

  protected checkParams(p: Params): void {
    const m = p.mapping as unknown;
    if (typeof m !== 'object' || m === null || Array.isArray(m)) {
      throw new InvalidParameterError(
        TYPE,
        'mapping',
        'must be an object mapping old levels to new levels',
      );
    }
    for (const [from, to] of Object.entries(m)) {
      if (to !== null && (typeof to !== 'string' || to === '')) {
        throw new InvalidParameterError(
          TYPE,
          'mapping',
          `maps "${from}" to ${JSON.stringify(to)}; use a non-empty string or null (missing)`,
        );
      }
    }
  }

  transform(frame: Frame): Frame {
    const columns = this.fitted();
    const { mapping } = this.getParams();
    let out = frame;
    for (const name of columns) {
      const column = this.column(frame, name);
      if (column.kind !== 'categorical') continue;
      const renamed = column.levels.map((level) =>
        Object.hasOwn(mapping, level) ? mapping[level] : level,
      );
      const levels = [...new Set(renamed.filter((l): l is string => l !== null))].sort(
        compareStrings,
      );
      const index = new Map(levels.map((l, i) => [l, i]));
      const lookup = Int32Array.from(renamed, (l) => (l === null ? -1 : (index.get(l) as number)));
      const codes = new Int32Array(column.codes.length);
      for (let i = 0; i < codes.length; i++)
        codes[i] = column.codes[i] < 0 ? -1 : lookup[column.codes[i]];
      out = out.withColumn(categoricalColumn(name, codes, levels));
    }
    return out;
  }

  static fromJSON(json: SerializedObject): Recode {
    return ColumnStep.restore(
      json,
      TYPE,
      (params) =>
        new Recode({
          mapping: params.raw('mapping') as Record<string, string | null>,
          columns: params.optionalStrings('columns') ?? undefined,
        }),
    );
  }
}
