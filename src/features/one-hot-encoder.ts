import type { ColumnKind } from '../data/column.js';
import type { Frame } from '../data/frame.js';
import type { CsrMatrix } from '../data/matrix.js';
import { csrMatrix } from '../data/matrix.js';
import type { Serializable, SerializedObject } from '../data/serializable.js';
import type { SerialReader } from '../data/serialized-reader.js';
import { DataValidationError, InvalidParameterError } from '../errors.js';
import { columnsOption } from './column-selection.js';
import { ColumnStep } from './column-step.js';
import { infrequentMask } from './infrequent-levels.js';
import { indexLevels, levelLookup, observedLevels } from './level-index.js';
import type { OneHotLayout } from './one-hot-layout.js';
import { buildOneHotLayout, readOneHotLayout, writeOneHotLayout } from './one-hot-layout.js';
import type { Vectorizer } from './vectorizer.js';

export type OneHotUnknown = 'ignore' | 'error';
export type OneHotDrop = 'none' | 'first' | 'if_binary';
export type OneHotMissing = 'indicator' | 'zeros';

export interface OneHotEncoderOptions {
  /** A level unseen in fit: all zeros (`ignore`) or an error naming it (`error`, default). */
  readonly handleUnknown?: OneHotUnknown;
  /** Levels seen fewer times (a count if ≥ 1, a fraction of rows if < 1) pool into `${name}__infrequent`. */
  readonly minFrequency?: number | null;
  /** At most this many output columns per input column (≥ 2), pooling the rarest levels. */
  readonly maxCategories?: number | null;
  /** Drop the first category's column (`first`), or only for two-column features (`if_binary`). */
  readonly drop?: OneHotDrop;
  /** Missing values as their own `${name}__missing` category (default) or as all zeros. */
  readonly missing?: OneHotMissing;
  /** Columns to encode; default every categorical column. */
  readonly columns?: readonly string[];
}

const TYPE = 'OneHotEncoder';
const KINDS: readonly ColumnKind[] = ['categorical'];

type Params = {
  handleUnknown: OneHotUnknown;
  minFrequency: number | null;
  maxCategories: number | null;
  drop: OneHotDrop;
  missing: OneHotMissing;
  columns: readonly string[] | null;
};

function oneOf<T extends string>(name: string, value: T, allowed: readonly T[]): void {
  if (!allowed.includes(value))
    throw new InvalidParameterError(
      TYPE,
      name,
      `must be one of ${allowed.join(', ')}, got ${String(value)}`,
    );
}

/**
 * One column per level of each categorical column, as a CSR block (scikit-learn 1.2's
 * `OneHotEncoder` with `min_frequency` / `max_categories`): levels are the ones seen in fit,
 * sorted, matched by string at transform time; rare levels pool into one infrequent column.
 *
 * @example
 * const X = new OneHotEncoder({ handleUnknown: 'ignore', minFrequency: 0.01 }).fit(train).transform(test);
 */
export class OneHotEncoder extends ColumnStep<Params, OneHotLayout> implements Vectorizer {
  readonly type = TYPE;

  constructor(options: OneHotEncoderOptions = {}) {
    super(
      {
        handleUnknown: options.handleUnknown ?? 'error',
        minFrequency: options.minFrequency ?? null,
        maxCategories: options.maxCategories ?? null,
        drop: options.drop ?? 'none',
        missing: options.missing ?? 'indicator',
        columns: columnsOption(options.columns),
      },
      KINDS,
    );
  }

  get featureNames(): readonly string[] {
    return this.fitted().featureNames;
  }

  /** Per column, the levels pooled into its infrequent column. */
  get infrequentLevels(): ReadonlyMap<string, readonly string[]> {
    return new Map(this.fitted().columns.map((c) => [c.name, c.infrequent]));
  }

  protected checkParams(p: Params): void {
    oneOf('handleUnknown', p.handleUnknown, ['ignore', 'error']);
    oneOf('drop', p.drop, ['none', 'first', 'if_binary']);
    oneOf('missing', p.missing, ['indicator', 'zeros']);
    const f = p.minFrequency;
    if (
      f !== null &&
      !(typeof f === 'number' && ((f > 0 && f < 1) || (Number.isInteger(f) && f >= 1)))
    ) {
      throw new InvalidParameterError(
        TYPE,
        'minFrequency',
        `must be an integer count >= 1 or a fraction in (0, 1), got ${String(f)}`,
      );
    }
    const m = p.maxCategories;
    if (m !== null && !(Number.isInteger(m) && m >= 2)) {
      throw new InvalidParameterError(
        TYPE,
        'maxCategories',
        `must be an integer >= 2, got ${String(m)}`,
      );
    }
  }

  protected learn(frame: Frame, names: string[], p: Params): OneHotLayout {
    const columns = names.map((name) => {
      const column = this.column(frame, name);
      if (column.kind !== 'categorical') throw new Error('unreachable: kind checked above');
      const { levels, counts } = observedLevels(column);
      let missingCount = 0;
      if (p.missing === 'indicator')
        for (let i = 0; i < column.codes.length; i++) if (column.codes[i] < 0) missingCount++;
      const allCounts = missingCount > 0 ? [...counts, missingCount] : counts;
      const mask = infrequentMask(allCounts, frame.rows, p.minFrequency, p.maxCategories);
      return { name, levels, hasMissing: missingCount > 0, infrequentMask: mask };
    });
    return buildOneHotLayout(columns, p.drop);
  }

  transform(frame: Frame): CsrMatrix {
    const layout = this.fitted();
    const { missing, handleUnknown } = this.getParams();
    const rows = frame.rows;
    const width = layout.columns.length;
    // Output column per (row, input column), row-major; -1 = nothing stored.
    const target = new Int32Array(rows * width).fill(-1);
    const rowCounts = new Int32Array(rows);
    layout.columns.forEach((spec, j) => {
      const column = this.column(frame, spec.name);
      if (column.kind !== 'categorical') return;
      const lookup = levelLookup(column, indexLevels(spec.levels));
      const { codes } = column;
      const missingOutput = spec.hasMissing ? spec.outputs[spec.levels.length] : -1;
      for (let i = 0; i < rows; i++) {
        const c = codes[i];
        let out: number;
        if (c < 0) {
          if (missing === 'indicator' && !spec.hasMissing && handleUnknown === 'error') {
            this.#unknown(frame, spec.name, 'a missing value', i);
          }
          out = missingOutput;
        } else {
          const level = lookup[c];
          if (level < 0) {
            if (handleUnknown === 'error')
              this.#unknown(frame, spec.name, `level "${column.levels[c]}"`, i);
            out = -1;
          } else {
            out = spec.outputs[level];
          }
        }
        target[i * width + j] = out;
        if (out >= 0) rowCounts[i]++;
      }
    });
    const indptr = new Int32Array(rows + 1);
    for (let i = 0; i < rows; i++) indptr[i + 1] = indptr[i] + rowCounts[i];
    const indices = new Int32Array(indptr[rows]);
    // Outputs of column j all precede those of column j+1, so each row's indices come out sorted.
    let k = 0;
    for (let t = 0; t < target.length; t++) if (target[t] >= 0) indices[k++] = target[t];
    const data = new Float64Array(indices.length).fill(1);
    return csrMatrix(rows, layout.featureNames.length, indptr, indices, data);
  }

  #unknown(frame: Frame, column: string, what: string, row: number): never {
    throw new DataValidationError(
      { file: frame.source, column },
      `${what} (row ${row}) was not seen in fit. Use handleUnknown: 'ignore' to encode unseen levels as all zeros.`,
    );
  }

  protected writeState(layout: OneHotLayout): Serializable {
    return writeOneHotLayout(layout);
  }

  protected readState(state: SerialReader, p: Params): OneHotLayout {
    return readOneHotLayout(state, p.drop);
  }

  static fromJSON(json: SerializedObject): OneHotEncoder {
    return ColumnStep.restore(
      json,
      TYPE,
      (params) =>
        new OneHotEncoder({
          handleUnknown: params.string('handleUnknown') as OneHotUnknown,
          minFrequency: params.has('minFrequency') ? params.number('minFrequency') : null,
          maxCategories: params.has('maxCategories') ? params.number('maxCategories') : null,
          drop: params.string('drop') as OneHotDrop,
          missing: params.string('missing') as OneHotMissing,
          columns: params.optionalStrings('columns') ?? undefined,
        }),
    );
  }
}
