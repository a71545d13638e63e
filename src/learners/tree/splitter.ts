import type { Rng } from '../../data/rng.js';
import type { BinnedCriterion, SplitCriterion } from './criterion.js';
import { isBinnedCriterion } from './criterion.js';
import { NodeSorter } from './node-sorter.js';
import type { RankedColumns } from './ranked-columns.js';

/**
 * `best`: every threshold between consecutive distinct values (CART); `random`: one uniform
 * threshold between the node's smallest and largest value per drawn feature (extra trees).
 */
export type SplitStrategy = 'best' | 'random';

/** Values closer than this count as equal, as in scikit-learn (its FEATURE_THRESHOLD). */
const FEATURE_TOLERANCE = 1e-7;

/**
 * The split a search found; reused from node to node. Present values `≤ threshold` go left;
 * missing ones go left when `missingLeft`.
 */
export interface FoundSplit {
  feature: number;
  threshold: number;
  /** The same rule on codes: present codes `≤ cutCode` go left. */
  cutCode: number;
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
 * Finds the split of a node that maximises the criterion's proxy improvement. The node is the
 * range `[start, end)` of one sample-index array; only the features drawn are put in order
 * (see {@link NodeSorter}), and extra trees sort nothing. Features are drawn in random order
 * without replacement until `maxFeatures` non-constant ones were evaluated; a strictly better
 * proxy wins, so ties go to the feature drawn first. Every candidate is tried with the node's
 * missing values on the left and on the right, and "present values left, missing right"
 * (threshold +∞) is a candidate of its own.
 */
export class Splitter {
  readonly found: FoundSplit = {
    feature: -1,
    threshold: 0,
    cutCode: 0,
    missingLeft: false,
    sawMissing: false,
  };
  readonly #codes: Int32Array;
  readonly #rows: number;
  readonly #levels: Float64Array;
  readonly #levelStart: Int32Array;
  readonly #samples: Int32Array;
  readonly #sorter: NodeSorter;
  readonly #criterion: SplitCriterion;
  /** The criterion again when it can be binned (classification, squared error), else null. */
  readonly #binned: BinnedCriterion | null;
  /** Per-level sums for {@link BinnedCriterion}: bin k at `[k · binWidth ..)`. */
  readonly #bins: Float64Array;
  readonly #rng: Rng;
  readonly #settings: SplitterSettings;
  readonly #featureOrder: Int32Array;
  #bestProxy = Number.NEGATIVE_INFINITY;
  /** Whether `#bins` holds the current feature's per-level sums (else its codes were gathered). */
  #binsReady = false;

  constructor(
    ranked: RankedColumns,
    samples: Int32Array,
    count: number,
    criterion: SplitCriterion,
    rng: Rng,
    settings: SplitterSettings,
  ) {
    this.#codes = ranked.codes;
    this.#rows = ranked.rows;
    this.#levels = ranked.levels;
    this.#levelStart = ranked.levelStart;
    this.#samples = samples;
    this.#sorter = new NodeSorter(ranked, count);
    this.#criterion = criterion;
    this.#binned = isBinnedCriterion(criterion) ? criterion : null;
    // Binning pays when a node has at least half a row per bin cell (see #fillBins).
    this.#bins = new Float64Array(this.#binned === null ? 0 : 2 * count);
    this.#rng = rng;
    this.#settings = settings;
    this.#featureOrder = Int32Array.from({ length: ranked.cols }, (_, j) => j);
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
    const sorter = this.#sorter;
    const size = end - start;
    const binsReady = this.#fillBins(feature, start, size);
    if (!binsReady) sorter.gather(feature, this.#samples, start, end);
    this.#binsReady = binsReady;
    const present = sorter.presentCount;
    if (present === 0) return false;
    const hasMissing = present < size;
    const first = this.#levelStart[feature];
    const low = this.#levels[first + sorter.lowCode];
    const high = this.#levels[first + sorter.highCode];
    const constant = high <= low + FEATURE_TOLERANCE;
    if (constant && !hasMissing) return false;
    if (this.#settings.strategy === 'best' || constant) {
      const binned = this.#binned;
      if (binned !== null && binsReady) {
        this.#scanBins(binned, feature, present, size, false);
        if (hasMissing && !constant) this.#scanBins(binned, feature, present, size, true);
        return true;
      }
      sorter.sort(this.#samples, start, end);
      this.#scan(feature, present, size, false);
      if (hasMissing && !constant) this.#scan(feature, present, size, true);
      return true;
    }
    let threshold = this.#rng.uniform(low, high);
    if (threshold === high) threshold = low;
    this.#tryThreshold(feature, threshold, start, end, false);
    if (hasMissing) this.#tryThreshold(feature, threshold, start, end, true);
    return true;
  }

  /**
   * Every threshold between distinct present values of the sorted node (present rows at
   * `[0, present)`, missing rows up to `size`), with the missing rows on one side.
   */
  #scan(feature: number, present: number, size: number, missingLeft: boolean): void {
    const criterion = this.#criterion;
    const sorted = this.#sorter.sortedSamples;
    const codes = this.#sorter.sortedCodes;
    const levels = this.#levels;
    const first = this.#levelStart[feature];
    const minLeaf = this.#settings.minSamplesLeaf;
    const allPresent = this.#sorter.missingCode - 1;
    criterion.resetLeft();
    let leftCount = 0;
    if (missingLeft) {
      for (let p = present; p < size; p++) criterion.addLeft(sorted[p]);
      leftCount = size - present;
    }
    let code = codes[0];
    for (let p = 0; p < present; p++) {
      criterion.addLeft(sorted[p]);
      leftCount++;
      let threshold = Number.POSITIVE_INFINITY;
      let cut = allPresent;
      if (p + 1 < present) {
        const nextCode = codes[p + 1];
        if (nextCode === code) continue;
        const current = levels[first + code];
        const next = levels[first + nextCode];
        cut = code;
        code = nextCode;
        if (next <= current + FEATURE_TOLERANCE) continue;
        threshold = midpoint(current, next);
      } else if (missingLeft || present === size) break;
      if (leftCount < minLeaf) continue;
      if (size - leftCount < minLeaf) break;
      const proxy = criterion.proxyImprovement();
      if (proxy > this.#bestProxy)
        this.#record(proxy, feature, threshold, cut, missingLeft, present < size);
    }
  }

  /**
   * {@link Splitter.#scan} over levels instead of rows: the same thresholds, each level's rows
   * moved to the left child at once from the per-level sums in `#bins`.
   */
  /**
   * Sums the node's rows per level of the feature into `#bins` (and counts them per level in
   * the sorter, instead of its `gather`) when that pays: a binned criterion, and at least half
   * a row per bin cell. Returns whether it did.
   */
  #fillBins(feature: number, start: number, size: number): boolean {
    const binned = this.#binned;
    if (binned === null) return false;
    const levelCount = this.#levelStart[feature + 1] - this.#levelStart[feature];
    const cells = (levelCount + 1) * binned.binWidth;
    if (cells > 2 * size) return false;
    // cells ≤ 2·size ≤ 2·count = bins.length, and levelCount + 1 ≤ 2·size fits codeCounts.
    const rowsPerCode = this.#sorter.codeCounts;
    rowsPerCode.fill(0, 0, levelCount + 1);
    this.#bins.fill(0, 0, cells);
    binned.accumulateBins(
      this.#samples,
      start,
      size,
      this.#codes,
      feature * this.#rows,
      this.#bins,
      rowsPerCode,
    );
    this.#sorter.summariseCounts(feature, size);
    return true;
  }

  #scanBins(
    binned: BinnedCriterion,
    feature: number,
    present: number,
    size: number,
    missingLeft: boolean,
  ): void {
    const sorter = this.#sorter;
    const rowsPerCode = sorter.codeCounts;
    const missing = sorter.missingCode;
    const high = sorter.highCode;
    const width = binned.binWidth;
    const bins = this.#bins;
    const levels = this.#levels;
    const first = this.#levelStart[feature];
    const minLeaf = this.#settings.minSamplesLeaf;
    binned.resetLeft();
    let leftCount = 0;
    if (missingLeft) {
      binned.addLeftBin(bins, missing * width);
      leftCount = size - present;
    }
    for (let code = sorter.lowCode; code <= high;) {
      binned.addLeftBin(bins, code * width);
      leftCount += rowsPerCode[code];
      let nextCode = code + 1;
      while (nextCode <= high && rowsPerCode[nextCode] === 0) nextCode++;
      let threshold = Number.POSITIVE_INFINITY;
      const cut = code;
      code = nextCode;
      if (nextCode <= high) {
        const current = levels[first + cut];
        const next = levels[first + nextCode];
        if (next <= current + FEATURE_TOLERANCE) continue;
        threshold = midpoint(current, next);
      } else if (missingLeft || present === size) break;
      if (leftCount < minLeaf) continue;
      if (size - leftCount < minLeaf) break;
      const proxy = binned.proxyImprovement();
      if (proxy > this.#bestProxy)
        this.#record(proxy, feature, threshold, cut, missingLeft, present < size);
    }
  }

  /**
   * One given threshold over the unsorted node: present values `≤ threshold` go left. The
   * threshold becomes a code cut-off, so rows are compared as integers; with few levels, the
   * rows are summed per level once and whole levels move left.
   */
  #tryThreshold(
    feature: number,
    threshold: number,
    start: number,
    end: number,
    missingLeft: boolean,
  ): void {
    const sorter = this.#sorter;
    const codes = sorter.gatheredCodes;
    const missing = sorter.missingCode;
    const cut = lastLevelAtMost(this.#levels, this.#levelStart[feature], missing, threshold);
    const size = end - start;
    const binned = this.#binned;
    let leftCount = 0;
    if (binned !== null && this.#binsReady) {
      const width = binned.binWidth;
      const rowsPerCode = sorter.codeCounts;
      binned.resetLeft();
      for (let code = sorter.lowCode; code <= cut; code++) {
        if (rowsPerCode[code] === 0) continue;
        binned.addLeftBin(this.#bins, code * width);
        leftCount += rowsPerCode[code];
      }
      if (missingLeft) {
        binned.addLeftBin(this.#bins, missing * width);
        leftCount += rowsPerCode[missing];
      }
    } else {
      const criterion = this.#criterion;
      const samples = this.#samples;
      criterion.resetLeft();
      for (let p = 0; p < size; p++) {
        const code = codes[p];
        if (code <= cut || (missingLeft && code === missing)) {
          criterion.addLeft(samples[start + p]);
          leftCount++;
        }
      }
    }
    const minLeaf = this.#settings.minSamplesLeaf;
    if (leftCount < minLeaf || size - leftCount < minLeaf) return;
    const proxy = this.#criterion.proxyImprovement();
    if (proxy > this.#bestProxy)
      this.#record(proxy, feature, threshold, cut, missingLeft, sorter.presentCount < size);
  }

  #record(
    proxy: number,
    feature: number,
    threshold: number,
    cutCode: number,
    missingLeft: boolean,
    sawMissing: boolean,
  ): void {
    this.#bestProxy = proxy;
    const found = this.found;
    found.feature = feature;
    found.threshold = threshold;
    found.cutCode = cutCode;
    found.missingLeft = missingLeft;
    found.sawMissing = sawMissing;
  }
}

/** scikit-learn's midpoint: halves first (no overflow), and never the upper value itself. */
function midpoint(lower: number, upper: number): number {
  const middle = lower / 2 + upper / 2;
  return middle === upper || middle === Number.POSITIVE_INFINITY ? lower : middle;
}

/** The largest level index k in `[0, count)` with `levels[first + k] ≤ x`, or −1. */
function lastLevelAtMost(levels: Float64Array, first: number, count: number, x: number): number {
  let low = 0;
  let high = count;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (levels[first + middle] <= x) low = middle + 1;
    else high = middle;
  }
  return low - 1;
}
