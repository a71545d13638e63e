/** Words of a category bitset: 256 bins / 32 bits. */
export const BITSET_WORDS = 8;

/** The best split found for one node (gain ≤ 0 when there is none). */
export interface SplitInfo {
  gain: number;
  feature: number;
  /** Numeric splits: bins ≤ binThreshold go left. */
  binThreshold: number;
  /** Where missing values (the missing bin) go. */
  defaultLeft: boolean;
  /** Categorical splits: bins whose bit is set go left (missing bin included when defaultLeft). */
  categorical: boolean;
  readonly leftCategories: Uint32Array;
  leftGradient: number;
  leftHessian: number;
  leftCount: number;
}

export function emptySplit(): SplitInfo {
  return {
    gain: 0,
    feature: -1,
    binThreshold: 0,
    defaultLeft: false,
    categorical: false,
    leftCategories: new Uint32Array(BITSET_WORDS),
    leftGradient: 0,
    leftHessian: 0,
    leftCount: 0,
  };
}

/** Whether bin `bin` is in the bitset. */
export function hasBin(bitset: Uint32Array, offset: number, bin: number): boolean {
  return ((bitset[offset + (bin >>> 5)] >>> (bin & 31)) & 1) === 1;
}
