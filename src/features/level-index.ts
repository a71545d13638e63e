import type { CategoricalColumn } from '../data/column.js';

/** Marks an input level that the fitted step never saw. */
export const UNKNOWN_LEVEL = -2;

/**
 * Maps each level of `column` to its index among `trainingLevels`, by string, so a frame read
 * separately (with its own level list and codes) is encoded like the training frame.
 * Levels the step never saw map to {@link UNKNOWN_LEVEL}.
 */
export function levelLookup(
  column: CategoricalColumn,
  trainingIndex: ReadonlyMap<string, number>,
): Int32Array {
  const lookup = new Int32Array(column.levels.length);
  for (let l = 0; l < column.levels.length; l++)
    lookup[l] = trainingIndex.get(column.levels[l]) ?? UNKNOWN_LEVEL;
  return lookup;
}

/** Index of each level in `levels`. */
export function indexLevels(levels: readonly string[]): Map<string, number> {
  return new Map(levels.map((level, i) => [level, i]));
}

/** Levels that occur in the column (count > 0) with their counts, sorted by level string. */
export function observedLevels(column: CategoricalColumn): { levels: string[]; counts: number[] } {
  const counts = new Float64Array(column.levels.length);
  const codes = column.codes;
  for (let i = 0; i < codes.length; i++) if (codes[i] >= 0) counts[codes[i]]++;
  const present: [string, number][] = [];
  for (let l = 0; l < counts.length; l++)
    if (counts[l] > 0) present.push([column.levels[l], counts[l]]);
  present.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  return { levels: present.map((p) => p[0]), counts: present.map((p) => p[1]) };
}

/** Code-unit string order; it matches Python's sorted() for text without astral characters. */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The most frequent observed level; the smallest one among ties, as scikit-learn. */
export function mostFrequentLevel(column: CategoricalColumn): string | undefined {
  const { levels, counts } = observedLevels(column);
  let best: string | undefined;
  let bestCount = 0;
  // Levels arrive sorted, so a strict `>` keeps the smallest level among ties (as scikit-learn).
  for (let l = 0; l < levels.length; l++) {
    if (
      counts[l] > bestCount ||
      (counts[l] === bestCount && best !== undefined && compareStrings(levels[l], best) < 0)
    ) {
      bestCount = counts[l];
      best = levels[l];
    }
  }
  return best;
}
