import type { Matrix } from '../../data/matrix.js';
import type { SerializedObject } from '../../data/serializable.js';
import type { Regressor } from '../estimator.js';
import { DecisionTree } from './decision-tree.js';
import type { MaxFeatures } from './tree-options.js';
import type { RegressionCriterionName, TreeTargets } from './tree-targets.js';
import { checkRegressionCriterion, regressionTargets } from './tree-targets.js';

export interface DecisionTreeRegressorOptions {
  /** `squared_error` (leaf = weighted mean) or `absolute_error` (leaf = weighted median). */
  readonly criterion?: RegressionCriterionName;
  readonly maxDepth?: number | null;
  readonly minSamplesSplit?: number;
  readonly minSamplesLeaf?: number;
  readonly minImpurityDecrease?: number;
  readonly maxFeatures?: MaxFeatures;
  readonly seed?: number;
}

export type ResolvedDecisionTreeRegressorOptions = Required<DecisionTreeRegressorOptions>;

const TYPE = 'DecisionTreeRegressor';

/**
 * CART regression tree (scikit-learn 1.2's `DecisionTreeRegressor` rules), with missing values
 * routed by a learned default direction. CSR input is densified.
 *
 * @example
 * const tree = new DecisionTreeRegressor({ maxDepth: 6 }).fit(X, y);
 * tree.predict(X);
 */
export class DecisionTreeRegressor
  extends DecisionTree<ResolvedDecisionTreeRegressorOptions>
  implements Regressor<ResolvedDecisionTreeRegressorOptions>
{
  readonly type = TYPE;
  readonly task = 'regression';

  constructor(options: DecisionTreeRegressorOptions = {}) {
    super({
      criterion: options.criterion ?? 'squared_error',
      maxDepth: options.maxDepth ?? null,
      minSamplesSplit: options.minSamplesSplit ?? 2,
      minSamplesLeaf: options.minSamplesLeaf ?? 1,
      minImpurityDecrease: options.minImpurityDecrease ?? 0,
      maxFeatures: options.maxFeatures ?? null,
      seed: options.seed ?? 0,
    });
  }

  predict(X: Matrix): Float64Array {
    return this.leafValues(X);
  }

  protected checkTaskOptions(options: ResolvedDecisionTreeRegressorOptions): void {
    checkRegressionCriterion(TYPE, options.criterion);
  }

  protected targets(
    y: Float64Array,
    weights: Float64Array,
    options: ResolvedDecisionTreeRegressorOptions,
  ): TreeTargets {
    return regressionTargets(y, weights, options.criterion);
  }

  protected valueSize(): number {
    return 1;
  }

  static fromJSON(json: SerializedObject): DecisionTreeRegressor {
    return DecisionTree.restore(
      json,
      TYPE,
      (params) => new DecisionTreeRegressor(params as DecisionTreeRegressorOptions),
    );
  }
}
