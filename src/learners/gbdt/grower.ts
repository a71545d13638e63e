import { GrownTree } from './grown-tree.js';
import type { HistogramInput, NodeHistogram } from './histogram.js';
import { buildHistogram, histogramLength, subtractHistogram } from './histogram.js';
import { PriorityQueue } from './priority-queue.js';
import type { SplitInfo } from './split-info.js';
import { emptySplit, hasBin } from './split-info.js';
import type { FeatureLayout, NodeTotals, SplitConstraints } from './splitter.js';
import { findBestSplit, leafValue } from './splitter.js';

/** How far trees grow; `maxDepth` counts edges from the root (XGBoost's and scikit-learn's). */
export interface GrowthLimits extends SplitConstraints {
  readonly maxDepth: number | null;
  readonly maxLeaves: number | null;
  readonly learningRate: number;
}

/** A leaf waiting in the queue, with its histogram and best split. */
interface OpenLeaf {
  readonly node: number;
  readonly start: number;
  readonly end: number;
  readonly depth: number;
  readonly totals: NodeTotals;
  readonly hist: NodeHistogram;
  readonly split: SplitInfo;
}

/**
 * Where histograms live and who fills them. The default keeps everything on this thread;
 * {@link ThreadedHistograms} puts buffers in shared memory and splits features across workers.
 */
export interface HistogramEngine {
  /** A new histogram for `nFeatures` features, with row counts when `counted`. */
  allocate(nFeatures: number, binStride: number, counted: boolean): NodeHistogram;
  /** An Int32Array the engine's threads can read (the grower's row order). */
  int32(length: number): Int32Array;
  build(input: HistogramInput, out: NodeHistogram): void;
}

/** Single-threaded histograms in ordinary memory. */
export class LocalHistograms implements HistogramEngine {
  #ordered = new Float64Array(0);

  allocate(nFeatures: number, binStride: number, counted: boolean): NodeHistogram {
    return {
      sums: new Float64Array(histogramLength(nFeatures, binStride)),
      counts: counted ? new Float64Array(nFeatures * binStride) : null,
    };
  }

  int32(length: number): Int32Array {
    return new Int32Array(length);
  }

  build(input: HistogramInput, out: NodeHistogram): void {
    this.#ordered = orderedScratch(this.#ordered, input.end - input.start);
    buildHistogram(input, out, this.#ordered);
  }
}

/** `scratch` when it holds 2 × `rows` doubles, else a larger one (grown geometrically). */
export function orderedScratch(
  scratch: Float64Array<ArrayBuffer>,
  rows: number,
): Float64Array<ArrayBuffer> {
  return scratch.length >= 2 * rows
    ? scratch
    : new Float64Array(Math.max(2 * rows, 2 * scratch.length));
}

/**
 * Grows regression trees on gradients and hessians over binned data. One grower serves every
 * tree of a fit and keeps its buffers (row order, gathered gradients, a pool of histograms).
 * Leaves are expanded best-gain first from a priority queue: with `maxLeaves` that is LightGBM's
 * leaf-wise growth; without it every splittable leaf above `maxDepth` is expanded, which gives
 * the depth-wise tree of XGBoost.
 *
 * @example
 * const grower = new TreeGrower(codes, nRows, layout, limits);
 * const tree = grower.grow(gradients, hessians, sampleRows, features);
 */
export class TreeGrower {
  readonly #codes: Uint8Array;
  readonly #layout: FeatureLayout;
  readonly #limits: GrowthLimits;
  readonly #rows: Int32Array;
  readonly #scratchRows: Int32Array;
  readonly #nFeatures: number;
  readonly #engine: HistogramEngine;
  readonly #order: Int32Array;
  readonly #ratios: Float64Array;
  readonly #histogramPool: NodeHistogram[] = [];
  readonly #goesLeft = new Uint8Array(256);

  /** `codes` are row-major bin codes (`codes[row * nFeatures + feature]`). */
  constructor(
    codes: Uint8Array,
    nRows: number,
    layout: FeatureLayout,
    limits: GrowthLimits,
    engine: HistogramEngine = new LocalHistograms(),
  ) {
    this.#codes = codes;
    this.#layout = layout;
    this.#limits = limits;
    this.#engine = engine;
    this.#nFeatures = layout.categorical.length;
    this.#rows = engine.int32(nRows);
    this.#scratchRows = new Int32Array(nRows);
    this.#order = new Int32Array(layout.binStride);
    this.#ratios = new Float64Array(layout.binStride);
  }

  /** The row order of the last tree: leaf `l` holds `rows[leafStart[l] .. leafEnd[l])`. */
  get rows(): Int32Array {
    return this.#rows;
  }

  /**
   * Grows one tree on the rows in `sampleRows` using only `features`. Gradients and hessians
   * are indexed by row (sample weights already applied).
   */
  grow(
    gradients: Float64Array,
    hessians: Float64Array,
    sampleRows: Int32Array,
    features: Int32Array,
  ): GrownTree {
    const limits = this.#limits;
    const tree = new GrownTree();
    this.#rows.set(sampleRows);
    const count = sampleRows.length;
    let gradient = 0;
    let hessian = 0;
    for (let k = 0; k < count; k++) {
      gradient += gradients[sampleRows[k]];
      hessian += hessians[sampleRows[k]];
    }
    const rootTotals = { gradient, hessian, count };
    const root = tree.addLeaf(this.#leafWeight(rootTotals), 0, count);
    const queue = new PriorityQueue<OpenLeaf>();
    if (this.#splittable(rootTotals, 0)) {
      const hist = this.#takeHistogram();
      this.#build(hist, 0, count, gradients, hessians, features);
      this.#enqueue(
        queue,
        {
          node: root,
          start: 0,
          end: count,
          depth: 0,
          totals: rootTotals,
          hist,
          split: emptySplit(),
        },
        features,
      );
    }
    let leaves = 1;
    const maxLeaves = limits.maxLeaves ?? Number.POSITIVE_INFINITY;
    while (queue.size > 0 && leaves < maxLeaves) {
      const open = queue.pop() as OpenLeaf;
      const { split, totals } = open;
      const middle = this.#partition(open.start, open.end, split);
      const leftTotals = {
        gradient: split.leftGradient,
        hessian: split.leftHessian,
        count: middle - open.start,
      };
      const rightTotals = {
        gradient: totals.gradient - split.leftGradient,
        hessian: totals.hessian - split.leftHessian,
        count: open.end - middle,
      };
      const left = tree.addLeaf(this.#leafWeight(leftTotals), open.start, middle);
      const right = tree.addLeaf(this.#leafWeight(rightTotals), middle, open.end);
      tree.setSplit(open.node, split, left, right);
      leaves++;
      const depth = open.depth + 1;
      const leftOpen = this.#splittable(leftTotals, depth);
      const rightOpen = this.#splittable(rightTotals, depth);
      if (!leftOpen && !rightOpen) {
        this.#histogramPool.push(open.hist);
        continue;
      }
      // Build the child with fewer rows; the parent's buffer becomes the other child's.
      const leftSmaller = middle - open.start <= open.end - middle;
      const smallHist = this.#takeHistogram();
      if (leftSmaller) this.#build(smallHist, open.start, middle, gradients, hessians, features);
      else this.#build(smallHist, middle, open.end, gradients, hessians, features);
      subtractHistogram(open.hist, smallHist, this.#layout, features);
      const leftHist = leftSmaller ? smallHist : open.hist;
      const rightHist = leftSmaller ? open.hist : smallHist;
      const children = [
        {
          node: left,
          start: open.start,
          end: middle,
          totals: leftTotals,
          hist: leftHist,
          isOpen: leftOpen,
        },
        {
          node: right,
          start: middle,
          end: open.end,
          totals: rightTotals,
          hist: rightHist,
          isOpen: rightOpen,
        },
      ];
      for (const child of children) {
        if (!child.isOpen) {
          this.#histogramPool.push(child.hist);
          continue;
        }
        const { isOpen: _, ...rest } = child;
        this.#enqueue(queue, { ...rest, depth, split: emptySplit() }, features);
      }
    }
    for (let open = queue.pop(); open !== undefined; open = queue.pop())
      this.#histogramPool.push(open.hist);
    return tree;
  }

  #leafWeight(totals: NodeTotals): number {
    return this.#limits.learningRate * leafValue(totals.gradient, totals.hessian, this.#limits);
  }

  #splittable(totals: NodeTotals, depth: number): boolean {
    const limits = this.#limits;
    return (
      (limits.maxDepth === null || depth < limits.maxDepth) &&
      totals.count >= 2 * limits.minSamplesLeaf &&
      totals.hessian >= 2 * limits.minChildWeight
    );
  }

  #enqueue(queue: PriorityQueue<OpenLeaf>, open: OpenLeaf, features: Int32Array): void {
    findBestSplit(
      open.hist,
      open.totals,
      features,
      this.#layout,
      this.#limits,
      open.split,
      this.#order,
      this.#ratios,
    );
    // XGBoost's kRtEps: gains below 1e-6 are rounding noise, not structure.
    if (open.split.feature >= 0 && open.split.gain > 1e-6) queue.push(open, open.split.gain);
    else this.#histogramPool.push(open.hist);
  }

  #takeHistogram(): NodeHistogram {
    return (
      this.#histogramPool.pop() ??
      this.#engine.allocate(
        this.#nFeatures,
        this.#layout.binStride,
        this.#limits.minSamplesLeaf > 1,
      )
    );
  }

  #build(
    hist: NodeHistogram,
    start: number,
    end: number,
    gradients: Float64Array,
    hessians: Float64Array,
    features: Int32Array,
  ): void {
    this.#engine.build(
      {
        codes: this.#codes,
        nFeatures: this.#nFeatures,
        shape: this.#layout,
        rows: this.#rows,
        start,
        end,
        gradients,
        hessians,
        features,
      },
      hist,
    );
  }

  /**
   * Stable in-place partition of rows[start, end) by the split; returns the first right index.
   * The split is first turned into a 256-entry table bin → goes left, so the row loop has no
   * data-dependent branch: each row is written to both sides and only one cursor advances.
   */
  #partition(start: number, end: number, split: SplitInfo): number {
    const rows = this.#rows;
    const scratch = this.#scratchRows;
    const stride = this.#nFeatures;
    const column = split.feature;
    const codes = this.#codes;
    const goesLeft = this.#goesLeft;
    const missingBin = this.#layout.missingBin;
    for (let bin = 0; bin < 256; bin++) {
      let left: boolean;
      if (split.categorical) left = hasBin(split.leftCategories, 0, bin);
      else if (bin === missingBin) left = split.defaultLeft;
      else left = bin <= split.binThreshold;
      goesLeft[bin] = left ? 1 : 0;
    }
    let leftEnd = start;
    let rightCount = 0;
    for (let k = start; k < end; k++) {
      const row = rows[k];
      const left = goesLeft[codes[row * stride + column]];
      rows[leftEnd] = row;
      scratch[rightCount] = row;
      leftEnd += left;
      rightCount += 1 - left;
    }
    rows.set(scratch.subarray(0, rightCount), leftEnd);
    return leftEnd;
  }
}
