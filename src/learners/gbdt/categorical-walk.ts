import type { HeapEnsemble } from './heap-ensemble.js';

// The steps of heap trees that hold categorical nodes, for the predictor's addTrees. Two
// layouts, each with its own four-row loop. One loop with the layout as a parameter was measured
// and rejected: with a step closure 2× slower, with the layout test written into each step
// 15–40% slower (500-tree models, categories below 32 and up to 60), though the test is the
// same for a whole tree.

/**
 * One step down a heap node for a row whose code for the node's feature is `code`: 0 left,
 * 1 right. Branch-free for numeric and categorical nodes alike (a negative threshold word marks
 * a categorical node and locates its bitset), so four rows can walk a tree in lockstep.
 */
function stepRight(threshold: number, packed: number, code: number, bitsets: Int32Array): number {
  const categorical = threshold >>> 31;
  const missing = code >>> 9;
  const numericRight = ((threshold - code) >>> 31) ^ (missing & packed);
  // Numeric nodes read word 0 harmlessly; 512 (missing) & 511 = 0 stays inside the bitset.
  const word = (~threshold & -categorical) + ((code & 511) >>> 5);
  const bit = (bitsets[word] >>> (code & 31)) & 1;
  const categoricalRight = 1 - ((missing & packed & 1) | ((1 - missing) & bit));
  return categorical === 1 ? categoricalRight : numericRight;
}

/** `addTrees` (predictor.ts) for one heap tree holding categorical nodes, four rows at a time. */
export function addCategoricalTree(
  heap: HeapEnsemble,
  t: number,
  codes: Int32Array,
  rows: number,
  cols: number,
  out: Float64Array,
  firstSlot: number,
  outputs: number,
): void {
  const { depth, nodeStart, nodes, leafStart, leaves, bitsets } = heap;
  const d = depth[t];
  const base = nodeStart[t];
  const leafBase = leafStart[t] - ((1 << d) - 1);
  let slot = firstSlot;
  let i = 0;
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
      n0 = 2 * n0 + 1 + stepRight(nodes[a0], p0, codes[r0 + (p0 >>> 1)], bitsets);
      n1 = 2 * n1 + 1 + stepRight(nodes[a1], p1, codes[r1 + (p1 >>> 1)], bitsets);
      n2 = 2 * n2 + 1 + stepRight(nodes[a2], p2, codes[r2 + (p2 >>> 1)], bitsets);
      n3 = 2 * n3 + 1 + stepRight(nodes[a3], p3, codes[r3 + (p3 >>> 1)], bitsets);
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
      n = 2 * n + 1 + stepRight(nodes[at], packed, codes[row + (packed >>> 1)], bitsets);
    }
    out[slot] += leaves[leafBase + n];
  }
}

/**
 * {@link stepRight} for a node of a tree with inline bitsets: `bits` holds categories 0..31;
 * larger codes (categories past 31, the unseen code 256, the missing code 512) are never in it.
 */
function stepRightInline(threshold: number, packed: number, bits: number, code: number): number {
  const categorical = threshold >>> 31;
  const missing = code >>> 9;
  const numericRight = ((threshold - code) >>> 31) ^ (missing & packed);
  // (code − 32) >>> 31 is 1 only for codes below 32; `>>> code` reads bit code & 31.
  const inSet = ((code - 32) >>> 31) & (bits >>> code);
  const categoricalRight = 1 - (((missing & packed) | inSet) & 1);
  return categorical === 1 ? categoricalRight : numericRight;
}

/** `addTrees` (predictor.ts) for one heap tree with inline bitsets (three words per node), four rows at a time. */
export function addInlineCategoricalTree(
  heap: HeapEnsemble,
  t: number,
  codes: Int32Array,
  rows: number,
  cols: number,
  out: Float64Array,
  firstSlot: number,
  outputs: number,
): void {
  const { depth, nodeStart, nodes, leafStart, leaves } = heap;
  const d = depth[t];
  const base = nodeStart[t];
  const leafBase = leafStart[t] - ((1 << d) - 1);
  let slot = firstSlot;
  let i = 0;
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
      const a0 = base + 3 * n0;
      const a1 = base + 3 * n1;
      const a2 = base + 3 * n2;
      const a3 = base + 3 * n3;
      const p0 = nodes[a0 + 1];
      const p1 = nodes[a1 + 1];
      const p2 = nodes[a2 + 1];
      const p3 = nodes[a3 + 1];
      n0 = 2 * n0 + 1 + stepRightInline(nodes[a0], p0, nodes[a0 + 2], codes[r0 + (p0 >>> 1)]);
      n1 = 2 * n1 + 1 + stepRightInline(nodes[a1], p1, nodes[a1 + 2], codes[r1 + (p1 >>> 1)]);
      n2 = 2 * n2 + 1 + stepRightInline(nodes[a2], p2, nodes[a2 + 2], codes[r2 + (p2 >>> 1)]);
      n3 = 2 * n3 + 1 + stepRightInline(nodes[a3], p3, nodes[a3 + 2], codes[r3 + (p3 >>> 1)]);
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
      const at = base + 3 * n;
      const packed = nodes[at + 1];
      n =
        2 * n + 1 + stepRightInline(nodes[at], packed, nodes[at + 2], codes[row + (packed >>> 1)]);
    }
    out[slot] += leaves[leafBase + n];
  }
}
