import { BITSET_WORDS } from './split-info.js';
import type { SplitInfo } from './split-info.js';

/**
 * One tree as the grower leaves it, in bin space: node arrays indexed by node id (root 0),
 * leaves marked by feature −1, and each leaf's slice `[leafStart, leafEnd)` of the grower's row
 * order so the booster can update training scores without traversing the tree.
 */
export class GrownTree {
  readonly feature: number[] = [];
  readonly binThreshold: number[] = [];
  readonly defaultLeft: number[] = [];
  /** Word offset of the node's category bitset in `categories`, −1 for numeric splits. */
  readonly categoryOffset: number[] = [];
  readonly categories: number[] = [];
  readonly left: number[] = [];
  readonly right: number[] = [];
  /** Leaf values, learning rate included; 0 for internal nodes. */
  readonly value: number[] = [];
  readonly gain: number[] = [];
  readonly leafStart: number[] = [];
  readonly leafEnd: number[] = [];

  get nodeCount(): number {
    return this.feature.length;
  }

  /** Appends a leaf and returns its id. */
  addLeaf(value: number, start: number, end: number): number {
    this.feature.push(-1);
    this.binThreshold.push(0);
    this.defaultLeft.push(0);
    this.categoryOffset.push(-1);
    this.left.push(-1);
    this.right.push(-1);
    this.value.push(value);
    this.gain.push(0);
    this.leafStart.push(start);
    this.leafEnd.push(end);
    return this.feature.length - 1;
  }

  /** Turns leaf `node` into an internal node split by `split` with children `left`, `right`. */
  setSplit(node: number, split: SplitInfo, left: number, right: number): void {
    this.feature[node] = split.feature;
    this.binThreshold[node] = split.binThreshold;
    this.defaultLeft[node] = split.defaultLeft ? 1 : 0;
    if (split.categorical) {
      this.categoryOffset[node] = this.categories.length;
      for (let w = 0; w < BITSET_WORDS; w++) this.categories.push(split.leftCategories[w]);
    }
    this.left[node] = left;
    this.right[node] = right;
    this.value[node] = 0;
    this.gain[node] = split.gain;
    this.leafStart[node] = -1;
    this.leafEnd[node] = -1;
  }

  /** The leaf reached by row `row` of row-major bin codes with `nFeatures` columns. */
  leafOfBinnedRow(codes: Uint8Array, nFeatures: number, row: number, missingBin: number): number {
    let node = 0;
    const at = row * nFeatures;
    while (this.feature[node] >= 0) {
      const bin = codes[at + this.feature[node]];
      const offset = this.categoryOffset[node];
      let goLeft: boolean;
      if (offset >= 0) {
        goLeft = ((this.categories[offset + (bin >>> 5)] >>> (bin & 31)) & 1) === 1;
      } else if (bin === missingBin) {
        goLeft = this.defaultLeft[node] === 1;
      } else {
        goLeft = bin <= this.binThreshold[node];
      }
      node = goLeft ? this.left[node] : this.right[node];
    }
    return node;
  }
}
