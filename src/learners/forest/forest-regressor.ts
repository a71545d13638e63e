import type { Matrix } from '../../data/matrix.js';
import type { Regressor } from '../estimator.js';
import type { MaxFeatures, RegressionCriterionName, TreeTargets } from '../tree/index.js';
import { checkRegressionCriterion, regressionTargets } from '../tree/index.js';
import type { ForestOptionRecord } from './forest.js';
import { Forest } from './forest.js';
import type { ForestOptions } from './forest-options.js';
import { resolveForestOptions } from './forest-options.js';
import type { OutOfBagScore } from './out-of-bag.js';

export interface ForestRegressorOptions extends ForestOptions {
  /** Default `squared_error`. */
  readonly criterion?: RegressionCriterionName;
}

export type ResolvedForestRegressorOptions = ForestOptionRecord & {
  readonly criterion: RegressionCriterionName;
};

/** Fills a regressor forest's defaults. */
export function resolveForestRegressorOptions(
  options: ForestRegressorOptions,
  defaults: { bootstrap: boolean; maxFeatures: MaxFeatures },
): ResolvedForestRegressorOptions {
  return {
    ...resolveForestOptions(options, defaults),
    criterion: options.criterion ?? 'squared_error',
  };
}

/** Random forest and extra-trees regressors: mean of the trees' leaf values. */
export abstract class ForestRegressor
  extends Forest<ResolvedForestRegressorOptions>
  implements Regressor<ResolvedForestRegressorOptions>
{
  readonly task = 'regression';

  predict(X: Matrix): Float64Array {
    return this.meanLeafValues(X);
  }

  protected checkTaskOptions(options: ResolvedForestRegressorOptions): void {
    checkRegressionCriterion(this.type, options.criterion);
  }

  protected targets(
    y: Float64Array,
    weights: Float64Array,
    options: ResolvedForestRegressorOptions,
  ): TreeTargets {
    return regressionTargets(y, weights, options.criterion);
  }

  protected valueSize(): number {
    return 1;
  }

  protected score(oob: OutOfBagScore, y: Float64Array): number {
    return oob.r2(y);
  }
}
