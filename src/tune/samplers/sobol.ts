/**
 * Sobol' points by direct (Gray-code) construction, so any index is computed without the
 * points before it. Direction numbers: S. Joe and F. Y. Kuo, "Constructing Sobol sequences with
 * better two-dimensional projections", SIAM J. Sci. Comput. 30 (2008), file
 * new-joe-kuo-6.21201 (https://web.maths.unsw.edu.au/~fkuo/sobol/), dimensions 2–32 as
 * `s a m_1 … m_s` (degree, polynomial coefficients, initial direction numbers). Dimension 1
 * is the van der Corput sequence in base 2.
 */
const JOE_KUO_2_TO_32 =
  '1 0 1|2 1 1 3|3 1 1 3 1|3 2 1 1 1|4 1 1 1 3 3|4 4 1 3 5 13|5 2 1 1 5 5 17|5 4 1 1 5 5 5|' +
  '5 7 1 1 7 11 19|5 11 1 1 5 1 1|5 13 1 1 1 3 11|5 14 1 3 5 5 31|6 1 1 3 3 9 7 49|' +
  '6 13 1 1 1 15 21 21|6 16 1 3 1 13 27 49|6 19 1 1 1 15 7 5|6 22 1 3 1 15 13 25|' +
  '6 25 1 1 5 5 19 61|7 1 1 3 7 11 23 15 103|7 4 1 3 7 13 13 15 69|7 7 1 1 3 13 7 35 63|' +
  '7 8 1 3 5 9 1 25 53|7 14 1 3 1 13 9 35 107|7 19 1 3 1 5 27 61 31|7 21 1 1 5 11 19 41 61|' +
  '7 28 1 3 5 3 3 13 69|7 31 1 1 7 13 1 19 1|7 32 1 3 7 5 13 19 59|7 37 1 1 3 9 25 29 41|' +
  '7 41 1 3 5 13 23 1 55|7 42 1 3 7 3 13 59 17';

const BITS = 32;

/** Highest dimension count with direction numbers. */
export const SOBOL_MAX_DIMENSIONS = 32;

/** Direction numbers V[dim·32 + k] (as unsigned 32-bit fractions) for `dimensions` axes. */
export function sobolDirections(dimensions: number): Uint32Array {
  if (dimensions > SOBOL_MAX_DIMENSIONS)
    throw new RangeError(
      `Sobol' points need ≤ ${SOBOL_MAX_DIMENSIONS} dimensions, got ${dimensions}`,
    );
  const rows = JOE_KUO_2_TO_32.split('|').map((row) => row.split(' ').map(Number));
  const v = new Uint32Array(dimensions * BITS);
  for (let k = 0; k < BITS; k++) v[k] = 2 ** (BITS - 1 - k);
  for (let d = 1; d < dimensions; d++) {
    const [s, a, ...m] = rows[d - 1];
    const base = d * BITS;
    for (let k = 0; k < Math.min(s, BITS); k++) v[base + k] = m[k] * 2 ** (BITS - 1 - k);
    for (let k = s; k < BITS; k++) {
      let value = (v[base + k - s] ^ (v[base + k - s] >>> s)) >>> 0;
      for (let j = 1; j < s; j++)
        if (((a >>> (s - 1 - j)) & 1) === 1) value = (value ^ v[base + k - j]) >>> 0;
      v[base + k] = value;
    }
  }
  return v;
}

/**
 * Writes point `index` of the Sobol' sequence into `out` (one value in [0, 1) per axis),
 * XOR-ing each axis with `shift` (a random digital shift; zeros for the plain sequence).
 *
 * @example
 * const point = new Float64Array(2);
 * sobolPoint(sobolDirections(2), 2, new Uint32Array(2), point); // [0.75, 0.25]
 */
export function sobolPoint(
  directions: Uint32Array,
  index: number,
  shift: Uint32Array,
  out: Float64Array,
): void {
  const gray = (index ^ Math.floor(index / 2)) >>> 0;
  for (let d = 0; d < out.length; d++) {
    let x = shift[d];
    for (let k = 0; k < BITS; k++) if (((gray >>> k) & 1) === 1) x ^= directions[d * BITS + k];
    out[d] = (x >>> 0) / 4294967296;
  }
}
