import type { DenseMatrix } from '../../data/matrix.js';
import type { BinMapper } from './binning.js';
import type { GrownTree } from './grown-tree.js';
import type { HeapEnsemble } from './heap-ensemble.js';
import { addCategoricalTree, addInlineCategoricalTree } from './categorical-walk.js';
import { buildHeapEnsemble, codeRows } from './heap-ensemble.js';

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

/** The leaf reached from `root` by the row at `data[offset ..]`, comparing raw values. */
function walkRaw(e: FlatEnsemble, root: number, data: ArrayLike<number>, offset: number): number {
  const { feature, threshold, left, right, defaultLeft, categoryOffset, categories } = e;
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
  return node;
}

/** The heap view of each ensemble, built on first use, with a one-row code buffer. */
interface Compiled {
  readonly heap: HeapEnsemble;
  rowCodes: Int32Array;
}
const compiled = new WeakMap<FlatEnsemble, Compiled>();

function compiledOf(ensemble: FlatEnsemble): Compiled {
  let entry = compiled.get(ensemble);
  if (entry === undefined) {
    entry = { heap: buildHeapEnsemble(ensemble), rowCodes: new Int32Array(0) };
    compiled.set(ensemble, entry);
  }
  return entry;
}

/**
 * Adds trees [0, trees) to the scores of `rows` coded rows (`codes[i * cols ..]`, raw values at
 * `data[offset + i * cols ..]`), tree by tree so a tree's nodes stay in cache across the rows,
 * each row's sums in tree order. `out[outOffset + i * outputs + k]` must hold the baseline.
 */
function addTrees(
  e: FlatEnsemble,
  heap: HeapEnsemble,
  trees: number,
  codes: Int32Array,
  data: ArrayLike<number>,
  offset: number,
  rows: number,
  cols: number,
  out: Float64Array,
  outOffset: number,
): void {
  const { outputs, value } = e;
  const { depth, nodeStart, nodes, leafStart, leaves, categoricalTree } = heap;
  for (let t = 0; t < trees; t++) {
    const d = depth[t];
    let slot = outOffset + (t % outputs);
    if (d < 0) {
      const root = e.treeRoots[t];
      for (let i = 0; i < rows; i++, slot += outputs)
        out[slot] += value[walkRaw(e, root, data, offset + i * cols)];
      continue;
    }
    if (categoricalTree[t] === 1) {
      addCategoricalTree(heap, t, codes, rows, cols, out, slot, outputs);
      continue;
    }
    if (categoricalTree[t] === 2) {
      addInlineCategoricalTree(heap, t, codes, rows, cols, out, slot, outputs);
      continue;
    }
    const base = nodeStart[t];
    const leafBase = leafStart[t] - ((1 << d) - 1);
    let i = 0;
    // Four rows walk the tree together: each step is a chain of dependent loads, and four
    // independent chains keep the core busy while each waits.
    for (; i + 4 <= rows; i += 4) {
      const r0 = i * cols;
      const r1 = r0 + cols;
      const r2 = r1 + cols;
      const r3 = r2 + cols;
      let n0 = 0;
      let n1 = 0;
      let n2 = 0;
      let n3 = 0;
      for (let level = 0; level < d; level++) {
        const a0 = base + 2 * n0;
        const a1 = base + 2 * n1;
        const a2 = base + 2 * n2;
        const a3 = base + 2 * n3;
        const p0 = nodes[a0 + 1];
        const p1 = nodes[a1 + 1];
        const p2 = nodes[a2 + 1];
        const p3 = nodes[a3 + 1];
        const c0 = codes[r0 + (p0 >>> 1)];
        const c1 = codes[r1 + (p1 >>> 1)];
        const c2 = codes[r2 + (p2 >>> 1)];
        const c3 = codes[r3 + (p3 >>> 1)];
        n0 = 2 * n0 + 1 + (((nodes[a0] - c0) >>> 31) ^ ((c0 >>> 9) & p0));
        n1 = 2 * n1 + 1 + (((nodes[a1] - c1) >>> 31) ^ ((c1 >>> 9) & p1));
        n2 = 2 * n2 + 1 + (((nodes[a2] - c2) >>> 31) ^ ((c2 >>> 9) & p2));
        n3 = 2 * n3 + 1 + (((nodes[a3] - c3) >>> 31) ^ ((c3 >>> 9) & p3));
      }
      out[slot] += leaves[leafBase + n0];
      out[slot + outputs] += leaves[leafBase + n1];
      out[slot + 2 * outputs] += leaves[leafBase + n2];
      out[slot + 3 * outputs] += leaves[leafBase + n3];
      slot += 4 * outputs;
    }
    for (let row = i * cols; i < rows; i++, row += cols, slot += outputs) {
      let n = 0;
      for (let level = 0; level < d; level++) {
        const at = base + 2 * n;
        const packed = nodes[at + 1];
        const code = codes[row + (packed >>> 1)];
        // Right when code > threshold code, flipped for a missing value whose default is left.
        n = 2 * n + 1 + (((nodes[at] - code) >>> 31) ^ ((code >>> 9) & packed));
      }
      out[slot] += leaves[leafBase + n];
    }
  }
}

/**
 * Adds the first `rounds` rounds' leaf values for the row at `data[offset ..]` to the baseline
 * and writes the raw scores to `out[outOffset .. outOffset + outputs)`. Allocates nothing after
 * the first call for a given width: the single-row and batch paths share one kernel and give
 * bit-identical scores.
 */
export function scoreRow(
  ensemble: FlatEnsemble,
  data: ArrayLike<number>,
  offset: number,
  rounds: number,
  out: Float64Array,
  outOffset: number,
): void {
  const entry = compiledOf(ensemble);
  const cols = Math.max(data.length - offset, 0);
  if (entry.rowCodes.length < cols) entry.rowCodes = new Int32Array(cols);
  codeRows(entry.heap, data, offset, 1, cols, entry.rowCodes);
  for (let k = 0; k < ensemble.outputs; k++) out[outOffset + k] = ensemble.baseline[k];
  const trees = rounds * ensemble.outputs;
  addTrees(ensemble, entry.heap, trees, entry.rowCodes, data, offset, 1, cols, out, outOffset);
}

/** Rows coded and scored together, so a tree's nodes stay in cache across the block. */
const ROW_BLOCK = 256;

/**
 * Raw scores of every row of X, rows × outputs, using the first `rounds` rounds. Rows go in
 * blocks of {@link ROW_BLOCK}, each tree walked for the whole block before the next tree: a
 * large ensemble does not fit in cache, and row-by-row walking would reload every tree's nodes
 * for every row. Sums are added tree by tree in the same order as {@link scoreRow}, so both
 * paths give bit-identical scores.
 */
export function scoreMatrix(ensemble: FlatEnsemble, X: DenseMatrix, rounds: number): Float64Array {
  const { rows, cols, data } = X;
  const { outputs, baseline } = ensemble;
  const { heap } = compiledOf(ensemble);
  const out = new Float64Array(rows * outputs);
  for (let i = 0; i < rows; i++)
    for (let k = 0; k < outputs; k++) out[i * outputs + k] = baseline[k];
  const trees = rounds * outputs;
  const codes = new Int32Array(Math.min(rows, ROW_BLOCK) * cols);
  for (let blockStart = 0; blockStart < rows; blockStart += ROW_BLOCK) {
    const blockRows = Math.min(rows, blockStart + ROW_BLOCK) - blockStart;
    const offset = blockStart * cols;
    codeRows(heap, data, offset, blockRows, cols, codes);
    addTrees(
      ensemble,
      heap,
      trees,
      codes,
      data,
      offset,
      blockRows,
      cols,
      out,
      blockStart * outputs,
    );
  }
  return out;
}
