import type { Distribution, ParamValue } from '../distributions.js';
import { fromInternal } from '../distributions.js';

/**
 * The values a grid walks for one parameter: every choice of a categorical; `linearSteps`
 * evenly spaced values over a linear range (both ends included); `exponentialSteps`
 * geometrically spaced values over a log range; every grid point of an int or stepped range
 * when there are no more than that many, otherwise the spaced values rounded onto the grid
 * (duplicates dropped).
 *
 * @example
 * gridAxis(floatDistribution('lr', 1e-4, 1, { log: true }), 10, 5); // [1e-4, 1e-3, 0.01, 0.1, 1]
 */
export function gridAxis(
  distribution: Distribution,
  linearSteps: number,
  exponentialSteps: number,
): ParamValue[] {
  if (distribution.kind === 'categorical') return [...distribution.choices];
  const { low, high, log, step } = distribution;
  const points = log ? exponentialSteps : linearSteps;
  if (step !== null) {
    const count = Math.floor((high - low) / step + 1e-9) + 1;
    if (count <= points) {
      const every: ParamValue[] = [];
      for (let k = 0; k < count; k++) every.push(fromInternal(distribution, low + k * step));
      return every;
    }
  }
  if (low === high) return [low];
  // Spaced in the internal (log on log scales) coordinate, between the real ends, not the
  // half-step-widened internal bounds.
  const lowInternal = log ? Math.log(low) : low;
  const highInternal = log ? Math.log(high) : high;
  const values: ParamValue[] = [];
  const seen = new Set<ParamValue>();
  for (let k = 0; k < points; k++) {
    const internal = lowInternal + ((highInternal - lowInternal) * k) / (points - 1);
    const value = fromInternal(distribution, internal);
    if (!seen.has(value)) {
      seen.add(value);
      values.push(value);
    }
  }
  return values;
}
