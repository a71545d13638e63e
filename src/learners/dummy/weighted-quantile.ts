/** The median as `numpy.median` computes it: the mean of the two middle values when n is even. */
export function median(values: Float64Array): number {
  const sorted = values.slice().sort();
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/**
 * The q-quantile (q in [0, 1]) with linear interpolation between order statistics, as
 * `numpy.percentile(values, 100 * q)` computes it.
 */
export function interpolatedQuantile(values: Float64Array, q: number): number {
  const sorted = values.slice().sort();
  const position = q * (sorted.length - 1);
  const below = Math.floor(position);
  const above = Math.min(below + 1, sorted.length - 1);
  const fraction = position - below;
  // numpy's lerp form: exact at both ends, so q = 0 and q = 1 give the min and max bit for bit.
  const diff = sorted[above] - sorted[below];
  return fraction >= 0.5 ? sorted[above] - diff * (1 - fraction) : sorted[below] + diff * fraction;
}

/**
 * scikit-learn's `_weighted_percentile`: the smallest value whose cumulative weight reaches
 * q × total weight (no interpolation). Rows of weight zero in front are skipped even for q = 0.
 */
export function weightedQuantile(values: Float64Array, weights: Float64Array, q: number): number {
  const order = Array.from(values.keys()).sort((a, b) => values[a] - values[b] || a - b);
  const cumulative = new Float64Array(order.length);
  let running = 0;
  for (let i = 0; i < order.length; i++) {
    running += weights[order[i]];
    cumulative[i] = running;
  }
  let target = q * running;
  // sklearn nudges a zero target up by one ulp so leading zero-weight rows are not picked.
  if (target === 0) target = Number.MIN_VALUE;
  let index = 0;
  while (index < order.length - 1 && cumulative[index] < target) index++;
  return values[order[index]];
}
