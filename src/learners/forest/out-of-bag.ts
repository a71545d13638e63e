import type { DenseMatrix } from '../../data/matrix.js';
import type { FlatTree } from '../tree/index.js';
import { mostProbableLabels } from '../tree/index.js';

/**
 * Sums, per training row, the predictions of the trees that did not see it (bootstrap count 0),
 * and scores them: accuracy for classifiers, R² for regressors (unweighted, as scikit-learn's
 * `oob_score_`). Rows that every tree saw are left out of the score.
 */
export class OutOfBagScore {
  readonly #X: DenseMatrix;
  readonly #valueSize: number;
  readonly #sums: Float64Array;
  readonly #votes: Int32Array;

  constructor(X: DenseMatrix, valueSize: number) {
    this.#X = X;
    this.#valueSize = valueSize;
    this.#sums = new Float64Array(X.rows * valueSize);
    this.#votes = new Int32Array(X.rows);
  }

  add(tree: FlatTree, bootstrapCounts: Float64Array): void {
    const { data, cols } = this.#X;
    const size = this.#valueSize;
    for (let i = 0; i < this.#votes.length; i++) {
      if (bootstrapCounts[i] !== 0) continue;
      const leaf = tree.leafOf(data, i * cols) * size;
      for (let k = 0; k < size; k++) this.#sums[i * size + k] += tree.values[leaf + k];
      this.#votes[i]++;
    }
  }

  /** Accuracy of the out-of-bag class votes; NaN if no row was ever out of bag. */
  accuracy(y: Float64Array, classes: Float64Array): number {
    const labels = mostProbableLabels(this.#sums, classes);
    let scored = 0;
    let correct = 0;
    for (let i = 0; i < y.length; i++) {
      if (this.#votes[i] === 0) continue;
      scored++;
      if (labels[i] === y[i]) correct++;
    }
    return scored === 0 ? Number.NaN : correct / scored;
  }

  /** R² of the out-of-bag mean predictions; NaN if no row was ever out of bag. */
  r2(y: Float64Array): number {
    let scored = 0;
    let mean = 0;
    for (let i = 0; i < y.length; i++) {
      if (this.#votes[i] === 0) continue;
      scored++;
      mean += y[i];
    }
    if (scored === 0) return Number.NaN;
    mean /= scored;
    let residual = 0;
    let total = 0;
    for (let i = 0; i < y.length; i++) {
      if (this.#votes[i] === 0) continue;
      residual += (y[i] - this.#sums[i] / this.#votes[i]) ** 2;
      total += (y[i] - mean) ** 2;
    }
    return total === 0 ? (residual === 0 ? 1 : 0) : 1 - residual / total;
  }
}
