import type { ColumnKind } from '../data/column.js';
import { categoricalColumn } from '../data/column.js';
import type { Frame } from '../data/frame.js';
import type { SerializedObject } from '../data/serializable.js';
import { InvalidParameterError, NotFittedError } from '../errors.js';
import { columnsOption, expectColumn, resolveColumns } from './column-selection.js';
import { compareStrings } from './level-index.js';
import { checkRestoredOptions, readEnvelope } from '../data/serialized-reader.js';
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

function validate(p: Params): void {
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

/**
 * Renames or merges levels of categorical columns by string. Nothing is learned from the data
 * beyond which columns to touch; unknown levels pass through unchanged.
 *
 * @example
 * new Recode({ mapping: { widow: 'single', separated: 'single' }, columns: ['Marital'] }).fit(frame).transform(frame);
 */
export class Recode implements Transformer {
  readonly type = TYPE;
  readonly #params: Readonly<Params>;
  #columns: readonly string[] | undefined;

  constructor(options: RecodeOptions) {
    const mapping = options?.mapping;
    // A missing or non-object mapping is kept as given so that fit reports it.
    const isObject = typeof mapping === 'object' && mapping !== null && !Array.isArray(mapping);
    this.#params = Object.freeze({
      mapping: isObject ? Object.freeze({ ...mapping }) : mapping,
      columns: columnsOption(options?.columns),
    });
  }

  get isFitted(): boolean {
    return this.#columns !== undefined;
  }

  getParams(): Readonly<Params> {
    return this.#params;
  }

  fit(frame: Frame): this {
    validate(this.#params);
    this.#columns = resolveColumns(TYPE, frame, this.#params.columns, KINDS);
    return this;
  }

  transform(frame: Frame): Frame {
    if (this.#columns === undefined) throw new NotFittedError(TYPE);
    const mapping = this.#params.mapping;
    let out = frame;
    for (const name of this.#columns) {
      const column = expectColumn(TYPE, frame, name, KINDS);
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

  toJSON(): SerializedObject {
    return {
      type: TYPE,
      params: { mapping: { ...this.#params.mapping }, columns: this.#params.columns },
      state: this.#columns === undefined ? null : { columns: [...this.#columns] },
    };
  }

  static fromJSON(json: SerializedObject): Recode {
    const { params, state } = readEnvelope(json, TYPE);
    const mapping = params.raw('mapping') as Record<string, string | null>;
    const recode = new Recode({ mapping, columns: params.optionalStrings('columns') ?? undefined });
    checkRestoredOptions(TYPE, () => validate(recode.#params));
    if (state !== null) recode.#columns = state.strings('columns');
    return recode;
  }
}
