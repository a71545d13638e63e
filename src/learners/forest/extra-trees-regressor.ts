import type { SerializedObject } from '../../data/serializable.js';
import { Forest } from './forest.js';
import type { ForestRegressorOptions } from './forest-regressor.js';
import { ForestRegressor, resolveForestRegressorOptions } from './forest-regressor.js';

const TYPE = 'ExtraTreesRegressor';

/**
 * Extremely randomised regression trees (scikit-learn's `ExtraTreesRegressor`): one random
 * threshold per drawn feature and node, all features by default, no bootstrap by default.
 * CSR input is densified.
 *
 * @example
 * const forest = new ExtraTreesRegressor({ nEstimators: 100, seed: 1 }).fit(X, y);
 * forest.predict(X);
 */
export class ExtraTreesRegressor extends ForestRegressor {
  readonly type = TYPE;
  protected readonly strategy = 'random';

  constructor(options: ForestRegressorOptions = {}) {
    super(resolveForestRegressorOptions(options, { bootstrap: false, maxFeatures: 1 }));
  }

  static fromJSON(json: SerializedObject): ExtraTreesRegressor {
    return Forest.restore(
      json,
      TYPE,
      (params) => new ExtraTreesRegressor(params as ForestRegressorOptions),
    );
  }
}
