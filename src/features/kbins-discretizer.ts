import type { ColumnKind } from '../data/column.js';
import { numericColumn } from '../data/column.js';
import type { Frame } from '../data/frame.js';
import type { Serializable, SerializedObject } from '../data/serializable.js';
import type { SerialReader } from '../data/serialized-reader.js';
import { DeserializationError, InvalidParameterError } from '../errors.js';
import { columnsOption } from './column-selection.js';
import { ColumnStep } from './column-step.js';
import { linspace, percentileOfSorted, sortedObserved } from './column-stats.js';
import type { Transformer } from './transformer.js';

export type BinStrategy = 'uniform' | 'quantile';

export interface KBinsDiscretizerOptions {
  /** Bins per column, at least 2. Default 5. */
  readonly nBins?: number;
  /** `uniform`: equal-width bins; `quantile` (default): equal-count bins. */
  readonly strategy?: BinStrategy;
  /** Columns to bin; default every numeric column. */
  readonly columns?: readonly string[];
}

const TYPE = 'KBinsDiscretizer';
const KINDS: readonly ColumnKind[] = ['numeric'];
const STRATEGIES: readonly BinStrategy[] = ['uniform', 'quantile'];
/** scikit-learn drops quantile bins narrower than this. */
const MIN_BIN_WIDTH = 1e-8;

type Params = { nBins: number; strategy: BinStrategy; columns: readonly string[] | null };

interface State {
  readonly columns: readonly string[];
  /** Edges of every column, concatenated; column j's are `edges[offsets[j] .. offsets[j+1])`. */
  readonly edges: Float64Array;
  readonly offsets: Int32Array;
}

/** Bin edges of one column as scikit-learn 1.2 computes them (observed values only). */
function binEdges(values: Float64Array, nBins: number, strategy: BinStrategy): Float64Array {
  const sorted = sortedObserved(values);
  if (sorted.length === 0 || sorted[0] === sorted[sorted.length - 1])
    return Float64Array.of(-Infinity, Infinity);
  if (strategy === 'uniform') return linspace(sorted[0], sorted[sorted.length - 1], nBins + 1);
  const quantiles = linspace(0, 100, nBins + 1);
  const edges = quantiles.map((q) => percentileOfSorted(sorted, q));
  const kept: number[] = [edges[0]];
  for (let k = 1; k < edges.length; k++)
    if (edges[k] - edges[k - 1] > MIN_BIN_WIDTH) kept.push(edges[k]);
  return Float64Array.from(kept);
}

/**
 * Replaces numeric columns by bin indices 0..nBins-1 (scikit-learn's `KBinsDiscretizer` with
 * ordinal encoding; same edges). Values beyond the training range fall in the end bins; missing
 * stays missing.
 *
 * @example
 * const binned = new KBinsDiscretizer({ nBins: 4, strategy: 'quantile' }).fit(train).transform(test);
 */
export class KBinsDiscretizer extends ColumnStep<Params, State> implements Transformer {
  readonly type = TYPE;

  constructor(options: KBinsDiscretizerOptions = {}) {
    super(
      {
        nBins: options.nBins ?? 5,
        strategy: options.strategy ?? 'quantile',
        columns: columnsOption(options.columns),
      },
      KINDS,
    );
  }

  /** The bin edges of each column (copies). */
  get binEdges(): ReadonlyMap<string, Float64Array> {
    const s = this.fitted();
    return new Map(
      s.columns.map((name, j) => [name, s.edges.slice(s.offsets[j], s.offsets[j + 1])]),
    );
  }

  protected checkParams(p: Params): void {
    if (!Number.isInteger(p.nBins) || p.nBins < 2)
      throw new InvalidParameterError(
        TYPE,
        'nBins',
        `must be an integer >= 2, got ${String(p.nBins)}`,
      );
    if (!STRATEGIES.includes(p.strategy)) {
      throw new InvalidParameterError(
        TYPE,
        'strategy',
        `must be one of ${STRATEGIES.join(', ')}, got ${String(p.strategy)}`,
      );
    }
  }

  protected learn(frame: Frame, columns: string[], p: Params): State {
    const perColumn = columns.map((name) =>
      binEdges(this.values(frame, name), p.nBins, p.strategy),
    );
    const offsets = new Int32Array(columns.length + 1);
    perColumn.forEach((e, j) => (offsets[j + 1] = offsets[j] + e.length));
    const edges = new Float64Array(offsets[columns.length]);
    perColumn.forEach((e, j) => edges.set(e, offsets[j]));
    return { columns, edges, offsets };
  }

  transform(frame: Frame): Frame {
    const { columns, edges, offsets } = this.fitted();
    let out = frame;
    columns.forEach((name, j) => {
      const values = this.values(frame, name);
      // Inner edges only, as scikit-learn's searchsorted(edges[1:-1], x, side='right').
      const first = offsets[j] + 1;
      const last = offsets[j + 1] - 1;
      const bins = new Float64Array(values.length);
      for (let i = 0; i < values.length; i++) {
        const v = values[i];
        if (v !== v) {
          bins[i] = Number.NaN;
          continue;
        }
        let lo = first;
        let hi = last;
        while (lo < hi) {
          const mid = (lo + hi) >> 1;
          if (edges[mid] <= v) lo = mid + 1;
          else hi = mid;
        }
        bins[i] = lo - first;
      }
      out = out.withColumn(numericColumn(name, bins));
    });
    return out;
  }

  protected writeState(s: State): Serializable {
    return { columns: [...s.columns], edges: s.edges, offsets: s.offsets };
  }

  protected readState(state: SerialReader): State {
    const columns = state.strings('columns');
    const offsets = state.raw('offsets');
    if (!(offsets instanceof Int32Array) || offsets.length !== columns.length + 1) {
      throw new DeserializationError(
        TYPE,
        '"offsets" must be an Int32Array with one entry per column plus one.',
      );
    }
    return { columns, edges: state.float64('edges', offsets[columns.length]), offsets };
  }

  static fromJSON(json: SerializedObject): KBinsDiscretizer {
    return ColumnStep.restore(
      json,
      TYPE,
      (params) =>
        new KBinsDiscretizer({
          nBins: params.number('nBins'),
          strategy: params.string('strategy') as BinStrategy,
          columns: params.optionalStrings('columns') ?? undefined,
        }),
    );
  }
}
