import type { Rng } from '../../data/rng.js';
import type { SplitCriterion } from './criterion.js';
import { IMPURITY_EPSILON } from './criterion.js';
import { FlatTree, LEAF } from './flat-tree.js';
import { partitionNode, positiveWeightRows } from './node-partition.js';
import type { RankedColumns } from './ranked-columns.js';
import type { SplitStrategy } from './splitter.js';
import { Splitter } from './splitter.js';

/** Growth limits in the form the builder uses (maxFeatures already a count). */
export interface BuildSettings {
  readonly strategy: SplitStrategy;
  readonly maxDepth: number;
  readonly minSamplesSplit: number;
  readonly minSamplesLeaf: number;
  readonly minImpurityDecrease: number;
  readonly maxFeatures: number;
}

export interface BuiltTree {
  readonly tree: FlatTree;
  /** Weighted impurity decrease per feature, Σ over its splits of w·i − w_l·i_l − w_r·i_r. */
  readonly impurityDecrease: Float64Array;
}

/**
 * Grows one tree depth first (scikit-learn's DepthFirstTreeBuilder rules) over the rows of
 * positive weight and flattens it. A node is a leaf when it is at `maxDepth`, has fewer than
 * `minSamplesSplit` or `2·minSamplesLeaf` rows, is pure, has no valid split, or its best split
 * lowers the weighted impurity by less than `minImpurityDecrease` (relative to the root weight).
 *
 * @example
 * const { tree } = buildTree(rankColumns(X), weights, criterion, rng, settings);
 */
export function buildTree(
  ranked: RankedColumns,
  weights: Float64Array,
  criterion: SplitCriterion,
  rng: Rng,
  settings: BuildSettings,
): BuiltTree {
  const samples = positiveWeightRows(weights);
  const count = samples.length;
  const splitter = new Splitter(ranked, samples, count, criterion, rng, settings);
  const scratch = new Int32Array(count);
  const impurityDecrease = new Float64Array(ranked.cols);
  const nodes = new NodeList(criterion.valueSize);
  // Each stack entry: start, end, depth, parent node (−1 for the root), 1 if a left child.
  const stack: number[] = [0, count, 0, -1, 0];
  criterion.initNode(samples, 0, count);
  const rootWeight = criterion.nodeWeight();
  // The node range the criterion was last initialised on: the left child of a split is popped
  // right after it, and then needs no second pass over its rows.
  let heldStart = 0;
  let heldEnd = count;
  while (stack.length > 0) {
    const isLeft = stack.pop() as number;
    const parent = stack.pop() as number;
    const depth = stack.pop() as number;
    const end = stack.pop() as number;
    const start = stack.pop() as number;
    if (start !== heldStart || end !== heldEnd) criterion.initNode(samples, start, end);
    heldEnd = -1;
    const node = nodes.add(parent, isLeft === 1);
    criterion.nodeValue(nodes.values, node * criterion.valueSize);
    const rowCount = end - start;
    const impurity = criterion.nodeImpurity();
    const weight = criterion.nodeWeight();
    const leaf =
      depth >= settings.maxDepth ||
      rowCount < settings.minSamplesSplit ||
      rowCount < 2 * settings.minSamplesLeaf ||
      impurity <= IMPURITY_EPSILON ||
      !splitter.findSplit(start, end);
    if (leaf) continue;
    const split = splitter.found;
    const leftCount = partitionNode(samples, ranked, start, end, split, scratch);
    const middle = start + leftCount;
    criterion.initNode(samples, middle, end);
    const rightWeight = criterion.nodeWeight();
    const rightImpurity = criterion.nodeImpurity();
    criterion.initNode(samples, start, middle);
    const leftWeight = criterion.nodeWeight();
    const leftImpurity = criterion.nodeImpurity();
    heldStart = start;
    heldEnd = middle;
    const decrease = weight * impurity - leftWeight * leftImpurity - rightWeight * rightImpurity;
    if (decrease / rootWeight + IMPURITY_EPSILON < settings.minImpurityDecrease) continue;
    impurityDecrease[split.feature] += decrease;
    // With no missing rows here, a missing value at predict time follows the heavier child.
    const missingLeft = split.sawMissing ? split.missingLeft : leftWeight >= rightWeight;
    nodes.setSplit(node, split.feature, split.threshold, missingLeft);
    stack.push(middle, end, depth + 1, node, 0, start, middle, depth + 1, node, 1);
  }
  return { tree: nodes.toFlatTree(), impurityDecrease };
}

/** Growable node arrays; flattened into typed arrays once the tree is grown. */
class NodeList {
  readonly #valueSize: number;
  readonly #feature: number[] = [];
  readonly #threshold: number[] = [];
  readonly #left: number[] = [];
  readonly #right: number[] = [];
  readonly #missingLeft: number[] = [];
  values: Float64Array;

  constructor(valueSize: number) {
    this.#valueSize = valueSize;
    this.values = new Float64Array(64 * valueSize);
  }

  add(parent: number, isLeft: boolean): number {
    const node = this.#feature.length;
    this.#feature.push(LEAF);
    this.#threshold.push(0);
    this.#left.push(LEAF);
    this.#right.push(LEAF);
    this.#missingLeft.push(0);
    if (parent >= 0) (isLeft ? this.#left : this.#right)[parent] = node;
    if ((node + 1) * this.#valueSize > this.values.length) {
      const grown = new Float64Array(this.values.length * 2);
      grown.set(this.values);
      this.values = grown;
    }
    return node;
  }

  setSplit(node: number, feature: number, threshold: number, missingLeft: boolean): void {
    this.#feature[node] = feature;
    this.#threshold[node] = threshold;
    this.#missingLeft[node] = missingLeft ? 1 : 0;
  }

  toFlatTree(): FlatTree {
    const n = this.#feature.length;
    return new FlatTree({
      feature: Int32Array.from(this.#feature),
      threshold: Float64Array.from(this.#threshold),
      left: Int32Array.from(this.#left),
      right: Int32Array.from(this.#right),
      missingLeft: Uint8Array.from(this.#missingLeft),
      values: this.values.slice(0, n * this.#valueSize),
      valueSize: this.#valueSize,
    });
  }
}
