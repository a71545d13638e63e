import type { HistogramShape, NodeHistogram } from './histogram.js';
import { HISTOGRAM_STATS } from './histogram.js';
import type { SplitInfo } from './split-info.js';

/** Regularisation and child constraints shared by every split and leaf. */
export interface SplitConstraints {
  readonly lambdaL2: number;
  readonly alphaL1: number;
  readonly minChildWeight: number;
  readonly minSamplesLeaf: number;
}

/** The node's feature layout: bins per feature, the missing bin, which features are categorical. */
export interface FeatureLayout extends HistogramShape {
  readonly categorical: Uint8Array;
}

/** L1 soft-thresholding of a gradient sum (XGBoost's ThresholdL1). */
function thresholdL1(gradient: number, alpha: number): number {
  if (gradient > alpha) return gradient - alpha;
  if (gradient < -alpha) return gradient + alpha;
  return 0;
}

/** The regularised loss reduction a leaf with these sums achieves: T(G)² / (H + λ). */
export function leafScore(gradient: number, hessian: number, c: SplitConstraints): number {
  const g = thresholdL1(gradient, c.alphaL1);
  return (g * g) / (hessian + c.lambdaL2);
}

/** The regularised leaf weight −T(G) / (H + λ) (before the learning rate). */
export function leafValue(gradient: number, hessian: number, c: SplitConstraints): number {
  const denominator = hessian + c.lambdaL2;
  return denominator > 0 ? -thresholdL1(gradient, c.alphaL1) / denominator : 0;
}

/** Node sums a split is measured against. */
export interface NodeTotals {
  readonly gradient: number;
  readonly hessian: number;
  readonly count: number;
}

/**
 * Finds the split of largest gain over `features` of one node's histogram and writes it into
 * `best` (whose gain must be preset, e.g. to 0: only larger gains replace it). Gain is
 * ½ [score(L) + score(R) − score(parent)], XGBoost's formula. `order` and `ratios` are scratch
 * of at least binStride entries for categorical features. Without row counts in the histogram
 * (`minSamplesLeaf` = 1) a bin is present when it holds gradient or hessian mass, and
 * `best.leftCount` is left NaN: the grower knows child sizes from its row partition.
 */
export function findBestSplit(
  hist: NodeHistogram,
  totals: NodeTotals,
  features: Int32Array,
  layout: FeatureLayout,
  c: SplitConstraints,
  best: SplitInfo,
  order: Int32Array,
  ratios: Float64Array,
): void {
  const parentScore = leafScore(totals.gradient, totals.hessian, c);
  for (let f = 0; f < features.length; f++) {
    const feature = features[f];
    if (layout.categorical[feature] === 1) {
      categoricalSplit(hist, totals, feature, layout, c, parentScore, best, order, ratios);
    } else {
      numericSplit(hist, totals, feature, layout, c, parentScore, best);
    }
  }
}

/** Whether any row of the node falls in `bin` of `feature`. */
function present(hist: NodeHistogram, feature: number, bin: number, binStride: number): boolean {
  const cell = feature * binStride + bin;
  if (hist.counts !== null) return hist.counts[cell] > 0;
  return hist.sums[cell * 2] !== 0 || hist.sums[cell * 2 + 1] !== 0;
}

function admissible(
  leftHessian: number,
  leftCount: number,
  totals: NodeTotals,
  c: SplitConstraints,
): boolean {
  return (
    leftHessian >= c.minChildWeight &&
    totals.hessian - leftHessian >= c.minChildWeight &&
    // NaN counts (no counting) pass: minSamplesLeaf is then 1 and emptiness is ruled out by bins.
    !(leftCount < c.minSamplesLeaf) &&
    !(totals.count - leftCount < c.minSamplesLeaf)
  );
}

function splitGain(
  leftGradient: number,
  leftHessian: number,
  totals: NodeTotals,
  c: SplitConstraints,
  parentScore: number,
): number {
  return (
    0.5 *
    (leafScore(leftGradient, leftHessian, c) +
      leafScore(totals.gradient - leftGradient, totals.hessian - leftHessian, c) -
      parentScore)
  );
}

/**
 * Scans thresholds left to right twice: missing values sent right, then (when the node has any)
 * sent left; the better direction becomes the split's default. With no missing values in the
 * node, missing values of later data follow the child with more hessian mass. Thresholds at
 * empty bins are skipped (they repeat the previous partition), and so are thresholds that
 * would leave a child without rows.
 */
function numericSplit(
  hist: NodeHistogram,
  totals: NodeTotals,
  feature: number,
  layout: FeatureLayout,
  c: SplitConstraints,
  parentScore: number,
  best: SplitInfo,
): void {
  const { binStride, missingBin } = layout;
  const sums = hist.sums;
  const counts = hist.counts;
  const base = feature * binStride * HISTOGRAM_STATS;
  const countBase = feature * binStride;
  const missingSlot = base + missingBin * HISTOGRAM_STATS;
  const missingGradient = sums[missingSlot];
  const missingHessian = sums[missingSlot + 1];
  const hasMissing = present(hist, feature, missingBin, binStride);
  const missingCount = counts === null ? Number.NaN : counts[countBase + missingBin];
  const bins = layout.binCount[feature];
  let lastPresent = bins - 1;
  while (lastPresent >= 0 && !present(hist, feature, lastPresent, binStride)) lastPresent--;
  let gradient = 0;
  let hessian = 0;
  let count = counts === null ? Number.NaN : 0;
  // The last threshold (all present values left) only separates them from the missing ones.
  const lastThreshold = hasMissing ? lastPresent : lastPresent - 1;
  for (let b = 0; b <= lastThreshold; b++) {
    const slot = base + b * HISTOGRAM_STATS;
    gradient += sums[slot];
    hessian += sums[slot + 1];
    if (counts !== null) count += counts[countBase + b];
    if (b < lastPresent && !present(hist, feature, b, binStride)) continue;
    if (admissible(hessian, count, totals, c)) {
      const gain = splitGain(gradient, hessian, totals, c, parentScore);
      if (gain > best.gain) {
        setNumeric(best, gain, feature, b, gradient, hessian, count);
        best.defaultLeft = hasMissing ? false : hessian >= totals.hessian - hessian;
      }
    }
    if (!hasMissing || b === lastPresent) continue;
    const withMissingHessian = hessian + missingHessian;
    const withMissingCount = count + missingCount;
    if (!admissible(withMissingHessian, withMissingCount, totals, c)) continue;
    const withMissingGradient = gradient + missingGradient;
    const gain = splitGain(withMissingGradient, withMissingHessian, totals, c, parentScore);
    if (gain > best.gain) {
      setNumeric(best, gain, feature, b, withMissingGradient, withMissingHessian, withMissingCount);
      best.defaultLeft = true;
    }
  }
}

function setNumeric(
  best: SplitInfo,
  gain: number,
  feature: number,
  binThreshold: number,
  gradient: number,
  hessian: number,
  count: number,
): void {
  best.gain = gain;
  best.feature = feature;
  best.binThreshold = binThreshold;
  best.categorical = false;
  best.leftGradient = gradient;
  best.leftHessian = hessian;
  best.leftCount = count;
}

/**
 * LightGBM's many-vs-many categorical split: order the categories present in the node (the
 * missing bin counts as one) by G / (H + λ), their regularised leaf value up to sign, and scan
 * prefixes of that order. For squared-error-like losses the best partition is such a prefix
 * (Fisher 1958), so one ordered scan replaces 2^(k−1) subsets.
 */
function categoricalSplit(
  hist: NodeHistogram,
  totals: NodeTotals,
  feature: number,
  layout: FeatureLayout,
  c: SplitConstraints,
  parentScore: number,
  best: SplitInfo,
  order: Int32Array,
  ratios: Float64Array,
): void {
  const { binStride } = layout;
  const sums = hist.sums;
  const counts = hist.counts;
  const base = feature * binStride * HISTOGRAM_STATS;
  let presentBins = 0;
  const lastBin = layout.binCount[feature];
  for (let b = 0; b <= lastBin; b++) {
    // One pass over the present categories, then the missing bin as one more category.
    const bin = b === lastBin ? layout.missingBin : b;
    if (!present(hist, feature, bin, binStride)) continue;
    const slot = base + bin * HISTOGRAM_STATS;
    ratios[bin] = sums[slot] / (sums[slot + 1] + c.lambdaL2 + 1e-300);
    order[presentBins++] = bin;
  }
  if (presentBins < 2) return;
  const sorted = order.subarray(0, presentBins).sort((a, b) => ratios[a] - ratios[b] || a - b);
  let gradient = 0;
  let hessian = 0;
  let count = counts === null ? Number.NaN : 0;
  let bestPrefix = -1;
  for (let k = 0; k < presentBins - 1; k++) {
    const slot = base + sorted[k] * HISTOGRAM_STATS;
    gradient += sums[slot];
    hessian += sums[slot + 1];
    if (counts !== null) count += counts[feature * binStride + sorted[k]];
    if (!admissible(hessian, count, totals, c)) continue;
    const gain = splitGain(gradient, hessian, totals, c, parentScore);
    if (gain > best.gain) {
      best.gain = gain;
      best.feature = feature;
      best.categorical = true;
      best.leftGradient = gradient;
      best.leftHessian = hessian;
      best.leftCount = count;
      bestPrefix = k;
    }
  }
  if (bestPrefix < 0) return;
  best.leftCategories.fill(0);
  best.defaultLeft = false;
  for (let k = 0; k <= bestPrefix; k++) {
    const bin = sorted[k];
    best.leftCategories[bin >>> 5] |= 1 << (bin & 31);
    if (bin === layout.missingBin) best.defaultLeft = true;
  }
  best.binThreshold = -1;
}
