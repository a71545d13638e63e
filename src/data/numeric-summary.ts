/** Probabilities at which numeric profiles report quantiles. */
export const profileQuantiles: readonly number[] = Object.freeze([
  0, 0.01, 0.05, 0.25, 0.5, 0.75, 0.95, 0.99, 1,
]);

/**
 * Quantile of ascending-sorted values by linear interpolation between closest ranks — numpy's
 * default (`method='linear'`, Hyndman & Fan type 7): position q·(n−1).
 */
export function sortedQuantile(sorted: Float64Array, q: number): number {
  const n = sorted.length;
  if (n === 0) return Number.NaN;
  const position = q * (n - 1);
  const lower = Math.floor(position);
  const upper = Math.min(lower + 1, n - 1);
  const fraction = position - lower;
  return sorted[lower] + fraction * (sorted[upper] - sorted[lower]);
}

/** Mean and sample standard deviation (n − 1 denominator, as pandas' `describe`) by two passes. */
export function meanAndStd(values: Float64Array): { mean: number; std: number } {
  const n = values.length;
  if (n === 0) return { mean: Number.NaN, std: Number.NaN };
  let sum = 0;
  for (let i = 0; i < n; i++) sum += values[i];
  const mean = sum / n;
  // Second pass on deviations (with the compensation term) avoids the cancellation of Σx² − n·mean².
  let squares = 0;
  let compensation = 0;
  for (let i = 0; i < n; i++) {
    const d = values[i] - mean;
    squares += d * d;
    compensation += d;
  }
  const variance = n > 1 ? (squares - (compensation * compensation) / n) / (n - 1) : Number.NaN;
  return { mean, std: Math.sqrt(Math.max(0, variance)) };
}

/**
 * Equal-width histogram as `numpy.histogram(values, bins)`: edges span [min, max] (or
 * [v − 0.5, v + 0.5] when every value is v); every bin is half-open except the last, which is closed.
 */
export function histogram(
  sorted: Float64Array,
  bins: number,
): { edges: number[]; counts: number[] } {
  let low = sorted[0];
  let high = sorted[sorted.length - 1];
  if (low === high) {
    low -= 0.5;
    high += 0.5;
  }
  const edges = new Array<number>(bins + 1);
  for (let b = 0; b <= bins; b++) edges[b] = low + ((high - low) * b) / bins;
  const counts = new Array<number>(bins).fill(0);
  const width = (high - low) / bins;
  for (let i = 0; i < sorted.length; i++) {
    let b = Math.floor((sorted[i] - low) / width);
    if (b >= bins) b = bins - 1;
    // Floating-point rounding can place a value one bin off its edges; numpy compares with the edges.
    while (b > 0 && sorted[i] < edges[b]) b--;
    while (b < bins - 1 && sorted[i] >= edges[b + 1]) b++;
    counts[b]++;
  }
  return { edges, counts };
}
