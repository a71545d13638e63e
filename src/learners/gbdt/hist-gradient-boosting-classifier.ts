import type { DenseMatrix, Matrix } from '../../data/matrix.js';
import { denseMatrix } from '../../data/matrix.js';
import type { SerializedObject } from '../../data/serializable.js';
import { DataValidationError, InvalidParameterError } from '../../errors.js';
import type { Classifier } from '../estimator.js';
import type { BoostingParams, RoundsOption } from './hist-gradient-boosting.js';
import { HistGradientBoosting } from './hist-gradient-boosting.js';
import type { ClassificationLossName, Loss } from './loss.js';
import { binaryLogLoss, softmaxLoss } from './loss.js';
import type { HistGradientBoostingOptions } from './options.js';
import { resolveBoostingOptions } from './options.js';

export interface HistGradientBoostingClassifierOptions extends HistGradientBoostingOptions {
  /** 'logLoss': binary log-loss for two classes, softmax (one tree per class per round) beyond. */
  readonly loss?: ClassificationLossName;
}

type Params = BoostingParams & { readonly loss: ClassificationLossName };

const TYPE = 'HistGradientBoostingClassifier';

/**
 * Histogram gradient-boosted trees for classification (XGBoost `hist` / LightGBM / scikit-learn
 * `HistGradientBoostingClassifier`): features binned into ≤ 255 quantile bins, depth-wise or
 * leaf-wise trees, L1/L2-regularised leaves, missing values with a learned direction, native
 * categorical splits for `categoricalFeatures`, row and column subsampling, early stopping.
 * CSR input is densified.
 *
 * @example
 * const model = new HistGradientBoostingClassifier({ nEstimators: 200, maxDepth: 6 });
 * model.fit(X, y, { categoricalFeatures: [3] });
 * model.predictProba(X, { rounds: 50 }); // the same fit scored after 50 rounds
 */
export class HistGradientBoostingClassifier
  extends HistGradientBoosting<Params>
  implements Classifier<Params>
{
  readonly type = TYPE;
  readonly task = 'classification';

  constructor(options: HistGradientBoostingClassifierOptions = {}) {
    super({ ...resolveBoostingOptions(options), loss: options.loss ?? 'logLoss' });
  }

  get classes(): Float64Array {
    return this.fitted().classes.slice();
  }

  protected checkLoss(loss: string): void {
    if (loss !== 'logLoss')
      throw new InvalidParameterError(TYPE, 'loss', `must be 'logLoss', got ${String(loss)}`);
  }

  protected prepareTargets(y: Float64Array): {
    targets: Float64Array;
    classes: Float64Array;
    loss: Loss;
  } {
    const classes = Float64Array.from(new Set(y)).sort();
    if (classes.length < 2) {
      throw new DataValidationError(
        {},
        `${TYPE}: y holds a single class (${classes[0]}); need at least two.`,
      );
    }
    const code = new Map<number, number>();
    classes.forEach((label, k) => code.set(label, k));
    const targets = y.map((label) => code.get(label) as number);
    return {
      targets,
      classes,
      loss: classes.length === 2 ? binaryLogLoss : softmaxLoss(classes.length),
    };
  }

  /** Class probabilities, rows × classes, from the first `rounds` rounds (default all). */
  predictProba(X: Matrix, options: RoundsOption = {}): DenseMatrix {
    const { scores, outputs } = this.rawScores(X, options);
    const K = this.fitted().classes.length;
    const probabilities = new Float64Array(X.rows * K);
    for (let i = 0; i < X.rows; i++)
      toProbabilities(scores, i * outputs, outputs, probabilities, i * K);
    return denseMatrix(X.rows, K, probabilities);
  }

  /** The most probable label per row, from the first `rounds` rounds (default all). */
  predict(X: Matrix, options: RoundsOption = {}): Float64Array {
    const { scores, outputs } = this.rawScores(X, options);
    const classes = this.fitted().classes;
    const labels = new Float64Array(X.rows);
    for (let i = 0; i < X.rows; i++) labels[i] = classes[bestOutput(scores, i * outputs, outputs)];
    return labels;
  }

  /** The label of one row (an array of feature values); allocates nothing. */
  predictRow(row: ArrayLike<number>, options: RoundsOption = {}): number {
    const scores = this.rowScores(row, options);
    return this.fitted().classes[bestOutput(scores, 0, scores.length)];
  }

  static fromJSON(json: SerializedObject): HistGradientBoostingClassifier {
    return HistGradientBoosting.restore(
      json,
      TYPE,
      (params) =>
        new HistGradientBoostingClassifier(params as HistGradientBoostingClassifierOptions),
    );
  }
}

/** Index of the winning class: a positive log-odds for one output, the largest score otherwise. */
function bestOutput(scores: Float64Array, offset: number, outputs: number): number {
  if (outputs === 1) return scores[offset] > 0 ? 1 : 0;
  let best = 0;
  for (let k = 1; k < outputs; k++) if (scores[offset + k] > scores[offset + best]) best = k;
  return best;
}

function toProbabilities(
  scores: Float64Array,
  offset: number,
  outputs: number,
  out: Float64Array,
  outOffset: number,
): void {
  if (outputs === 1) {
    const z = scores[offset];
    const p = z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
    out[outOffset] = 1 - p;
    out[outOffset + 1] = p;
    return;
  }
  let largest = -Infinity;
  for (let k = 0; k < outputs; k++) largest = Math.max(largest, scores[offset + k]);
  let sum = 0;
  for (let k = 0; k < outputs; k++) {
    const e = Math.exp(scores[offset + k] - largest);
    out[outOffset + k] = e;
    sum += e;
  }
  for (let k = 0; k < outputs; k++) out[outOffset + k] /= sum;
}
