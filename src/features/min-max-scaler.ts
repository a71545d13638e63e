import type { ColumnKind } from '../data/column.js';
import { numericColumn } from '../data/column.js';
import type { Frame } from '../data/frame.js';
import type { SerializedObject } from '../data/serializable.js';
import { InvalidParameterError, NotFittedError } from '../errors.js';
import { columnsOption, expectColumn, resolveColumns } from './column-selection.js';
import { checkRestoredOptions, readEnvelope } from '../data/serialized-reader.js';
import type { Transformer } from './transformer.js';

export interface MinMaxScalerOptions {
  /** Target range [low, high] of the training minimum and maximum. Default [0, 1]. */
  readonly featureRange?: readonly [number, number];
  /** Columns to scale; default every numeric column (boolean ones may be named). */
  readonly columns?: readonly string[];
}

const TYPE = 'MinMaxScaler';
const DEFAULT_KINDS: readonly ColumnKind[] = ['numeric'];
const ACCEPTED_KINDS: readonly ColumnKind[] = ['numeric', 'boolean'];

type Params = { featureRange: readonly number[]; columns: readonly string[] | null };

interface State {
  readonly columns: readonly string[];
  /** x' = x · scale + offset. */
  readonly scale: Float64Array;
  readonly offset: Float64Array;
}

function validate(p: Params): void {
  const r = p.featureRange;
  if (!Array.isArray(r) || r.length !== 2 || !r.every(Number.isFinite) || !(r[0] < r[1])) {
    throw new InvalidParameterError(
      TYPE,
      'featureRange',
      `must be two finite numbers [low, high] with low < high, got ${JSON.stringify(r)}`,
    );
  }
}

/**
 * Maps each column's training range onto `featureRange` (scikit-learn's `MinMaxScaler`); missing
 * values are ignored in fit and stay missing; a constant column maps to `low`.
 *
 * @example
 * const scaled = new MinMaxScaler({ featureRange: [-1, 1] }).fit(train).transform(test);
 */
export class MinMaxScaler implements Transformer {
  readonly type = TYPE;
  readonly #params: Readonly<Params>;
  #state: State | undefined;

  constructor(options: MinMaxScalerOptions = {}) {
    this.#params = Object.freeze({
      featureRange: Object.freeze([...(options.featureRange ?? [0, 1])]),
      columns: columnsOption(options.columns),
    });
  }

  get isFitted(): boolean {
    return this.#state !== undefined;
  }

  getParams(): Readonly<Params> {
    return this.#params;
  }

  fit(frame: Frame): this {
    const p = this.#params;
    validate(p);
    const [low, high] = p.featureRange;
    const columns = resolveColumns(TYPE, frame, p.columns, DEFAULT_KINDS, ACCEPTED_KINDS);
    const scale = new Float64Array(columns.length);
    const offset = new Float64Array(columns.length);
    columns.forEach((name, j) => {
      const values = (expectColumn(TYPE, frame, name, ACCEPTED_KINDS) as { values: Float64Array })
        .values;
      let min = Infinity;
      let max = -Infinity;
      for (let i = 0; i < values.length; i++) {
        const v = values[i];
        if (v < min) min = v;
        if (v > max) max = v;
      }
      if (min > max) min = max = 0;
      const range = max - min;
      // As scikit-learn: a zero range counts as 1 so the column maps to `low`.
      scale[j] = (high - low) / (range === 0 ? 1 : range);
      offset[j] = low - min * scale[j];
    });
    this.#state = { columns, scale, offset };
    return this;
  }

  transform(frame: Frame): Frame {
    const { columns, scale, offset } = this.#fitted();
    let out = frame;
    columns.forEach((name, j) => {
      const values = (expectColumn(TYPE, frame, name, ACCEPTED_KINDS) as { values: Float64Array })
        .values;
      const scaled = new Float64Array(values.length);
      const a = scale[j];
      const b = offset[j];
      for (let i = 0; i < values.length; i++) scaled[i] = values[i] * a + b;
      out = out.withColumn(numericColumn(name, scaled));
    });
    return out;
  }

  toJSON(): SerializedObject {
    const s = this.#state;
    return {
      type: TYPE,
      params: { featureRange: [...this.#params.featureRange], columns: this.#params.columns },
      state: s === undefined ? null : { columns: [...s.columns], scale: s.scale, offset: s.offset },
    };
  }

  static fromJSON(json: SerializedObject): MinMaxScaler {
    const { params, state } = readEnvelope(json, TYPE);
    const range = params.array('featureRange') as readonly number[];
    const scaler = new MinMaxScaler({
      featureRange: [range[0], range[1]],
      columns: params.optionalStrings('columns') ?? undefined,
    });
    checkRestoredOptions(TYPE, () => validate({ featureRange: range, columns: null }));
    if (state !== null) {
      const columns = state.strings('columns');
      scaler.#state = {
        columns,
        scale: state.float64('scale', columns.length),
        offset: state.float64('offset', columns.length),
      };
    }
    return scaler;
  }

  #fitted(): State {
    if (this.#state === undefined) throw new NotFittedError(TYPE);
    return this.#state;
  }
}
