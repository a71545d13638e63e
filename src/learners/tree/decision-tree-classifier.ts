import type { DenseMatrix, Matrix } from '../../data/matrix.js';
import { denseMatrix } from '../../data/matrix.js';
import type { SerializedObject } from '../../data/serializable.js';
import type { Classifier } from '../estimator.js';
import type { ClassWeight } from '../linear/index.js';
import { mostProbableLabels } from './class-labels.js';
import type { ClassificationCriterionName } from './classification-criterion.js';
import { DecisionTree } from './decision-tree.js';
import type { MaxFeatures } from './tree-options.js';
import type { TreeTargets } from './tree-targets.js';
import { checkClassificationCriterion, classificationTargets } from './tree-targets.js';
import { checkClassWeight } from './class-weight.js';

export interface DecisionTreeClassifierOptions {
  /** Impurity measure. Default `gini`. */
  readonly criterion?: ClassificationCriterionName;
  /** Default null (grow until pure or too small). */
  readonly maxDepth?: number | null;
  /** Default 2. */
  readonly minSamplesSplit?: number;
  /** Default 1. */
  readonly minSamplesLeaf?: number;
  /** Default 0. */
  readonly minImpurityDecrease?: number;
  /** Features drawn per node; default null (all). */
  readonly maxFeatures?: MaxFeatures;
  /** `balanced` or label → weight, multiplying the sample weights. Default null. */
  readonly classWeight?: ClassWeight;
  /** Seed of the per-node feature order. Default 0. */
  readonly seed?: number;
}

export type ResolvedDecisionTreeClassifierOptions = Required<DecisionTreeClassifierOptions>;

const TYPE = 'DecisionTreeClassifier';

/**
 * CART classification tree with scikit-learn 1.2's rules: exact best split over sorted values,
 * thresholds at midpoints, weighted Gini or entropy, features drawn per node. Missing values
 * (NaN) are routed by a default direction learned per split. Leaves hold class probabilities.
 * CSR input is densified.
 *
 * @example
 * const tree = new DecisionTreeClassifier({ maxDepth: 8, minSamplesLeaf: 5 }).fit(X, y);
 * tree.predictProba(X); // rows × classes
 * tree.featureImportances; // one share per column
 */
export class DecisionTreeClassifier
  extends DecisionTree<ResolvedDecisionTreeClassifierOptions>
  implements Classifier<ResolvedDecisionTreeClassifierOptions>
{
  readonly type = TYPE;
  readonly task = 'classification';

  constructor(options: DecisionTreeClassifierOptions = {}) {
    const classWeight = options.classWeight ?? null;
    super({
      criterion: options.criterion ?? 'gini',
      maxDepth: options.maxDepth ?? null,
      minSamplesSplit: options.minSamplesSplit ?? 2,
      minSamplesLeaf: options.minSamplesLeaf ?? 1,
      minImpurityDecrease: options.minImpurityDecrease ?? 0,
      maxFeatures: options.maxFeatures ?? null,
      classWeight:
        typeof classWeight === 'object' && classWeight !== null
          ? Object.freeze({ ...classWeight })
          : classWeight,
      seed: options.seed ?? 0,
    });
  }

  get classes(): Float64Array {
    return this.fitted().classes.slice();
  }

  predictProba(X: Matrix): DenseMatrix {
    const probabilities = this.leafValues(X);
    return denseMatrix(X.rows, this.fitted().classes.length, probabilities);
  }

  predict(X: Matrix): Float64Array {
    return mostProbableLabels(this.leafValues(X), this.fitted().classes);
  }

  protected checkTaskOptions(options: ResolvedDecisionTreeClassifierOptions): void {
    checkClassificationCriterion(TYPE, options.criterion);
    checkClassWeight(TYPE, options.classWeight);
  }

  protected targets(
    y: Float64Array,
    weights: Float64Array,
    options: ResolvedDecisionTreeClassifierOptions,
  ): TreeTargets {
    return classificationTargets(TYPE, y, weights, options.criterion, options.classWeight);
  }

  protected valueSize(classes: Float64Array): number {
    return classes.length;
  }

  static fromJSON(json: SerializedObject): DecisionTreeClassifier {
    return DecisionTree.restore(
      json,
      TYPE,
      (params) => new DecisionTreeClassifier(params as DecisionTreeClassifierOptions),
    );
  }
}
