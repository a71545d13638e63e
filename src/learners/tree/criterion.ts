/**
 * How a node's rows are scored while the splitter scans candidate thresholds. The splitter
 * moves rows one at a time from the right child to the left one (`addLeft`); the right child's
 * statistics are always the node's minus the left's.
 */
export interface SplitCriterion {
  /** Values stored per node in the flat tree (classes for classifiers, 1 for regressors). */
  readonly valueSize: number;
  /** Summarises the rows `samples[start..end)` as the current node and empties the left child. */
  initNode(samples: Int32Array, start: number, end: number): void;
  /** Empties the left child (every row of the node on the right). */
  resetLeft(): void;
  addLeft(sample: number): void;
  /** Total sample weight of the node. */
  nodeWeight(): number;
  leftWeight(): number;
  nodeImpurity(): number;
  /**
   * A quantity ordered like the impurity decrease of the current split but cheaper to compute:
   * −(w_left · impurity_left + w_right · impurity_right), scikit-learn's proxy.
   */
  proxyImprovement(): number;
  /** Writes the node's prediction (probabilities or a value) at `out[offset..]`. */
  nodeValue(out: Float64Array, offset: number): void;
}

/**
 * A criterion whose rows can be summed per bin (a feature level) first, then moved to the left
 * child a whole bin at a time: a node with many rows and few levels is then scanned in
 * O(rows + levels · binWidth) instead of being sorted and scanned row by row.
 */
export interface BinnedCriterion extends SplitCriterion {
  /** Numbers per bin (the class count). */
  readonly binWidth: number;
  /**
   * For each row `s = samples[start + p]`, p < size: its bin is `b = codes[codeBase + s]`;
   * adds the row to bin b of `out` and 1 to `rowsPerBin[b]`.
   */
  accumulateBins(
    samples: Int32Array,
    start: number,
    size: number,
    codes: Int32Array,
    codeBase: number,
    out: Float64Array,
    rowsPerBin: Int32Array,
  ): void;
  /** Moves the rows of the bin at `binned[offset .. offset + binWidth)` to the left child. */
  addLeftBin(binned: Float64Array, offset: number): void;
}

export function isBinnedCriterion(criterion: SplitCriterion): criterion is BinnedCriterion {
  return 'addLeftBin' in criterion;
}

/** scikit-learn's threshold for "impurity is zero": double-precision machine epsilon. */
export const IMPURITY_EPSILON = 2.220446049250313e-16;
