import type { DenseMatrix } from '../../data/matrix.js';
import type { SerialReader } from '../../data/serialized-reader.js';
import { DeserializationError } from '../../errors.js';

/**
 * log P(category | class) for every feature, laid out [feature][category][class] so that one
 * row's look-ups for all classes are contiguous.
 */
export interface CategoryTables {
  /** Categories per feature. */
  readonly categories: Int32Array;
  /** Start of each feature's block in `logProb` (categories × classes values each). */
  readonly offsets: Int32Array;
  readonly logProb: Float64Array;
  /** features × classes: log(α) − log(class total + α × categories), a zero count's log probability. */
  readonly unseenLogProb: Float64Array;
}

function offsetsOf(categories: Int32Array, classes: number): Int32Array {
  const offsets = new Int32Array(categories.length + 1);
  for (let j = 0; j < categories.length; j++) offsets[j + 1] = offsets[j] + categories[j] * classes;
  return offsets;
}

/** Weighted counts of each (feature, category, class), with categories = max code + 1 or the minimum. */
export function countCategories(
  X: DenseMatrix,
  labels: Int32Array,
  weights: Float64Array,
  classes: number,
  minCategories: number | readonly number[] | null,
): { categories: Int32Array; counts: Float64Array } {
  const { rows, cols, data } = X;
  const categories = new Int32Array(cols);
  for (let j = 0; j < cols; j++) {
    categories[j] =
      minCategories === null
        ? 0
        : typeof minCategories === 'number'
          ? minCategories
          : minCategories[j];
  }
  for (let p = 0; p < data.length; p++)
    categories[p % cols] = Math.max(categories[p % cols], data[p] + 1);
  const offsets = offsetsOf(categories, classes);
  const counts = new Float64Array(offsets[cols]);
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < cols; j++)
      counts[offsets[j] + data[i * cols + j] * classes + labels[i]] += weights[i];
  }
  return { categories, counts };
}

/** Smoothed log probabilities: log(count + α) − log(Σ_categories (count + α)), as scikit-learn. */
export function logProbabilityTables(
  counted: { categories: Int32Array; counts: Float64Array },
  classes: number,
  alpha: number,
): CategoryTables {
  const { categories, counts } = counted;
  const offsets = offsetsOf(categories, classes);
  const logProb = new Float64Array(counts.length);
  const unseenLogProb = new Float64Array(categories.length * classes);
  const smoothedTotal = new Float64Array(classes);
  for (let j = 0; j < categories.length; j++) {
    smoothedTotal.fill(0);
    for (let v = 0; v < categories[j]; v++) {
      for (let c = 0; c < classes; c++)
        smoothedTotal[c] += counts[offsets[j] + v * classes + c] + alpha;
    }
    for (let c = 0; c < classes; c++) {
      const logTotal = Math.log(smoothedTotal[c]);
      for (let v = 0; v < categories[j]; v++) {
        const at = offsets[j] + v * classes + c;
        logProb[at] = Math.log(counts[at] + alpha) - logTotal;
      }
      unseenLogProb[j * classes + c] = Math.log(alpha) - logTotal;
    }
  }
  return { categories, offsets, logProb, unseenLogProb };
}

/** Rebuilds tables from serialized state, checking every length. */
export function readCategoryTables(
  owner: string,
  state: SerialReader,
  classes: number,
): CategoryTables {
  const categories = state.raw('categories');
  if (!(categories instanceof Int32Array) || !categories.every((n) => n >= 1)) {
    throw new DeserializationError(owner, '"categories" must be an Int32Array of positive counts.');
  }
  const offsets = offsetsOf(categories, classes);
  return {
    categories: categories.slice(),
    offsets,
    logProb: state.float64('logProb', offsets[categories.length]).slice(),
    unseenLogProb: state.float64('unseenLogProb', categories.length * classes).slice(),
  };
}
