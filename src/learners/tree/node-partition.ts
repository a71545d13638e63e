import type { FoundSplit } from './splitter.js';

/**
 * Splits the node `[start, end)` in place in every feature's sorted order: left-child rows
 * first, right-child rows after, each side still sorted (a stable partition), so the children
 * need no sorting. O(features × node rows). Returns the number of rows that went left.
 *
 * `goesLeft` (one byte per training row) and `scratch` (≥ node rows) are caller-owned buffers.
 */
export function partitionNode(
  order: Int32Array,
  count: number,
  featureCount: number,
  start: number,
  end: number,
  split: FoundSplit,
  goesLeft: Uint8Array,
  scratch: Int32Array,
): number {
  const splitBase = split.feature * count;
  for (let p = start; p < end; p++) {
    const left = p < split.position || (p >= split.presentEnd && split.missingLeft);
    goesLeft[order[splitBase + p]] = left ? 1 : 0;
  }
  let leftCount = 0;
  for (let j = 0; j < featureCount; j++) {
    const base = j * count;
    let write = base + start;
    let spilled = 0;
    for (let p = base + start; p < base + end; p++) {
      const sample = order[p];
      if (goesLeft[sample] === 1) order[write++] = sample;
      else scratch[spilled++] = sample;
    }
    order.set(scratch.subarray(0, spilled), write);
    leftCount = write - base - start;
  }
  return leftCount;
}
