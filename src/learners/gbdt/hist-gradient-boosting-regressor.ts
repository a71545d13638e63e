import type { Matrix } from '../../data/matrix.js';
import type { SerializedObject } from '../../data/serializable.js';
import { InvalidParameterError } from '../../errors.js';
import type { Regressor } from '../estimator.js';
import type { BoostingParams, RoundsOption } from './hist-gradient-boosting.js';
import { HistGradientBoosting } from './hist-gradient-boosting.js';
import type { Loss, RegressionLossName } from './loss.js';
import { absoluteError, huberLoss, squaredError } from './loss.js';
import type { HistGradientBoostingOptions } from './options.js';
import { resolveBoostingOptions } from './options.js';

export interface HistGradientBoostingRegressorOptions extends HistGradientBoostingOptions {
  /**
   * 'squaredError' (default); 'absoluteError' (leaves set to the median residual); 'huber'
   * (squared near zero, absolute beyond δ = the 0.9-quantile of |residual|, re-estimated per round).
   */
  readonly loss?: RegressionLossName;
}

type Params = BoostingParams & { readonly loss: RegressionLossName };

const TYPE = 'HistGradientBoostingRegressor';
const LOSSES: readonly string[] = ['squaredError', 'absoluteError', 'huber'];

/**
 * Histogram gradient-boosted regression trees (XGBoost `hist` / scikit-learn
 * `HistGradientBoostingRegressor`); see {@link HistGradientBoostingClassifier} for the options.
 * CSR input is densified.
 *
 * @example
 * const model = new HistGradientBoostingRegressor({ loss: 'huber', earlyStoppingRounds: 10 }).fit(X, y);
 * model.bestIteration; // rounds kept
 * model.predict(X);
 */
export class HistGradientBoostingRegressor
  extends HistGradientBoosting<Params>
  implements Regressor<Params>
{
  readonly type = TYPE;
  readonly task = 'regression';

  constructor(options: HistGradientBoostingRegressorOptions = {}) {
    super({ ...resolveBoostingOptions(options), loss: options.loss ?? 'squaredError' });
  }

  protected checkLoss(loss: string): void {
    if (!LOSSES.includes(loss)) {
      throw new InvalidParameterError(
        TYPE,
        'loss',
        `must be one of ${LOSSES.join(', ')}, got ${String(loss)}`,
      );
    }
  }

  protected prepareTargets(y: Float64Array): {
    targets: Float64Array;
    classes: Float64Array;
    loss: Loss;
  } {
    const loss = this.getParams().loss;
    return {
      targets: y,
      classes: new Float64Array(0),
      loss:
        loss === 'absoluteError' ? absoluteError : loss === 'huber' ? huberLoss() : squaredError,
    };
  }

  /** Predicted values from the first `rounds` rounds (default all). */
  predict(X: Matrix, options: RoundsOption = {}): Float64Array {
    return this.rawScores(X, options).scores;
  }

  /** The prediction for one row (an array of feature values); allocates nothing. */
  predictRow(row: ArrayLike<number>, options: RoundsOption = {}): number {
    return this.rowScores(row, options)[0];
  }

  static fromJSON(json: SerializedObject): HistGradientBoostingRegressor {
    return HistGradientBoosting.restore(
      json,
      TYPE,
      (params) => new HistGradientBoostingRegressor(params as HistGradientBoostingRegressorOptions),
    );
  }
}
