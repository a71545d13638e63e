import type { Rng } from '../../data/rng.js';
import type { SplitCriterion } from './criterion.js';
import type { PresortedColumns } from './presorted-columns.js';

/**
 * `best`: every threshold between consecutive distinct values (CART); `random`: one uniform
 * threshold between the node's smallest and largest value per drawn feature (extra trees).
 */
export type SplitStrategy = 'best' | 'random';

/** Values closer than this count as equal, as in scikit-learn (its FEATURE_THRESHOLD). */
const FEATURE_TOLERANCE = 1e-7;

/** The split a search found; reused from node to node. */
export interface FoundSplit {
  feature: number;
  threshold: number;
  /** Rows at sorted positions `[start, position)` of the feature's present values go left. */
  position: number;
  /** End of the feature's present (non-missing) values in the node; missing rows follow it. */
  presentEnd: number;
  missingLeft: boolean;
  /** Whether the node had missing values in this feature (else missingLeft is decided later). */
  sawMissing: boolean;
}

export interface SplitterSettings {
  readonly strategy: SplitStrategy;
  /** Non-constant features to evaluate per node before settling for the best seen. */
  readonly maxFeatures: number;
  readonly minSamplesLeaf: number;
}

/**
 * Finds the split of a node that maximises the criterion's proxy improvement. Rows are read
 * through the presorted per-feature orders, whose `[start, end)` range holds the node's rows
 * in every feature (see {@link partitionNode}). Features are drawn in random order without
 * replacement until `maxFeatures` non-constant ones were evaluated; a strictly better proxy
 * wins, so ties go to the feature drawn first. Missing values sit at the end of each range:
 * every candidate is tried with them on the left and on the right, and "present values left,
 * missing right" (threshold +∞) is a candidate of its own.
 */
export class Splitter {
  readonly found: FoundSplit = {
    feature: -1,
    threshold: 0,
    position: 0,
    presentEnd: 0,
    missingLeft: false,
    sawMissing: false,
  };
  readonly #columns: Float64Array;
  readonly #rows: number;
  readonly #order: Int32Array;
  readonly #count: number;
  readonly #criterion: SplitCriterion;
  readonly #rng: Rng;
  readonly #settings: SplitterSettings;
  readonly #featureOrder: Int32Array;
  #bestProxy = Number.NEGATIVE_INFINITY;

  constructor(
    presorted: PresortedColumns,
    order: Int32Array,
    count: number,
    criterion: SplitCriterion,
    rng: Rng,
    settings: SplitterSettings,
  ) {
    this.#columns = presorted.columns;
    this.#rows = presorted.rows;
    this.#order = order;
    this.#count = count;
    this.#criterion = criterion;
    this.#rng = rng;
    this.#settings = settings;
    this.#featureOrder = Int32Array.from({ length: presorted.cols }, (_, j) => j);
  }

  /** Searches the node `[start, end)`; the criterion must hold that node. True if a split was found. */
  findSplit(start: number, end: number): boolean {
    this.found.feature = -1;
    this.#bestProxy = Number.NEGATIVE_INFINITY;
    const features = this.#featureOrder;
    let evaluated = 0;
    for (let drawn = 0; drawn < features.length; drawn++) {
      const pick = drawn + this.#rng.nextInt(features.length - drawn);
      const feature = features[pick];
      features[pick] = features[drawn];
      features[drawn] = feature;
      if (this.#evaluateFeature(feature, start, end) && ++evaluated >= this.#settings.maxFeatures)
        break;
    }
    return this.found.feature >= 0;
  }

  /** Returns false when the feature cannot split the node (constant, or all missing). */
  #evaluateFeature(feature: number, start: number, end: number): boolean {
    const base = feature * this.#count;
    const valuesAt = feature * this.#rows;
    const order = this.#order;
    const columns = this.#columns;
    let presentEnd = end;
    while (presentEnd > start && Number.isNaN(columns[valuesAt + order[base + presentEnd - 1]]))
      presentEnd--;
    if (presentEnd === start) return false;
    const hasMissing = presentEnd < end;
    const low = columns[valuesAt + order[base + start]];
    const high = columns[valuesAt + order[base + presentEnd - 1]];
    const constant = high <= low + FEATURE_TOLERANCE;
    if (constant && !hasMissing) return false;
    if (this.#settings.strategy === 'best' || constant) {
      this.#scan(feature, start, presentEnd, end, false);
      if (hasMissing && !constant) this.#scan(feature, start, presentEnd, end, true);
      return true;
    }
    let threshold = this.#rng.uniform(low, high);
    if (threshold === high) threshold = low;
    let position = start;
    while (columns[valuesAt + order[base + position]] <= threshold) position++;
    this.#tryThreshold(feature, threshold, start, position, presentEnd, end, false);
    if (hasMissing) this.#tryThreshold(feature, threshold, start, position, presentEnd, end, true);
    return true;
  }

  /** Every threshold between distinct present values, with the missing rows on one side. */
  #scan(
    feature: number,
    start: number,
    presentEnd: number,
    end: number,
    missingLeft: boolean,
  ): void {
    const criterion = this.#criterion;
    const order = this.#order;
    const columns = this.#columns;
    const base = feature * this.#count;
    const valuesAt = feature * this.#rows;
    const minLeaf = this.#settings.minSamplesLeaf;
    const total = end - start;
    criterion.resetLeft();
    let leftCount = 0;
    if (missingLeft) {
      for (let p = presentEnd; p < end; p++) criterion.addLeft(order[base + p]);
      leftCount = end - presentEnd;
    }
    let x = columns[valuesAt + order[base + start]];
    for (let p = start; p < presentEnd; p++) {
      criterion.addLeft(order[base + p]);
      leftCount++;
      let threshold = Number.POSITIVE_INFINITY;
      if (p + 1 < presentEnd) {
        const next = columns[valuesAt + order[base + p + 1]];
        const current = x;
        x = next;
        if (next <= current + FEATURE_TOLERANCE) continue;
        threshold = midpoint(current, next);
      } else if (missingLeft || presentEnd === end) break;
      if (leftCount < minLeaf) continue;
      if (total - leftCount < minLeaf) break;
      const proxy = criterion.proxyImprovement();
      if (proxy > this.#bestProxy)
        this.#record(proxy, feature, threshold, p + 1, presentEnd, end, missingLeft);
    }
  }

  /** One given threshold: present rows `[start, position)` go left. */
  #tryThreshold(
    feature: number,
    threshold: number,
    start: number,
    position: number,
    presentEnd: number,
    end: number,
    missingLeft: boolean,
  ): void {
    const leftCount = position - start + (missingLeft ? end - presentEnd : 0);
    const minLeaf = this.#settings.minSamplesLeaf;
    if (leftCount < minLeaf || end - start - leftCount < minLeaf) return;
    const criterion = this.#criterion;
    const order = this.#order;
    const base = feature * this.#count;
    criterion.resetLeft();
    if (missingLeft) for (let p = presentEnd; p < end; p++) criterion.addLeft(order[base + p]);
    for (let p = start; p < position; p++) criterion.addLeft(order[base + p]);
    const proxy = criterion.proxyImprovement();
    if (proxy > this.#bestProxy)
      this.#record(proxy, feature, threshold, position, presentEnd, end, missingLeft);
  }

  #record(
    proxy: number,
    feature: number,
    threshold: number,
    position: number,
    presentEnd: number,
    end: number,
    missingLeft: boolean,
  ): void {
    this.#bestProxy = proxy;
    const found = this.found;
    found.feature = feature;
    found.threshold = threshold;
    found.position = position;
    found.presentEnd = presentEnd;
    found.missingLeft = missingLeft;
    found.sawMissing = presentEnd < end;
  }
}

/** scikit-learn's midpoint: halves first (no overflow), and never the upper value itself. */
function midpoint(lower: number, upper: number): number {
  const middle = lower / 2 + upper / 2;
  return middle === upper || middle === Number.POSITIVE_INFINITY ? lower : middle;
}
