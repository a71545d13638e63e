import type { ColumnKind } from '../data/column.js';
import { numericColumn } from '../data/column.js';
import type { Frame } from '../data/frame.js';
import type { Serializable, SerializedObject } from '../data/serializable.js';
import type { SerialReader } from '../data/serialized-reader.js';
import { InvalidParameterError } from '../errors.js';
import { columnsOption } from './column-selection.js';
import { ColumnStep, readColumnStats } from './column-step.js';
import { observedMean, observedStd } from './column-stats.js';
import type { Transformer } from './transformer.js';

export interface StandardScalerOptions {
  /** Subtract the training mean. Default true. */
  readonly withMean?: boolean;
  /** Divide by the training (population) standard deviation. Default true. */
  readonly withStd?: boolean;
  /** Columns to scale; default every numeric column (boolean ones may be named). */
  readonly columns?: readonly string[];
}

const TYPE = 'StandardScaler';
const DEFAULT_KINDS: readonly ColumnKind[] = ['numeric'];
const ACCEPTED_KINDS: readonly ColumnKind[] = ['numeric', 'boolean'];
/** scikit-learn treats a scale below 10·ε as zero variance and uses 1 instead. */
const TINY_SCALE = 10 * Number.EPSILON;

type Params = { withMean: boolean; withStd: boolean; columns: readonly string[] | null };

interface State {
  readonly columns: readonly string[];
  readonly mean: Float64Array;
  readonly scale: Float64Array;
}

/**
 * Standardises columns to zero mean and unit variance with training statistics (scikit-learn's
 * `StandardScaler`): missing values are ignored in fit and stay missing; a constant column gets
 * scale 1.
 *
 * @example
 * const scaled = new StandardScaler().fit(train).transform(test);
 */
export class StandardScaler extends ColumnStep<Params, State> implements Transformer {
  readonly type = TYPE;

  constructor(options: StandardScalerOptions = {}) {
    super(
      {
        withMean: options.withMean ?? true,
        withStd: options.withStd ?? true,
        columns: columnsOption(options.columns),
      },
      DEFAULT_KINDS,
      ACCEPTED_KINDS,
    );
  }

  /** Learned means and scales, one per column (copies). */
  get statistics(): { columns: readonly string[]; mean: Float64Array; scale: Float64Array } {
    const s = this.fitted();
    return { columns: s.columns, mean: s.mean.slice(), scale: s.scale.slice() };
  }

  protected checkParams(p: Params): void {
    if (typeof p.withMean !== 'boolean')
      throw new InvalidParameterError(TYPE, 'withMean', 'must be a boolean');
    if (typeof p.withStd !== 'boolean')
      throw new InvalidParameterError(TYPE, 'withStd', 'must be a boolean');
  }

  protected learn(frame: Frame, columns: string[], p: Params): State {
    const mean = new Float64Array(columns.length);
    const scale = new Float64Array(columns.length).fill(1);
    columns.forEach((name, j) => {
      const values = this.values(frame, name);
      const m = observedMean(values);
      const std = observedStd(values, m);
      mean[j] = p.withMean && !Number.isNaN(m) ? m : 0;
      if (p.withStd && std >= TINY_SCALE) scale[j] = std;
    });
    return { columns, mean, scale };
  }

  transform(frame: Frame): Frame {
    const { columns, mean, scale } = this.fitted();
    let out = frame;
    columns.forEach((name, j) => {
      const values = this.values(frame, name);
      const scaled = new Float64Array(values.length);
      const m = mean[j];
      const s = scale[j];
      for (let i = 0; i < values.length; i++) scaled[i] = (values[i] - m) / s;
      out = out.withColumn(numericColumn(name, scaled));
    });
    return out;
  }

  protected writeState(s: State): Serializable {
    return { columns: [...s.columns], mean: s.mean, scale: s.scale };
  }

  protected readState(state: SerialReader): State {
    return readColumnStats(state, ['mean', 'scale']);
  }

  static fromJSON(json: SerializedObject): StandardScaler {
    return ColumnStep.restore(
      json,
      TYPE,
      (params) =>
        new StandardScaler({
          withMean: params.boolean('withMean'),
          withStd: params.boolean('withStd'),
          columns: params.optionalStrings('columns') ?? undefined,
        }),
    );
  }
}
