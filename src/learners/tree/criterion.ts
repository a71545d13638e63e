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

/** scikit-learn's threshold for "impurity is zero": double-precision machine epsilon. */
export const IMPURITY_EPSILON = 2.220446049250313e-16;
