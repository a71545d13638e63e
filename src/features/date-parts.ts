import type { ColumnKind } from '../data/column.js';
import { numericColumn } from '../data/column.js';
import type { Frame } from '../data/frame.js';
import type { SerializedObject } from '../data/serializable.js';
import { InvalidParameterError } from '../errors.js';
import { civilFromDays, daysFromCivil, MS_PER_DAY, MS_PER_HOUR } from './civil-date.js';
import { columnsOption } from './column-selection.js';
import { ColumnListStep, ColumnStep } from './column-step.js';
import type { Transformer } from './transformer.js';

/** `weekday` counts from Monday = 0 (as pandas); `dayofyear` from 1; `month` and `day` from 1. */
export type DatePart = 'year' | 'month' | 'day' | 'weekday' | 'hour' | 'dayofyear';

export interface DatePartsOptions {
  /** Parts to extract, in output order. Default all six. */
  readonly parts?: readonly DatePart[];
  /** Datetime columns to expand; default every datetime column. */
  readonly columns?: readonly string[];
}

const TYPE = 'DateParts';
const KINDS: readonly ColumnKind[] = ['datetime'];
const ALL_PARTS: readonly DatePart[] = ['year', 'month', 'day', 'weekday', 'hour', 'dayofyear'];

type Params = { parts: readonly DatePart[]; columns: readonly string[] | null };

/** The value of one calendar part of a timestamp (ms since the epoch, UTC), using `scratch` for y/m/d. */
function partOf(part: DatePart, ms: number, scratch: Int32Array): number {
  const days = Math.floor(ms / MS_PER_DAY);
  if (part === 'hour') return Math.floor((ms - days * MS_PER_DAY) / MS_PER_HOUR);
  // 1970-01-01 was a Thursday: weekday 3 counting from Monday = 0.
  if (part === 'weekday') return (((days + 3) % 7) + 7) % 7;
  civilFromDays(days, scratch);
  if (part === 'year') return scratch[0];
  if (part === 'month') return scratch[1];
  if (part === 'day') return scratch[2];
  return days - daysFromCivil(scratch[0], 1, 1) + 1;
}

/**
 * Replaces datetime columns by numeric calendar parts in UTC, named `${column}__${part}`
 * (e.g. `opened__month`); missing timestamps give missing parts.
 *
 * @example
 * new DateParts({ parts: ['year', 'month', 'weekday'] }).fit(frame).transform(frame);
 */
export class DateParts extends ColumnListStep<Params> implements Transformer {
  readonly type = TYPE;

  constructor(options: DatePartsOptions = {}) {
    const parts = options.parts;
    super(
      {
        parts: Array.isArray(parts)
          ? Object.freeze([...parts])
          : ((parts ?? ALL_PARTS) as readonly DatePart[]),
        columns: columnsOption(options.columns),
      },
      KINDS,
    );
  }

  protected checkParams(p: Params): void {
    if (
      !Array.isArray(p.parts) ||
      p.parts.length === 0 ||
      p.parts.some((part) => !ALL_PARTS.includes(part))
    ) {
      throw new InvalidParameterError(
        TYPE,
        'parts',
        `must be a non-empty list drawn from ${ALL_PARTS.join(', ')}, got ${JSON.stringify(p.parts)}`,
      );
    }
    if (new Set(p.parts).size !== p.parts.length)
      throw new InvalidParameterError(TYPE, 'parts', 'lists a part twice');
  }

  transform(frame: Frame): Frame {
    const columns = this.fitted();
    const { parts } = this.getParams();
    const scratch = new Int32Array(3);
    let out = frame;
    for (const name of columns) {
      const values = this.values(frame, name);
      out = out.drop([name]);
      for (const part of parts) {
        const extracted = new Float64Array(values.length);
        for (let i = 0; i < values.length; i++) {
          const ms = values[i];
          extracted[i] = Number.isFinite(ms) ? partOf(part, ms, scratch) : Number.NaN;
        }
        out = out.withColumn(numericColumn(`${name}__${part}`, extracted));
      }
    }
    return out;
  }

  static fromJSON(json: SerializedObject): DateParts {
    return ColumnStep.restore(
      json,
      TYPE,
      (params) =>
        new DateParts({
          parts: params.strings('parts') as DatePart[],
          columns: params.optionalStrings('columns') ?? undefined,
        }),
    );
  }
}
