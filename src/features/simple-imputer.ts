import type { CategoricalColumn, Column, ColumnKind } from '../data/column.js';
import { booleanColumn, categoricalColumn, datetimeColumn, numericColumn } from '../data/column.js';
import type { Frame } from '../data/frame.js';
import type { Serializable, SerializedObject } from '../data/serializable.js';
import type { SerialReader } from '../data/serialized-reader.js';
import { InvalidParameterError } from '../errors.js';
import { columnsOption } from './column-selection.js';
import { ColumnStep, readColumnStats } from './column-step.js';
import {
  hasMissing,
  medianOfSorted,
  mostFrequentValue,
  observedMean,
  sortedObserved,
} from './column-stats.js';
import { mostFrequentLevel } from './level-index.js';
import type { Transformer } from './transformer.js';

export type ImputeStrategy = 'mean' | 'median' | 'most_frequent' | 'constant';

export interface SimpleImputerOptions {
  /** `mean` and `median` apply to numeric, boolean and datetime columns only. Default `mean`. */
  readonly strategy?: ImputeStrategy;
  /**
   * The value `constant` fills in: a number for numeric/boolean/datetime columns (default 0; 0 or 1
   * for boolean ones), a string for categorical ones (default `missing_value`), as scikit-learn.
   */
  readonly fillValue?: number | string | null;
  /** Add a boolean `${name}__missing` column for every column that had missing values in fit. */
  readonly addIndicator?: boolean;
  /** Columns to impute; default every numeric, boolean and categorical column. */
  readonly columns?: readonly string[];
}

const TYPE = 'SimpleImputer';
const STRATEGIES: readonly ImputeStrategy[] = ['mean', 'median', 'most_frequent', 'constant'];
const DEFAULT_KINDS: readonly ColumnKind[] = ['numeric', 'boolean', 'categorical'];
const ACCEPTED_KINDS: readonly ColumnKind[] = ['numeric', 'boolean', 'categorical', 'datetime'];
const DEFAULT_FILL_LEVEL = 'missing_value';

type Params = {
  strategy: ImputeStrategy;
  fillValue: number | string | null;
  addIndicator: boolean;
  columns: readonly string[] | null;
};

interface State {
  readonly columns: readonly string[];
  /** Fill of numeric-like columns (NaN for categorical ones). */
  readonly fills: Float64Array;
  /** Fill level of categorical columns ('' for the others). */
  readonly fillLevels: readonly string[];
  readonly indicatorColumns: readonly string[];
}

/**
 * Fills missing values with a per-column statistic learned in fit (scikit-learn's `SimpleImputer`).
 * Boolean columns imputed with `mean`/`median` become numeric (the fill is a proportion). A column
 * with no observed value at fit is filled with 0 / `missing_value` (scikit-learn's
 * `keep_empty_features=True`).
 *
 * @example
 * const imputed = new SimpleImputer({ strategy: 'median', addIndicator: true }).fit(train).transform(test);
 */
export class SimpleImputer extends ColumnStep<Params, State> implements Transformer {
  readonly type = TYPE;

  constructor(options: SimpleImputerOptions = {}) {
    super(
      {
        strategy: options.strategy ?? 'mean',
        fillValue: options.fillValue ?? null,
        addIndicator: options.addIndicator ?? false,
        columns: columnsOption(options.columns),
      },
      DEFAULT_KINDS,
      ACCEPTED_KINDS,
    );
  }

  protected checkParams(p: Params): void {
    if (!STRATEGIES.includes(p.strategy)) {
      throw new InvalidParameterError(
        TYPE,
        'strategy',
        `must be one of ${STRATEGIES.join(', ')}, got ${String(p.strategy)}`,
      );
    }
    if (
      p.fillValue !== null &&
      typeof p.fillValue !== 'number' &&
      typeof p.fillValue !== 'string'
    ) {
      throw new InvalidParameterError(TYPE, 'fillValue', 'must be a number, a string or null');
    }
    if (typeof p.fillValue === 'number' && !Number.isFinite(p.fillValue)) {
      throw new InvalidParameterError(TYPE, 'fillValue', 'must be finite');
    }
    if (typeof p.addIndicator !== 'boolean')
      throw new InvalidParameterError(TYPE, 'addIndicator', 'must be a boolean');
  }

  protected learn(frame: Frame, columns: string[], p: Params): State {
    const fills = new Float64Array(columns.length).fill(Number.NaN);
    const fillLevels: string[] = [];
    const indicatorColumns: string[] = [];
    columns.forEach((name, j) => {
      const column = frame.column(name);
      if (column.kind === 'categorical') {
        fillLevels.push(this.#categoricalFill(column));
        if (column.codes.some((c) => c < 0)) indicatorColumns.push(name);
      } else {
        fills[j] = this.#numericFill(column.kind, name, column.values);
        fillLevels.push('');
        if (hasMissing(column.values)) indicatorColumns.push(name);
      }
    });
    return { columns, fills, fillLevels, indicatorColumns: p.addIndicator ? indicatorColumns : [] };
  }

  #categoricalFill(column: CategoricalColumn): string {
    const { strategy, fillValue } = this.getParams();
    if (strategy === 'mean' || strategy === 'median') {
      throw new InvalidParameterError(
        TYPE,
        'strategy',
        `"${strategy}" cannot impute categorical column "${column.name}"; use most_frequent or constant`,
      );
    }
    if (strategy === 'most_frequent') return mostFrequentLevel(column) ?? DEFAULT_FILL_LEVEL;
    if (typeof fillValue === 'number') {
      throw new InvalidParameterError(
        TYPE,
        'fillValue',
        `must be a string to fill categorical column "${column.name}"`,
      );
    }
    return fillValue ?? DEFAULT_FILL_LEVEL;
  }

  #numericFill(kind: ColumnKind, name: string, values: Float64Array): number {
    const { strategy, fillValue } = this.getParams();
    if (strategy === 'constant') {
      if (typeof fillValue === 'string') {
        throw new InvalidParameterError(
          TYPE,
          'fillValue',
          `must be a number to fill ${kind} column "${name}"`,
        );
      }
      const fill = fillValue ?? 0;
      if (kind === 'boolean' && fill !== 0 && fill !== 1) {
        throw new InvalidParameterError(
          TYPE,
          'fillValue',
          `must be 0 or 1 to fill boolean column "${name}"`,
        );
      }
      return fill;
    }
    const fill =
      strategy === 'mean'
        ? observedMean(values)
        : strategy === 'median'
          ? medianOfSorted(sortedObserved(values))
          : mostFrequentValue(values);
    return Number.isNaN(fill) ? 0 : fill;
  }

  transform(frame: Frame): Frame {
    const state = this.fitted();
    let out = frame;
    state.columns.forEach((name, j) => {
      out = out.withColumn(
        this.#fill(this.column(frame, name), state.fills[j], state.fillLevels[j]),
      );
    });
    for (const name of state.indicatorColumns) {
      const column = frame.column(name);
      const n = frame.rows;
      const flags = new Float64Array(n);
      if (column.kind === 'categorical')
        for (let i = 0; i < n; i++) flags[i] = column.codes[i] < 0 ? 1 : 0;
      else for (let i = 0; i < n; i++) flags[i] = Number.isNaN(column.values[i]) ? 1 : 0;
      out = out.withColumn(booleanColumn(`${name}__missing`, flags));
    }
    return out;
  }

  #fill(column: Column, fill: number, fillLevel: string): Column {
    if (column.kind === 'categorical') {
      let fillCode = column.levels.indexOf(fillLevel);
      const levels = fillCode >= 0 ? column.levels : [...column.levels, fillLevel];
      if (fillCode < 0) fillCode = levels.length - 1;
      const codes = Int32Array.from(column.codes);
      for (let i = 0; i < codes.length; i++) if (codes[i] < 0) codes[i] = fillCode;
      return categoricalColumn(column.name, codes, levels);
    }
    const values = Float64Array.from(column.values);
    for (let i = 0; i < values.length; i++) if (Number.isNaN(values[i])) values[i] = fill;
    if (column.kind === 'datetime') return datetimeColumn(column.name, values);
    const staysBoolean =
      column.kind === 'boolean' &&
      (this.getParams().strategy === 'most_frequent' || this.getParams().strategy === 'constant');
    return staysBoolean ? booleanColumn(column.name, values) : numericColumn(column.name, values);
  }

  protected writeState(s: State): Serializable {
    return {
      columns: [...s.columns],
      fills: s.fills,
      fillLevels: [...s.fillLevels],
      indicatorColumns: [...s.indicatorColumns],
    };
  }

  protected readState(state: SerialReader): State {
    return {
      ...readColumnStats(state, ['fills']),
      fillLevels: state.strings('fillLevels'),
      indicatorColumns: state.strings('indicatorColumns'),
    };
  }

  static fromJSON(json: SerializedObject): SimpleImputer {
    return ColumnStep.restore(
      json,
      TYPE,
      (params) =>
        new SimpleImputer({
          strategy: params.string('strategy') as ImputeStrategy,
          fillValue: params.raw('fillValue') as number | string | null,
          addIndicator: params.boolean('addIndicator'),
          columns: params.optionalStrings('columns') ?? undefined,
        }),
    );
  }
}
