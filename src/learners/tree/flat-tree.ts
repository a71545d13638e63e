import type { DenseMatrix } from '../../data/matrix.js';
import type { Serializable } from '../../data/serializable.js';
import type { SerialReader } from '../../data/serialized-reader.js';
import { DeserializationError } from '../../errors.js';

/** Marks a leaf in {@link FlatTree.feature}. */
export const LEAF = -1;

/** The arrays a fitted tree is made of, one entry per node (node 0 is the root). */
export interface FlatTreeArrays {
  /** Feature tested at the node, or {@link LEAF}. */
  readonly feature: Int32Array;
  /** Rows with `x ≤ threshold` go left; `Infinity` separates present values from missing ones. */
  readonly threshold: Float64Array;
  readonly left: Int32Array;
  readonly right: Int32Array;
  /** 1 when a missing value (NaN) at this node goes left. */
  readonly missingLeft: Uint8Array;
  /** `valueSize` values per node: class probabilities, or one regression value. */
  readonly values: Float64Array;
  readonly valueSize: number;
}

/**
 * A fitted decision tree flattened into typed arrays (struct of arrays), so prediction walks
 * integer indices instead of objects and a forest of them serializes as binary blocks.
 *
 * @example
 * const tree = new FlatTree(arrays);
 * const out = new Float64Array(X.rows * tree.valueSize);
 * tree.addPredictions(X, out); // adds each row's leaf values into out
 */
export class FlatTree implements FlatTreeArrays {
  readonly feature: Int32Array;
  readonly threshold: Float64Array;
  readonly left: Int32Array;
  readonly right: Int32Array;
  readonly missingLeft: Uint8Array;
  readonly values: Float64Array;
  readonly valueSize: number;

  constructor(arrays: FlatTreeArrays) {
    this.feature = arrays.feature;
    this.threshold = arrays.threshold;
    this.left = arrays.left;
    this.right = arrays.right;
    this.missingLeft = arrays.missingLeft;
    this.values = arrays.values;
    this.valueSize = arrays.valueSize;
  }

  get nodeCount(): number {
    return this.feature.length;
  }

  /** Index of the leaf reached by the row starting at `data[offset]` (row-major, dense). */
  leafOf(data: Float64Array, offset: number): number {
    const { feature, threshold, left, right, missingLeft } = this;
    let node = 0;
    let f = feature[0];
    while (f !== LEAF) {
      const x = data[offset + f];
      if (x <= threshold[node]) node = left[node];
      else if (x !== x) node = missingLeft[node] === 1 ? left[node] : right[node];
      else node = right[node];
      f = feature[node];
    }
    return node;
  }

  /** Adds `scale` × each row's leaf values into `out` (rows × valueSize); allocates nothing. */
  addPredictions(X: DenseMatrix, out: Float64Array, scale = 1): void {
    const { rows, cols, data } = X;
    const { values, valueSize } = this;
    for (let i = 0; i < rows; i++) {
      const leafStart = this.leafOf(data, i * cols) * valueSize;
      const outStart = i * valueSize;
      for (let k = 0; k < valueSize; k++) out[outStart + k] += scale * values[leafStart + k];
    }
  }

  /** Deepest leaf depth (the root alone has depth 0). */
  depth(): number {
    const depths = new Int32Array(this.nodeCount);
    let deepest = 0;
    // Children always have larger indices than their parent (depth-first numbering).
    for (let node = 0; node < this.nodeCount; node++) {
      if (this.feature[node] === LEAF) continue;
      depths[this.left[node]] = depths[this.right[node]] = depths[node] + 1;
      deepest = Math.max(deepest, depths[node] + 1);
    }
    return deepest;
  }

  toJSON(): Serializable {
    return {
      feature: this.feature.slice(),
      threshold: this.threshold.slice(),
      left: this.left.slice(),
      right: this.right.slice(),
      missingLeft: this.missingLeft.slice(),
      values: this.values.slice(),
      valueSize: this.valueSize,
    };
  }

  /** Restores a tree written by {@link FlatTree.toJSON}, checking that every index is in range. */
  static fromJSON(
    owner: string,
    state: SerialReader,
    valueSize: number,
    featureCount: number,
  ): FlatTree {
    const record = state.record;
    const typed = <T>(key: string, kind: new (n: number) => T): T => {
      const value = record[key];
      if (!(value instanceof kind))
        throw new DeserializationError(owner, `tree "${key}" is malformed.`);
      return value;
    };
    const feature = typed('feature', Int32Array);
    const n = feature.length;
    const tree = new FlatTree({
      feature: feature.slice(),
      threshold: typed('threshold', Float64Array).slice(),
      left: typed('left', Int32Array).slice(),
      right: typed('right', Int32Array).slice(),
      missingLeft: typed('missingLeft', Uint8Array).slice(),
      values: typed('values', Float64Array).slice(),
      valueSize: state.integer('valueSize'),
    });
    const sizesAgree =
      n > 0 &&
      tree.valueSize === valueSize &&
      tree.threshold.length === n &&
      tree.left.length === n &&
      tree.right.length === n &&
      tree.missingLeft.length === n &&
      tree.values.length === n * valueSize;
    if (!sizesAgree) throw new DeserializationError(owner, 'tree arrays have inconsistent sizes.');
    for (let node = 0; node < n; node++) {
      if (tree.feature[node] === LEAF) continue;
      const childrenAfter =
        tree.left[node] > node &&
        tree.left[node] < n &&
        tree.right[node] > node &&
        tree.right[node] < n;
      if (tree.feature[node] < 0 || tree.feature[node] >= featureCount || !childrenAfter)
        throw new DeserializationError(owner, `tree node ${node} points outside the tree.`);
    }
    return tree;
  }
}
