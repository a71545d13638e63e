/** Statistics of a column's observed values (NaN = missing is skipped), as NumPy computes them. */

/** The observed (non-NaN) values, sorted ascending. */
export function sortedObserved(values: Float64Array): Float64Array {
  let n = 0;
  for (let i = 0; i < values.length; i++) if (!Number.isNaN(values[i])) n++;
  const out = new Float64Array(n);
  let k = 0;
  for (let i = 0; i < values.length; i++) if (!Number.isNaN(values[i])) out[k++] = values[i];
  return out.sort();
}

/** Mean of the observed values; NaN when there are none. */
export function observedMean(values: Float64Array): number {
  let sum = 0;
  let n = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v === v) {
      sum += v;
      n++;
    }
  }
  return n === 0 ? Number.NaN : sum / n;
}

/** Population standard deviation (ddof 0) of the observed values, two-pass for accuracy. */
export function observedStd(values: Float64Array, mean: number): number {
  let sumSq = 0;
  let n = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v === v) {
      const d = v - mean;
      sumSq += d * d;
      n++;
    }
  }
  return n === 0 ? Number.NaN : Math.sqrt(sumSq / n);
}

/**
 * NumPy's default (linear) percentile of sorted values, `q` in [0, 100], with NumPy's exact
 * arithmetic (virtual index `(n − 1)·q`, then its `_lerp`) so results match bit for bit.
 */
export function percentileOfSorted(sorted: Float64Array, q: number): number {
  const n = sorted.length;
  if (n === 0) return Number.NaN;
  const fraction = q / 100;
  const position = (n - 1) * fraction;
  if (position >= n - 1) return sorted[n - 1];
  if (position <= 0) return sorted[0];
  const lower = Math.floor(position);
  const t = position - lower;
  const a = sorted[lower];
  const b = sorted[lower + 1];
  const diff = b - a;
  return t >= 0.5 ? b - diff * (1 - t) : a + diff * t;
}

/** NumPy's `linspace(start, stop, count)`: `i·step + start`, the last value exactly `stop`. */
export function linspace(start: number, stop: number, count: number): Float64Array {
  const out = new Float64Array(count);
  const step = (stop - start) / (count - 1);
  for (let i = 0; i < count; i++) out[i] = i * step + start;
  out[count - 1] = stop;
  return out;
}

/** The most frequent observed value, the smallest one among ties (as SciPy's mode); NaN if none. */
export function mostFrequentValue(values: Float64Array): number {
  const sorted = sortedObserved(values);
  let best = Number.NaN;
  let bestCount = 0;
  let i = 0;
  while (i < sorted.length) {
    let j = i;
    while (j < sorted.length && sorted[j] === sorted[i]) j++;
    if (j - i > bestCount) {
      bestCount = j - i;
      best = sorted[i];
    }
    i = j;
  }
  return best;
}

/** Whether any value is missing. */
export function hasMissing(values: Float64Array): boolean {
  for (let i = 0; i < values.length; i++) if (Number.isNaN(values[i])) return true;
  return false;
}

/** NumPy's median of sorted values: the middle one, or the mean of the two middle ones. */
export function medianOfSorted(sorted: Float64Array): number {
  const n = sorted.length;
  if (n === 0) return Number.NaN;
  const half = n >> 1;
  return n % 2 === 1 ? sorted[half] : (sorted[half - 1] + sorted[half]) / 2;
}
