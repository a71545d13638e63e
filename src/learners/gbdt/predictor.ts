import type { DenseMatrix } from '../../data/matrix.js';
import type { BinMapper } from './binning.js';
import type { GrownTree } from './grown-tree.js';

/**
 * Every tree of an ensemble flattened into one struct of typed arrays; node ids are global.
 * Trees are stored round by round, `outputs` trees per round (one per class for softmax), so
 * tree `round * outputs + k` adds to raw score k and predicting with the first r rounds reads a
 * prefix. Leaves have `feature` −1; categorical nodes send a whole code c left when bit c of
 * their bitset (at `categoryOffset`) is set; NaN follows `defaultLeft`.
 */
export interface FlatEnsemble {
  readonly outputs: number;
  readonly baseline: Float64Array;
  readonly treeRoots: Int32Array;
  readonly feature: Int32Array;
  readonly threshold: Float64Array;
  readonly left: Int32Array;
  readonly right: Int32Array;
  readonly value: Float64Array;
  readonly defaultLeft: Uint8Array;
  readonly categoryOffset: Int32Array;
  readonly categories: Uint32Array;
}

/** Flattens grown trees, turning bin thresholds into raw-value thresholds with the bin edges. */
export function flattenTrees(
  trees: readonly GrownTree[],
  mapper: BinMapper,
  outputs: number,
  baseline: Float64Array,
): FlatEnsemble {
  let nodes = 0;
  let words = 0;
  for (const tree of trees) {
    nodes += tree.nodeCount;
    words += tree.categories.length;
  }
  const flat = {
    outputs,
    baseline: baseline.slice(),
    treeRoots: new Int32Array(trees.length),
    feature: new Int32Array(nodes),
    threshold: new Float64Array(nodes),
    left: new Int32Array(nodes),
    right: new Int32Array(nodes),
    value: new Float64Array(nodes),
    defaultLeft: new Uint8Array(nodes),
    categoryOffset: new Int32Array(nodes),
    categories: new Uint32Array(words),
  };
  let nodeBase = 0;
  let wordBase = 0;
  trees.forEach((tree, t) => {
    flat.treeRoots[t] = nodeBase;
    for (let node = 0; node < tree.nodeCount; node++) {
      const at = nodeBase + node;
      const feature = tree.feature[node];
      flat.feature[at] = feature;
      flat.value[at] = tree.value[node];
      flat.defaultLeft[at] = tree.defaultLeft[node];
      flat.left[at] = feature < 0 ? -1 : nodeBase + tree.left[node];
      flat.right[at] = feature < 0 ? -1 : nodeBase + tree.right[node];
      const offset = tree.categoryOffset[node];
      flat.categoryOffset[at] = offset < 0 ? -1 : wordBase + offset;
      if (feature >= 0 && offset < 0) {
        const edges = mapper.edges[feature];
        const bin = tree.binThreshold[node];
        // The last bin has no upper edge: such a split separates present values from missing.
        flat.threshold[at] = bin < edges.length ? edges[bin] : Infinity;
      }
    }
    flat.categories.set(tree.categories, wordBase);
    nodeBase += tree.nodeCount;
    wordBase += tree.categories.length;
  });
  return flat;
}

/** Rounds stored in the ensemble. */
export function roundCount(ensemble: FlatEnsemble): number {
  return ensemble.treeRoots.length / ensemble.outputs;
}

/**
 * Adds the first `rounds` rounds' leaf values for the row at `data[offset ..]` to the baseline
 * and writes the raw scores to `out[outOffset .. outOffset + outputs)`. Allocates nothing: the
 * single-row and batch paths both run this loop.
 */
export function scoreRow(
  ensemble: FlatEnsemble,
  data: ArrayLike<number>,
  offset: number,
  rounds: number,
  out: Float64Array,
  outOffset: number,
): void {
  const {
    outputs,
    baseline,
    treeRoots,
    feature,
    threshold,
    left,
    right,
    value,
    defaultLeft,
    categoryOffset,
    categories,
  } = ensemble;
  for (let k = 0; k < outputs; k++) out[outOffset + k] = baseline[k];
  const trees = rounds * outputs;
  for (let t = 0; t < trees; t++) {
    let node = treeRoots[t];
    let split = feature[node];
    while (split >= 0) {
      const x = data[offset + split];
      let goLeft: boolean;
      if (x !== x) {
        goLeft = defaultLeft[node] === 1;
      } else if (categoryOffset[node] < 0) {
        goLeft = x <= threshold[node];
      } else {
        // Codes outside the bitset's 0..255 range, or not whole, were never seen: right.
        const code = x | 0;
        goLeft =
          code === x &&
          code >= 0 &&
          code < 256 &&
          ((categories[categoryOffset[node] + (code >>> 5)] >>> (code & 31)) & 1) === 1;
      }
      node = goLeft ? left[node] : right[node];
      split = feature[node];
    }
    out[outOffset + (t % outputs)] += value[node];
  }
}

/** Rows scored together tree by tree, so a tree's nodes stay in cache across the block. */
const ROW_BLOCK = 64;

/**
 * Raw scores of every row of X, rows × outputs, using the first `rounds` rounds. Rows go in
 * blocks of {@link ROW_BLOCK}, each tree walked for the whole block before the next tree: a
 * large ensemble does not fit in cache, and row-by-row walking would reload every tree's nodes
 * for every row. Sums are added tree by tree in the same order as {@link scoreRow}, so both
 * paths give bit-identical scores.
 */
export function scoreMatrix(ensemble: FlatEnsemble, X: DenseMatrix, rounds: number): Float64Array {
  const { rows, cols, data } = X;
  const {
    outputs,
    baseline,
    treeRoots,
    feature,
    threshold,
    left,
    right,
    value,
    defaultLeft,
    categoryOffset,
    categories,
  } = ensemble;
  const out = new Float64Array(rows * outputs);
  for (let i = 0; i < rows; i++)
    for (let k = 0; k < outputs; k++) out[i * outputs + k] = baseline[k];
  const trees = rounds * outputs;
  for (let blockStart = 0; blockStart < rows; blockStart += ROW_BLOCK) {
    const blockEnd = Math.min(rows, blockStart + ROW_BLOCK);
    for (let t = 0; t < trees; t++) {
      const root = treeRoots[t];
      const output = t % outputs;
      for (let i = blockStart; i < blockEnd; i++) {
        const offset = i * cols;
        let node = root;
        let split = feature[node];
        while (split >= 0) {
          const x = data[offset + split];
          let goLeft: boolean;
          if (x !== x) {
            goLeft = defaultLeft[node] === 1;
          } else if (categoryOffset[node] < 0) {
            goLeft = x <= threshold[node];
          } else {
            const code = x | 0;
            goLeft =
              code === x &&
              code >= 0 &&
              code < 256 &&
              ((categories[categoryOffset[node] + (code >>> 5)] >>> (code & 31)) & 1) === 1;
          }
          node = goLeft ? left[node] : right[node];
          split = feature[node];
        }
        out[i * outputs + output] += value[node];
      }
    }
  }
  return out;
}
