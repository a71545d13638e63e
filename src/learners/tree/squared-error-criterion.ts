import type { BinnedCriterion } from './criterion.js';

/**
 * Weighted variance around the weighted mean; the leaf value is the weighted mean. A bin holds
 * Σw and Σwy of its rows.
 */
export class SquaredErrorCriterion implements BinnedCriterion {
  readonly valueSize = 1;
  readonly binWidth = 2;
  readonly #y: Float64Array;
  readonly #weights: Float64Array;
  #nodeWeight = 0;
  #nodeSum = 0;
  #nodeSquares = 0;
  #leftWeight = 0;
  #leftSum = 0;

  constructor(y: Float64Array, weights: Float64Array) {
    this.#y = y;
    this.#weights = weights;
  }

  initNode(samples: Int32Array, start: number, end: number): void {
    let weight = 0;
    let sum = 0;
    let squares = 0;
    for (let p = start; p < end; p++) {
      const s = samples[p];
      const w = this.#weights[s];
      const y = this.#y[s];
      weight += w;
      sum += w * y;
      squares += w * y * y;
    }
    this.#nodeWeight = weight;
    this.#nodeSum = sum;
    this.#nodeSquares = squares;
    this.resetLeft();
  }

  resetLeft(): void {
    this.#leftWeight = 0;
    this.#leftSum = 0;
  }

  addLeft(sample: number): void {
    const w = this.#weights[sample];
    this.#leftWeight += w;
    this.#leftSum += w * this.#y[sample];
  }

  accumulateBins(
    samples: Int32Array,
    start: number,
    size: number,
    codes: Int32Array,
    codeBase: number,
    out: Float64Array,
    rowsPerBin: Int32Array,
  ): void {
    const y = this.#y;
    const weights = this.#weights;
    for (let p = 0; p < size; p++) {
      const s = samples[start + p];
      const bin = codes[codeBase + s];
      const w = weights[s];
      rowsPerBin[bin]++;
      out[2 * bin] += w;
      out[2 * bin + 1] += w * y[s];
    }
  }

  addLeftBin(binned: Float64Array, offset: number): void {
    this.#leftWeight += binned[offset];
    this.#leftSum += binned[offset + 1];
  }

  nodeWeight(): number {
    return this.#nodeWeight;
  }

  leftWeight(): number {
    return this.#leftWeight;
  }

  nodeImpurity(): number {
    const mean = this.#nodeSum / this.#nodeWeight;
    return this.#nodeSquares / this.#nodeWeight - mean * mean;
  }

  /** Σy² is the same on both sides of any split, so only (Σwy)²/Σw of each child matters. */
  proxyImprovement(): number {
    const sl = this.#leftSum;
    const sr = this.#nodeSum - sl;
    return (sl * sl) / this.#leftWeight + (sr * sr) / (this.#nodeWeight - this.#leftWeight);
  }

  nodeValue(out: Float64Array, offset: number): void {
    out[offset] = this.#nodeSum / this.#nodeWeight;
  }
}
