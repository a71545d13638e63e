import type { Rng } from '../../data/rng.js';

/**
 * How many times each of `n` rows is drawn in a bootstrap sample of size n (uniform draws with
 * replacement). Multiplying the sample weights by these counts grows a tree on the sample
 * without copying rows; rows with count 0 are the tree's out-of-bag rows.
 */
export function bootstrapCounts(rng: Rng, n: number): Float64Array {
  const counts = new Float64Array(n);
  for (let draw = 0; draw < n; draw++) counts[rng.nextInt(n)]++;
  return counts;
}
