import type { DenseMatrix, Matrix } from '../../data/matrix.js';
import { denseMatrix } from '../../data/matrix.js';
import type { Classifier } from '../estimator.js';
import type { ClassWeight } from '../linear/index.js';
import type { ClassificationCriterionName, MaxFeatures, TreeTargets } from '../tree/index.js';
import {
  checkClassWeight,
  checkClassificationCriterion,
  classificationTargets,
  mostProbableLabels,
} from '../tree/index.js';
import type { ForestOptionRecord } from './forest.js';
import { Forest } from './forest.js';
import type { ForestOptions } from './forest-options.js';
import { resolveForestOptions } from './forest-options.js';
import type { OutOfBagScore } from './out-of-bag.js';

export interface ForestClassifierOptions extends ForestOptions {
  /** Default `gini`. */
  readonly criterion?: ClassificationCriterionName;
  /** `balanced` (from the full training labels) or label → weight. Default null. */
  readonly classWeight?: ClassWeight;
}

export type ResolvedForestClassifierOptions = ForestOptionRecord & {
  readonly criterion: ClassificationCriterionName;
  readonly classWeight: ClassWeight;
};

/** Fills a classifier forest's defaults. */
export function resolveForestClassifierOptions(
  options: ForestClassifierOptions,
  defaults: { bootstrap: boolean; maxFeatures: MaxFeatures },
): ResolvedForestClassifierOptions {
  const classWeight = options.classWeight ?? null;
  return {
    ...resolveForestOptions(options, defaults),
    criterion: options.criterion ?? 'gini',
    classWeight:
      typeof classWeight === 'object' && classWeight !== null
        ? Object.freeze({ ...classWeight })
        : classWeight,
  };
}

/** Random forest and extra-trees classifiers: mean of the trees' class probabilities. */
export abstract class ForestClassifier
  extends Forest<ResolvedForestClassifierOptions>
  implements Classifier<ResolvedForestClassifierOptions>
{
  readonly task = 'classification';

  get classes(): Float64Array {
    return this.fitted().classes.slice();
  }

  predictProba(X: Matrix): DenseMatrix {
    return denseMatrix(X.rows, this.fitted().classes.length, this.meanLeafValues(X));
  }

  predict(X: Matrix): Float64Array {
    return mostProbableLabels(this.meanLeafValues(X), this.fitted().classes);
  }

  protected checkTaskOptions(options: ResolvedForestClassifierOptions): void {
    checkClassificationCriterion(this.type, options.criterion);
    checkClassWeight(this.type, options.classWeight);
  }

  protected targets(
    y: Float64Array,
    weights: Float64Array,
    options: ResolvedForestClassifierOptions,
  ): TreeTargets {
    return classificationTargets(this.type, y, weights, options.criterion, options.classWeight);
  }

  protected valueSize(classes: Float64Array): number {
    return classes.length;
  }

  protected score(oob: OutOfBagScore, y: Float64Array, classes: Float64Array): number {
    return oob.accuracy(y, classes);
  }
}
