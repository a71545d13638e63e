import type { SerializedObject } from '../../data/serializable.js';
import { Forest } from './forest.js';
import type { ForestRegressorOptions } from './forest-regressor.js';
import { ForestRegressor, resolveForestRegressorOptions } from './forest-regressor.js';

const TYPE = 'RandomForestRegressor';

/**
 * Random forest regressor (scikit-learn's `RandomForestRegressor`): CART trees on bootstrap
 * samples, all features per node by default (`maxFeatures` 1, a share); predicts the mean of the
 * trees' values. CSR input is densified.
 *
 * @example
 * const forest = new RandomForestRegressor({ nEstimators: 200, oobScore: true }).fit(X, y);
 * forest.predict(X);
 * forest.oobScore; // out-of-bag R²
 */
export class RandomForestRegressor extends ForestRegressor {
  readonly type = TYPE;
  protected readonly strategy = 'best';

  constructor(options: ForestRegressorOptions = {}) {
    super(resolveForestRegressorOptions(options, { bootstrap: true, maxFeatures: 1 }));
  }

  static fromJSON(json: SerializedObject): RandomForestRegressor {
    return Forest.restore(
      json,
      TYPE,
      (params) => new RandomForestRegressor(params as ForestRegressorOptions),
    );
  }
}
