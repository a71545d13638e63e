/** Importances scaled to sum to 1 (all zero stays all zero: a tree that never split). */
export function normalised(values: Float64Array): Float64Array {
  let total = 0;
  for (const v of values) total += v;
  return total > 0 ? values.map((v) => v / total) : new Float64Array(values.length);
}
