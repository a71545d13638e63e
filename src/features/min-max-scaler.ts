import type { ColumnKind } from '../data/column.js';
import { numericColumn } from '../data/column.js';
import type { Frame } from '../data/frame.js';
import type { Serializable, SerializedObject } from '../data/serializable.js';
import type { SerialReader } from '../data/serialized-reader.js';
import { InvalidParameterError } from '../errors.js';
import { columnsOption } from './column-selection.js';
import { ColumnStep, readColumnStats } from './column-step.js';
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

/**
 * Maps each column's training range onto `featureRange` (scikit-learn's `MinMaxScaler`); missing
 * values are ignored in fit and stay missing; a constant column maps to `low`.
 *
 * @example
 * const scaled = new MinMaxScaler({ featureRange: [-1, 1] }).fit(train).transform(test);
 */
export class MinMaxScaler extends ColumnStep<Params, State> implements Transformer {
  readonly type = TYPE;

  constructor(options: MinMaxScalerOptions = {}) {
    super(
      {
        featureRange: Object.freeze([...(options.featureRange ?? [0, 1])]),
        columns: columnsOption(options.columns),
      },
      DEFAULT_KINDS,
      ACCEPTED_KINDS,
    );
  }

  protected checkParams(p: Params): void {
    const r = p.featureRange;
    if (!Array.isArray(r) || r.length !== 2 || !r.every(Number.isFinite) || !(r[0] < r[1])) {
      throw new InvalidParameterError(
        TYPE,
        'featureRange',
        `must be two finite numbers [low, high] with low < high, got ${JSON.stringify(r)}`,
      );
    }
  }

  protected learn(frame: Frame, columns: string[], p: Params): State {
    const [low, high] = p.featureRange;
    const scale = new Float64Array(columns.length);
    const offset = new Float64Array(columns.length);
    columns.forEach((name, j) => {
      const values = this.values(frame, name);
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
    return { columns, scale, offset };
  }

  transform(frame: Frame): Frame {
    const { columns, scale, offset } = this.fitted();
    let out = frame;
    columns.forEach((name, j) => {
      const values = this.values(frame, name);
      const scaled = new Float64Array(values.length);
      const a = scale[j];
      const b = offset[j];
      for (let i = 0; i < values.length; i++) scaled[i] = values[i] * a + b;
      out = out.withColumn(numericColumn(name, scaled));
    });
    return out;
  }

  protected writeState(s: State): Serializable {
    return { columns: [...s.columns], scale: s.scale, offset: s.offset };
  }

  protected readState(state: SerialReader): State {
    return readColumnStats(state, ['scale', 'offset']);
  }

  static fromJSON(json: SerializedObject): MinMaxScaler {
    return ColumnStep.restore(
      json,
      TYPE,
      (params) =>
        new MinMaxScaler({
          // Kept whole (not cut to two) so that a malformed range fails the params check.
          featureRange: params.array('featureRange') as unknown as readonly [number, number],
          columns: params.optionalStrings('columns') ?? undefined,
        }),
    );
  }
}
