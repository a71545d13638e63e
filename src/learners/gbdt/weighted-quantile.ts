/**
 * The weighted q-quantile of `values[rows[k]]` for k in [start, end): the smallest value whose
 * cumulative weight reaches q of the total (the lower weighted quantile). Sorts a copy.
 */
export function weightedQuantile(
  values: Float64Array,
  weights: Float64Array,
  rows: Int32Array,
  start: number,
  end: number,
  q: number,
): number {
  const count = end - start;
  if (count === 0) return 0;
  const order = rows.slice(start, end).sort((a, b) => values[a] - values[b]);
  let total = 0;
  for (let k = 0; k < count; k++) total += weights[order[k]];
  const target = q * total;
  let cumulative = 0;
  for (let k = 0; k < count; k++) {
    cumulative += weights[order[k]];
    if (cumulative >= target && cumulative > 0) return values[order[k]];
  }
  return values[order[count - 1]];
}
