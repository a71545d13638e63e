import type { SplitCriterion } from './criterion.js';

/**
 * Weighted mean absolute deviation from the weighted median; the leaf value is the weighted
 * median (the midpoint of the two middle values when the weight splits exactly in half).
 *
 * The node's rows are ranked by target once per node; two Fenwick (binary indexed) trees over
 * those ranks hold the weight and weight × target of the left child, and two more the node's.
 * The right child is their difference, which is itself a Fenwick tree, so the median of either
 * child is found by one O(log n) descent and a candidate split costs O(log n), not O(n).
 */
export class AbsoluteErrorCriterion implements SplitCriterion {
  readonly valueSize = 1;
  readonly #y: Float64Array;
  readonly #weights: Float64Array;
  /** Rank of each training row within the current node, by target. */
  readonly #rankOf: Int32Array;
  readonly #sortedSamples: Int32Array;
  readonly #sortedY: Float64Array;
  readonly #nodeWeightTree: Float64Array;
  readonly #nodeSumTree: Float64Array;
  readonly #leftWeightTree: Float64Array;
  readonly #leftSumTree: Float64Array;
  #size = 0;
  #topStep = 0;
  #nodeWeight = 0;
  #nodeSum = 0;
  #leftWeight = 0;
  #leftSum = 0;

  constructor(y: Float64Array, weights: Float64Array) {
    this.#y = y;
    this.#weights = weights;
    const n = y.length;
    this.#rankOf = new Int32Array(n);
    this.#sortedSamples = new Int32Array(n);
    this.#sortedY = new Float64Array(n);
    this.#nodeWeightTree = new Float64Array(n + 1);
    this.#nodeSumTree = new Float64Array(n + 1);
    this.#leftWeightTree = new Float64Array(n + 1);
    this.#leftSumTree = new Float64Array(n + 1);
  }

  initNode(samples: Int32Array, start: number, end: number): void {
    const size = end - start;
    const y = this.#y;
    const sorted = this.#sortedSamples.subarray(0, size);
    sorted.set(samples.subarray(start, end));
    sorted.sort((a, b) => y[a] - y[b]);
    this.#size = size;
    this.#topStep = 1;
    while (this.#topStep * 2 <= size) this.#topStep *= 2;
    this.#nodeWeightTree.fill(0, 0, size + 1);
    this.#nodeSumTree.fill(0, 0, size + 1);
    let weight = 0;
    let sum = 0;
    for (let r = 0; r < size; r++) {
      const s = sorted[r];
      const w = this.#weights[s];
      this.#rankOf[s] = r;
      this.#sortedY[r] = y[s];
      add(this.#nodeWeightTree, this.#nodeSumTree, size, r, w, w * y[s]);
      weight += w;
      sum += w * y[s];
    }
    this.#nodeWeight = weight;
    this.#nodeSum = sum;
    this.resetLeft();
  }

  resetLeft(): void {
    this.#leftWeightTree.fill(0, 0, this.#size + 1);
    this.#leftSumTree.fill(0, 0, this.#size + 1);
    this.#leftWeight = 0;
    this.#leftSum = 0;
  }

  addLeft(sample: number): void {
    const w = this.#weights[sample];
    const wy = w * this.#y[sample];
    add(this.#leftWeightTree, this.#leftSumTree, this.#size, this.#rankOf[sample], w, wy);
    this.#leftWeight += w;
    this.#leftSum += wy;
  }

  nodeWeight(): number {
    return this.#nodeWeight;
  }

  leftWeight(): number {
    return this.#leftWeight;
  }

  nodeImpurity(): number {
    return this.#deviation(this.#nodeWeight, this.#nodeSum, 1, 0) / this.#nodeWeight;
  }

  proxyImprovement(): number {
    const left = this.#deviation(this.#leftWeight, this.#leftSum, 0, 1);
    const right = this.#deviation(
      this.#nodeWeight - this.#leftWeight,
      this.#nodeSum - this.#leftSum,
      1,
      -1,
    );
    return -(left + right);
  }

  nodeValue(out: Float64Array, offset: number): void {
    const half = this.#nodeWeight / 2;
    let cumulative = 0;
    for (let r = 0; r < this.#size; r++) {
      cumulative += this.#weights[this.#sortedSamples[r]];
      if (cumulative < half) continue;
      let median = this.#sortedY[r];
      if (cumulative === half) {
        let next = r + 1;
        while (next < this.#size && this.#weights[this.#sortedSamples[next]] === 0) next++;
        if (next < this.#size) median = (median + this.#sortedY[next]) / 2;
      }
      out[offset] = median;
      return;
    }
    out[offset] = this.#sortedY[this.#size - 1];
  }

  /**
   * Σ w |y − median| over the rows whose Fenwick trees are nodeScale·node + leftScale·left
   * (the node: 1, 0; the left child: 0, 1; the right child: 1, −1).
   */
  #deviation(weight: number, sum: number, nodeScale: number, leftScale: number): number {
    const half = weight / 2;
    let position = 0;
    let weightBelow = 0;
    let sumBelow = 0;
    for (let step = this.#topStep; step > 0; step >>= 1) {
      const next = position + step;
      if (next > this.#size) continue;
      const w = nodeScale * this.#nodeWeightTree[next] + leftScale * this.#leftWeightTree[next];
      if (weightBelow + w < half) {
        position = next;
        weightBelow += w;
        sumBelow += nodeScale * this.#nodeSumTree[next] + leftScale * this.#leftSumTree[next];
      }
    }
    const median = this.#sortedY[Math.min(position, this.#size - 1)];
    return median * weightBelow - sumBelow + (sum - sumBelow) - median * (weight - weightBelow);
  }
}

/** Adds (w, wy) at 0-based rank r of the two Fenwick trees (1-based, `size` entries). */
function add(
  weightTree: Float64Array,
  sumTree: Float64Array,
  size: number,
  rank: number,
  w: number,
  wy: number,
): void {
  for (let i = rank + 1; i <= size; i += i & -i) {
    weightTree[i] += w;
    sumTree[i] += wy;
  }
}
