import type { BinnedCriterion } from './criterion.js';

export type ClassificationCriterionName = 'gini' | 'entropy';

/**
 * Gini impurity 1 − Σ p_k² or entropy −Σ p_k log₂ p_k over weighted class counts. For Gini the
 * sums of squared counts are updated in O(1) per moved row, so scanning a threshold costs O(1)
 * whatever the number of classes.
 */
export class ClassificationCriterion implements BinnedCriterion {
  readonly valueSize: number;
  readonly binWidth: number;
  readonly #entropy: boolean;
  readonly #codes: Int32Array;
  readonly #weights: Float64Array;
  readonly #nodeCounts: Float64Array;
  readonly #leftCounts: Float64Array;
  #nodeWeight = 0;
  #leftWeight = 0;
  #nodeSquares = 0;
  #leftSquares = 0;
  #rightSquares = 0;

  constructor(
    name: ClassificationCriterionName,
    codes: Int32Array,
    classCount: number,
    weights: Float64Array,
  ) {
    this.valueSize = classCount;
    this.binWidth = classCount;
    this.#entropy = name === 'entropy';
    this.#codes = codes;
    this.#weights = weights;
    this.#nodeCounts = new Float64Array(classCount);
    this.#leftCounts = new Float64Array(classCount);
  }

  initNode(samples: Int32Array, start: number, end: number): void {
    const counts = this.#nodeCounts;
    counts.fill(0);
    let total = 0;
    for (let p = start; p < end; p++) {
      const s = samples[p];
      const w = this.#weights[s];
      counts[this.#codes[s]] += w;
      total += w;
    }
    let squares = 0;
    for (let k = 0; k < counts.length; k++) squares += counts[k] * counts[k];
    this.#nodeWeight = total;
    this.#nodeSquares = squares;
    this.resetLeft();
  }

  resetLeft(): void {
    this.#leftCounts.fill(0);
    this.#leftWeight = 0;
    this.#leftSquares = 0;
    this.#rightSquares = this.#nodeSquares;
  }

  addLeft(sample: number): void {
    const k = this.#codes[sample];
    const w = this.#weights[sample];
    const left = this.#leftCounts[k];
    const right = this.#nodeCounts[k] - left;
    // (c + w)² − c² = w(2c + w) and (c − w)² − c² = w(w − 2c).
    this.#leftSquares += w * (2 * left + w);
    this.#rightSquares += w * (w - 2 * right);
    this.#leftCounts[k] = left + w;
    this.#leftWeight += w;
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
    const classCount = this.valueSize;
    const classes = this.#codes;
    const weights = this.#weights;
    for (let p = 0; p < size; p++) {
      const s = samples[start + p];
      const bin = codes[codeBase + s];
      rowsPerBin[bin]++;
      out[bin * classCount + classes[s]] += weights[s];
    }
  }

  addLeftBin(binned: Float64Array, offset: number): void {
    const leftCounts = this.#leftCounts;
    const nodeCounts = this.#nodeCounts;
    let leftSquares = this.#leftSquares;
    let rightSquares = this.#rightSquares;
    let moved = 0;
    for (let k = 0; k < this.valueSize; k++) {
      const w = binned[offset + k];
      if (w === 0) continue;
      const left = leftCounts[k];
      const right = nodeCounts[k] - left;
      leftSquares += w * (2 * left + w);
      rightSquares += w * (w - 2 * right);
      leftCounts[k] = left + w;
      moved += w;
    }
    this.#leftSquares = leftSquares;
    this.#rightSquares = rightSquares;
    this.#leftWeight += moved;
  }

  nodeWeight(): number {
    return this.#nodeWeight;
  }

  leftWeight(): number {
    return this.#leftWeight;
  }

  nodeImpurity(): number {
    const w = this.#nodeWeight;
    if (!this.#entropy) return 1 - this.#nodeSquares / (w * w);
    let entropy = 0;
    for (let k = 0; k < this.valueSize; k++) {
      const c = this.#nodeCounts[k];
      if (c > 0) entropy -= (c / w) * Math.log2(c / w);
    }
    return entropy;
  }

  proxyImprovement(): number {
    const wl = this.#leftWeight;
    const wr = this.#nodeWeight - wl;
    // w·gini = w − Σc²/w for each child.
    if (!this.#entropy) return this.#leftSquares / wl + this.#rightSquares / wr - this.#nodeWeight;
    let sum = 0;
    for (let k = 0; k < this.valueSize; k++) {
      const cl = this.#leftCounts[k];
      const cr = this.#nodeCounts[k] - cl;
      if (cl > 0) sum += cl * Math.log2(cl / wl);
      if (cr > 0) sum += cr * Math.log2(cr / wr);
    }
    return sum;
  }

  nodeValue(out: Float64Array, offset: number): void {
    for (let k = 0; k < this.valueSize; k++)
      out[offset + k] = this.#nodeCounts[k] / this.#nodeWeight;
  }
}
