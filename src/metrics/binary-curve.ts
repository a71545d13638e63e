/**
 * Cumulative true- and false-positive weights at each distinct score, from the highest score
 * down (scikit-learn's `_binary_clf_curve`). Tied scores form one threshold, which is how ties
 * are counted half-way in ROC AUC and all-at-once in average precision. Rows of weight zero are
 * dropped first, as scikit-learn does, so they add no thresholds.
 */
export interface BinaryCurve {
  readonly falsePositives: Float64Array;
  readonly truePositives: Float64Array;
  /** Distinct scores, decreasing. */
  readonly thresholds: Float64Array;
}

export function binaryCurve(
  isPositive: Uint8Array,
  scores: Float64Array,
  weights: Float64Array,
): BinaryCurve {
  const kept: number[] = [];
  for (let i = 0; i < scores.length; i++) if (weights[i] !== 0) kept.push(i);
  // Stable sort by decreasing score; the order within ties does not change the sums at the
  // threshold ends beyond rounding.
  const order = Int32Array.from(kept).sort((a, b) => scores[b] - scores[a] || a - b);
  const n = order.length;
  const falsePositives = new Float64Array(n);
  const truePositives = new Float64Array(n);
  const thresholds = new Float64Array(n);
  let count = 0;
  let tp = 0;
  let fp = 0;
  for (let r = 0; r < n; r++) {
    const i = order[r];
    if (isPositive[i] === 1) tp += weights[i];
    else fp += weights[i];
    if (r === n - 1 || scores[order[r + 1]] !== scores[i]) {
      truePositives[count] = tp;
      falsePositives[count] = fp;
      thresholds[count++] = scores[i];
    }
  }
  return {
    falsePositives: falsePositives.slice(0, count),
    truePositives: truePositives.slice(0, count),
    thresholds: thresholds.slice(0, count),
  };
}
