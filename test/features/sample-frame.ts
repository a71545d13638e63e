import {
  booleanColumn,
  categoricalFromStrings,
  datetimeColumn,
  numericColumn,
} from '../../src/data/column.js';
import { Frame } from '../../src/data/frame.js';

const DAY = 86_400_000;

/**
 * A small frame with every column kind and missing values in each: `income` (numeric),
 * `active` (boolean), `city` (categorical with one rare level), `plan` (categorical),
 * `opened` (datetime). Values follow simple formulas so tests stay deterministic.
 */
export function sampleFrame(rows = 40): Frame {
  const cities = ['paris', 'lyon', 'nice', 'lyon', 'paris', 'paris', 'lille'];
  const plans = ['basic', 'pro', 'basic', 'team'];
  return new Frame([
    numericColumn(
      'income',
      Array.from({ length: rows }, (_, i) =>
        i % 9 === 4 ? Number.NaN : 20 + ((i * 37) % 23) * 1.5,
      ),
    ),
    booleanColumn(
      'active',
      Array.from({ length: rows }, (_, i) =>
        i % 11 === 3 ? Number.NaN : (i * 7) % 3 === 0 ? 1 : 0,
      ),
    ),
    categoricalFromStrings(
      'city',
      Array.from({ length: rows }, (_, i) =>
        i % 13 === 5 ? null : i === 17 ? 'brest' : cities[i % cities.length],
      ),
    ),
    categoricalFromStrings(
      'plan',
      Array.from({ length: rows }, (_, i) => plans[(i * 3) % plans.length]),
    ),
    datetimeColumn(
      'opened',
      Array.from({ length: rows }, (_, i) =>
        i % 10 === 7 ? Number.NaN : Date.UTC(2020, 0, 1) + i * 17.3 * DAY,
      ),
    ),
  ]);
}
