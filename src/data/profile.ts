import type { Column } from './column.js';
import type { Frame } from './frame.js';
import { histogram, meanAndStd, profileQuantiles, sortedQuantile } from './numeric-summary.js';

interface BaseProfile {
  readonly name: string;
  readonly count: number;
  readonly missing: number;
}

export interface NumericProfile extends BaseProfile {
  readonly kind: 'numeric';
  readonly mean: number | null;
  /** Sample standard deviation (n − 1). */
  readonly std: number | null;
  readonly min: number | null;
  readonly max: number | null;
  /** `{ q, value }` at 0, .01, .05, .25, .5, .75, .95, .99, 1 (numpy's default linear method). */
  readonly quantiles: readonly { readonly q: number; readonly value: number | null }[];
  /** 20 equal-width bins as `numpy.histogram`; null when every value is missing. */
  readonly histogram: {
    readonly edges: readonly number[];
    readonly counts: readonly number[];
  } | null;
}

export interface CategoricalProfile extends BaseProfile {
  readonly kind: 'categorical';
  /** Every level with its number of rows, in level (code) order. */
  readonly levels: readonly { readonly level: string; readonly count: number }[];
}

export interface BooleanProfile extends BaseProfile {
  readonly kind: 'boolean';
  readonly trueCount: number;
  readonly falseCount: number;
}

export interface DatetimeProfile extends BaseProfile {
  readonly kind: 'datetime';
  /** Milliseconds since the epoch, UTC. */
  readonly min: number | null;
  readonly max: number | null;
}

export type ColumnProfile = NumericProfile | CategoricalProfile | BooleanProfile | DatetimeProfile;

/** Per-column statistics of a frame; plain JSON (non-finite numbers are null). */
export interface FrameProfile {
  readonly rows: number;
  readonly columns: readonly ColumnProfile[];
}

const histogramBins = 20;

/**
 * Profiles every column: counts and missing values, plus per kind — numeric: mean, std, min,
 * max, quantiles and a 20-bin histogram; categorical: level frequencies; boolean: true/false
 * counts; datetime: min/max. Monitoring compares production data against this.
 *
 * @example
 * const profile = profileFrame(frame);
 * JSON.stringify(profile); // safe: no NaN
 */
export function profileFrame(frame: Frame): FrameProfile {
  return { rows: frame.rows, columns: frame.columns.map(profileColumn) };
}

/** The profile of one column. */
export function profileColumn(column: Column): ColumnProfile {
  if (column.kind === 'categorical') {
    const counts = new Array<number>(column.levels.length).fill(0);
    let missing = 0;
    for (let i = 0; i < column.codes.length; i++) {
      const code = column.codes[i];
      if (code < 0) missing++;
      else counts[code]++;
    }
    const levels = column.levels.map((level, code) => ({ level, count: counts[code] }));
    return {
      kind: 'categorical',
      name: column.name,
      count: column.codes.length - missing,
      missing,
      levels,
    };
  }
  const present = presentSorted(column.values);
  const base = {
    name: column.name,
    count: present.length,
    missing: column.values.length - present.length,
  };
  const min = present.length > 0 ? finite(present[0]) : null;
  const max = present.length > 0 ? finite(present[present.length - 1]) : null;
  if (column.kind === 'boolean') {
    let trueCount = 0;
    for (let i = 0; i < present.length; i++) if (present[i] !== 0) trueCount++;
    return { kind: 'boolean', ...base, trueCount, falseCount: present.length - trueCount };
  }
  if (column.kind === 'datetime') return { kind: 'datetime', ...base, min, max };
  const { mean, std } = meanAndStd(present);
  return {
    kind: 'numeric',
    ...base,
    mean: finite(mean),
    std: finite(std),
    min,
    max,
    quantiles: profileQuantiles.map((q) => ({ q, value: finite(sortedQuantile(present, q)) })),
    histogram:
      present.length > 0 && min !== null && max !== null ? histogram(present, histogramBins) : null,
  };
}

function presentSorted(values: Float64Array): Float64Array {
  let count = 0;
  for (let i = 0; i < values.length; i++) if (!Number.isNaN(values[i])) count++;
  const out = new Float64Array(count);
  let k = 0;
  for (let i = 0; i < values.length; i++) if (!Number.isNaN(values[i])) out[k++] = values[i];
  return out.sort();
}

function finite(value: number): number | null {
  return Number.isFinite(value) ? value : null;
}
