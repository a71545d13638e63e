import type { FlatEnsemble } from './predictor.js';

/** Trees deeper than this keep the pointer walk: a padded heap would hold 2^depth leaves. */
const MAX_HEAP_DEPTH = 10;
/** Code of a missing value; above every threshold code (≤ 256), and `code >>> 9` is 1 only here (512 = 2^9). */
export const MISSING_CODE = 512;
/** Threshold code of padding nodes: every code, the missing one included, goes left. */
const PAD_CODE = 1 << 20;
/** Code of a category outside 0..255 or not whole: never seen in training, so never left. */
const UNSEEN_CODE = 256;
/** Words per categorical node bitset: 256 bits, plus a zero word that UNSEEN_CODE reads. */
const BITSET_WORDS = 9;

/**
 * A prediction-only view of a {@link FlatEnsemble} in which each numeric tree of depth ≤
 * {@link MAX_HEAP_DEPTH} is padded to a complete binary heap (node i's children are 2i + 1 and
 * 2i + 2; a leaf above the bottom level fills every bottom slot beneath it), and thresholds are
 * replaced by their rank among the ensemble's distinct thresholds of the same feature. A row is
 * "coded" once (code of x = number of thresholds below x, so x ≤ t_j ⇔ code ≤ j), after which
 * each tree is exactly `depth` branch-free steps
 * `i = 2i + 1 + ((threshold − code) >>> 31 XOR (isMissing AND missingGoesLeft))`.
 * Categorical nodes hold −1 − (offset of their bitset in `bitsets`) instead of a threshold
 * code, and a categorical feature's code is the category itself ({@link UNSEEN_CODE} for codes
 * training never had); trees holding such nodes take a step with one branch (`categoricalTree`).
 * When every categorical node of a tree sends only categories below 32 left, the tree keeps each
 * node's first bitset word inline (three words per node: threshold, packed, bits), saving the
 * dependent load from `bitsets` on every step (`categoricalTree` 2).
 * Trees deeper than the cap are walked on raw values instead (`depth` −1). Leaf values are
 * copied, not recomputed, so scores are bit-identical.
 */
export interface HeapEnsemble {
  /** Sorted distinct thresholds per feature (only numeric splits of heap trees). */
  readonly thresholds: readonly Float64Array[];
  /** Heap depth per tree, −1 for trees walked on raw values. */
  readonly depth: Int32Array;
  /**
   * 0 numeric heap trees; 1 trees with a categorical node (bitsets in `bitsets`); 2 trees whose
   * categorical nodes only send categories below 32 left (bitset word inline, three words per node).
   */
  readonly categoricalTree: Uint8Array;
  /** 1 for features split as categories (their codes are the categories). */
  readonly categoricalFeature: Uint8Array;
  /** Category bitsets of categorical heap nodes, {@link BITSET_WORDS} words each. */
  readonly bitsets: Int32Array;
  /**
   * Start of each heap tree's internal nodes, two words each (threshold code, feature·2 +
   * missingLeft), or three in trees with inline bitsets (then the bitset word).
   */
  readonly nodeStart: Int32Array;
  readonly nodes: Int32Array;
  /** Start of each heap tree's 2^depth bottom-level leaf values. */
  readonly leafStart: Int32Array;
  readonly leaves: Float64Array;
}

function treeDepth(e: FlatEnsemble, node: number): number {
  if (e.feature[node] < 0) return 0;
  return 1 + Math.max(treeDepth(e, e.left[node]), treeDepth(e, e.right[node]));
}

/** Words per heap node for a tree of kind `categoricalTree`. */
export function nodeStride(kind: number): number {
  return kind === 2 ? 3 : 2;
}

/** Whether every categorical node under `node` sends only categories below 32 left. */
function smallCategories(e: FlatEnsemble, node: number): boolean {
  if (e.feature[node] < 0) return true;
  const offset = e.categoryOffset[node];
  if (offset >= 0)
    for (let w = 1; w < BITSET_WORDS - 1; w++) if (e.categories[offset + w] !== 0) return false;
  return smallCategories(e, e.left[node]) && smallCategories(e, e.right[node]);
}

function hasCategorical(e: FlatEnsemble, node: number): boolean {
  if (e.feature[node] < 0) return false;
  return (
    e.categoryOffset[node] >= 0 ||
    hasCategorical(e, e.left[node]) ||
    hasCategorical(e, e.right[node])
  );
}

/** Index of `value` in the sorted distinct `values` (it is always present). */
function rankOf(values: Float64Array, value: number): number {
  let low = 0;
  let high = values.length - 1;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (values[middle] < value) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** Builds the heap view; cheap next to prediction (one pass over the nodes). */
export function buildHeapEnsemble(e: FlatEnsemble): HeapEnsemble {
  const trees = e.treeRoots.length;
  let nFeatures = 0;
  for (let node = 0; node < e.feature.length; node++)
    nFeatures = Math.max(nFeatures, e.feature[node] + 1);
  const depth = new Int32Array(trees);
  const categoricalTree = new Uint8Array(trees);
  const categoricalFeature = new Uint8Array(nFeatures);
  const bitsetWords: number[] = [];
  const nodeStart = new Int32Array(trees);
  const leafStart = new Int32Array(trees);
  const collected: number[][] = Array.from({ length: nFeatures }, () => []);
  let nodeWords = 0;
  let leafCount = 0;
  for (let t = 0; t < trees; t++) {
    const root = e.treeRoots[t];
    const d = treeDepth(e, root);
    depth[t] = d > MAX_HEAP_DEPTH ? -1 : d;
    if (depth[t] < 0) continue;
    categoricalTree[t] = hasCategorical(e, root) ? (smallCategories(e, root) ? 2 : 1) : 0;
    nodeStart[t] = nodeWords;
    leafStart[t] = leafCount;
    nodeWords += nodeStride(categoricalTree[t]) * ((1 << d) - 1);
    leafCount += 1 << d;
  }
  const nodes = new Int32Array(nodeWords);
  const leaves = new Float64Array(leafCount);
  for (let t = 0; t < trees; t++)
    if (depth[t] >= 0) collectThresholds(e, e.treeRoots[t], collected);
  const thresholds = collected.map((values) => {
    const sorted = Float64Array.from(values).sort();
    let distinct = 0;
    for (let i = 0; i < sorted.length; i++)
      if (distinct === 0 || sorted[i] !== sorted[distinct - 1]) sorted[distinct++] = sorted[i];
    return sorted.slice(0, distinct);
  });
  for (let t = 0; t < trees; t++) {
    if (depth[t] < 0) continue;
    const fill = {
      e,
      thresholds,
      nodes,
      leaves,
      nodeBase: nodeStart[t],
      leafBase: leafStart[t],
      bitsetWords,
      categoricalFeature,
      stride: nodeStride(categoricalTree[t]),
    };
    place(fill, e.treeRoots[t], 0, 0, depth[t]);
  }
  return {
    thresholds,
    depth,
    categoricalTree,
    categoricalFeature,
    bitsets: Int32Array.from(bitsetWords),
    nodeStart,
    nodes,
    leafStart,
    leaves,
  };
}

function collectThresholds(e: FlatEnsemble, node: number, out: number[][]): void {
  if (e.feature[node] < 0) return;
  if (e.categoryOffset[node] < 0) out[e.feature[node]].push(e.threshold[node]);
  collectThresholds(e, e.left[node], out);
  collectThresholds(e, e.right[node], out);
}

interface HeapFill {
  readonly e: FlatEnsemble;
  readonly thresholds: readonly Float64Array[];
  readonly nodes: Int32Array;
  readonly leaves: Float64Array;
  readonly nodeBase: number;
  readonly leafBase: number;
  readonly bitsetWords: number[];
  readonly categoricalFeature: Uint8Array;
  /** Words per node: 2, or 3 with the bitset word inline. */
  readonly stride: number;
}

/** Writes flat node `node` at heap slot `slot` (on level `level`) of a heap of depth `depth`. */
function place(fill: HeapFill, node: number, slot: number, level: number, depth: number): void {
  const { e, nodes, leaves } = fill;
  if (e.feature[node] < 0) {
    // Every bottom slot under this leaf gets its value, whichever way padding nodes send rows.
    const span = 1 << (depth - level);
    const first = (slot + 1) * span - (1 << depth);
    leaves.fill(e.value[node], fill.leafBase + first, fill.leafBase + first + span);
    if (level < depth) padBelow(fill, slot, level, depth);
    return;
  }
  const feature = e.feature[node];
  const at = fill.nodeBase + fill.stride * slot;
  const offset = e.categoryOffset[node];
  if (offset >= 0 && fill.stride === 3) {
    nodes[at] = -1;
    nodes[at + 2] = e.categories[offset] | 0;
    fill.categoricalFeature[feature] = 1;
  } else if (offset >= 0) {
    nodes[at] = -1 - fill.bitsetWords.length;
    for (let w = 0; w < BITSET_WORDS - 1; w++) fill.bitsetWords.push(e.categories[offset + w] | 0);
    fill.bitsetWords.push(0);
    fill.categoricalFeature[feature] = 1;
  } else {
    nodes[at] = rankOf(fill.thresholds[feature], e.threshold[node]);
  }
  nodes[at + 1] = feature * 2 + e.defaultLeft[node];
  place(fill, e.left[node], 2 * slot + 1, level + 1, depth);
  place(fill, e.right[node], 2 * slot + 2, level + 1, depth);
}

function padBelow(fill: HeapFill, slot: number, level: number, depth: number): void {
  const at = fill.nodeBase + fill.stride * slot;
  fill.nodes[at] = PAD_CODE;
  fill.nodes[at + 1] = 0;
  if (level + 1 < depth) {
    padBelow(fill, 2 * slot + 1, level + 1, depth);
    padBelow(fill, 2 * slot + 2, level + 1, depth);
  }
}

/**
 * Codes `rows` rows of row-major `data` (from `offset`, `cols` values each) into `codes`:
 * the number of the feature's thresholds strictly below x (the category itself for categorical
 * features, {@link UNSEEN_CODE} for one outside 0..255), or {@link MISSING_CODE} for NaN.
 * Columns past the last split feature are left as they are: no heap node reads them.
 */
export function codeRows(
  heap: HeapEnsemble,
  data: ArrayLike<number>,
  offset: number,
  rows: number,
  cols: number,
  codes: Int32Array,
): void {
  const { thresholds, categoricalFeature } = heap;
  const used = Math.min(cols, thresholds.length);
  for (let j = 0; j < used; j++) {
    if (categoricalFeature[j] === 1) {
      for (let i = 0; i < rows; i++) {
        const x = data[offset + i * cols + j];
        const code = x | 0;
        codes[i * cols + j] =
          x !== x ? MISSING_CODE : code === x && code >= 0 && code < 256 ? code : UNSEEN_CODE;
      }
      continue;
    }
    const edges = thresholds[j];
    const n = edges.length;
    for (let i = 0; i < rows; i++) {
      const x = data[offset + i * cols + j];
      let low = 0;
      if (x !== x) {
        low = MISSING_CODE;
      } else {
        let high = n;
        while (low < high) {
          const middle = (low + high) >>> 1;
          if (x <= edges[middle]) high = middle;
          else low = middle + 1;
        }
      }
      codes[i * cols + j] = low;
    }
  }
}
