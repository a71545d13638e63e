import type { Rng } from '../../data/rng.js';

/** The first `count` primes: Halton's bases. */
export function firstPrimes(count: number): number[] {
  const primes: number[] = [];
  for (let candidate = 2; primes.length < count; candidate++)
    if (primes.every((p) => candidate % p !== 0)) primes.push(candidate);
  return primes;
}

/**
 * One random digit permutation per base, with 0 kept in place so that the infinitely many
 * leading zeros of an index's expansion stay zero (random-permutation Halton; Braaten and
 * Weller's idea with seeded permutations).
 */
export function haltonPermutations(bases: readonly number[], rng: Rng): Int32Array[] {
  return bases.map((base) => {
    const tail = rng.permutation(base - 1);
    const permutation = new Int32Array(base);
    for (let i = 1; i < base; i++) permutation[i] = tail[i - 1] + 1;
    return permutation;
  });
}

/**
 * Writes point `index` of the Halton sequence (radical inverses in the given prime bases,
 * digits optionally permuted) into `out`.
 *
 * @example
 * const point = new Float64Array(2);
 * haltonPoint([2, 3], 1, null, point); // [0.5, 0.333…]
 */
export function haltonPoint(
  bases: readonly number[],
  index: number,
  permutations: readonly Int32Array[] | null,
  out: Float64Array,
): void {
  for (let d = 0; d < out.length; d++) {
    const base = bases[d];
    const permutation = permutations === null ? null : permutations[d];
    let remaining = index;
    let scale = 1 / base;
    let x = 0;
    while (remaining > 0) {
      const digit = remaining % base;
      x += (permutation === null ? digit : permutation[digit]) * scale;
      remaining = Math.floor(remaining / base);
      scale /= base;
    }
    out[d] = x;
  }
}
