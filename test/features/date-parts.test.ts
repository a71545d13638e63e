import { describe, expect, it } from 'vitest';
import { datetimeColumn } from '../../src/data/column.js';
import { Frame } from '../../src/data/frame.js';
import { DateParts } from '../../src/features/date-parts.js';
import { describeTransformerConformance } from './conformance.js';
import { sampleFrame } from './sample-frame.js';

const values = (frame: Frame, name: string) =>
  Array.from((frame.column(name) as { values: Float64Array }).values);

describe('DateParts', () => {
  it('replaces a datetime column by its UTC calendar parts', () => {
    const stamps = [Date.UTC(2024, 1, 29, 23, 30), Date.UTC(1969, 11, 31, 5), Date.UTC(2000, 0, 1)];
    const frame = new Frame([datetimeColumn('t', stamps)]);
    const out = new DateParts().fit(frame).transform(frame);
    expect(out.columnNames).toEqual([
      't__year',
      't__month',
      't__day',
      't__weekday',
      't__hour',
      't__dayofyear',
    ]);
    const dates = stamps.map((ms) => new Date(ms));
    expect(values(out, 't__year')).toEqual(dates.map((d) => d.getUTCFullYear()));
    expect(values(out, 't__month')).toEqual(dates.map((d) => d.getUTCMonth() + 1));
    expect(values(out, 't__day')).toEqual(dates.map((d) => d.getUTCDate()));
    expect(values(out, 't__weekday')).toEqual(dates.map((d) => (d.getUTCDay() + 6) % 7));
    expect(values(out, 't__hour')).toEqual(dates.map((d) => d.getUTCHours()));
    const dayOfYear = dates.map(
      (d) =>
        Math.round(
          (Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()) -
            Date.UTC(d.getUTCFullYear(), 0, 1)) /
            86_400_000,
        ) + 1,
    );
    expect(values(out, 't__dayofyear')).toEqual(dayOfYear);
  });

  it('agrees with Date on every day of four years, across leap years', () => {
    const stamps = Array.from(
      { length: 1461 },
      (_, i) => Date.UTC(1999, 0, 1) + i * 86_400_000 + 7_200_000,
    );
    const frame = new Frame([datetimeColumn('t', stamps)]);
    const out = new DateParts({ parts: ['year', 'month', 'day'] }).fit(frame).transform(frame);
    const rebuilt = values(out, 't__year').map(
      (y, i) => Date.UTC(y, values(out, 't__month')[i] - 1, values(out, 't__day')[i]) + 7_200_000,
    );
    expect(rebuilt).toEqual(stamps);
  });

  it('gives missing parts for missing timestamps', () => {
    const frame = new Frame([datetimeColumn('t', [Number.NaN])]);
    expect(
      values(new DateParts({ parts: ['month'] }).fit(frame).transform(frame), 't__month'),
    ).toEqual([Number.NaN]);
  });
});

describeTransformerConformance({
  name: 'DateParts',
  make: () => new DateParts({ parts: ['year', 'weekday', 'dayofyear'] }),
  fromJSON: DateParts.fromJSON,
  frame: sampleFrame(),
  badOptions: [
    () => new DateParts({ parts: ['minute' as never] }),
    () => new DateParts({ parts: [] }),
  ],
});
