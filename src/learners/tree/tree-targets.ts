import { DataValidationError, InvalidParameterError } from '../../errors.js';
import type { ClassWeight } from '../linear/index.js';
import { AbsoluteErrorCriterion } from './absolute-error-criterion.js';
import type { ClassificationCriterionName } from './classification-criterion.js';
import { ClassificationCriterion } from './classification-criterion.js';
import { encodeClasses } from './class-labels.js';
import { applyClassWeight, checkClassWeight } from './class-weight.js';
import type { SplitCriterion } from './criterion.js';
import { SquaredErrorCriterion } from './squared-error-criterion.js';

export type RegressionCriterionName = 'squared_error' | 'absolute_error';

/** What a tree grows against: the criterion over the targets, the row weights it uses, the classes. */
export interface TreeTargets {
  readonly criterion: SplitCriterion;
  /** Sample weights, times class weights for classifiers. */
  readonly weights: Float64Array;
  /** Sorted training labels (classifiers); empty for regressors. */
  readonly classes: Float64Array;
}

export function checkClassificationCriterion(owner: string, name: unknown): void {
  if (name !== 'gini' && name !== 'entropy')
    throw new InvalidParameterError(
      owner,
      'criterion',
      `must be 'gini' or 'entropy', got ${String(name)}`,
    );
}

export function checkRegressionCriterion(owner: string, name: unknown): void {
  if (name !== 'squared_error' && name !== 'absolute_error') {
    throw new InvalidParameterError(
      owner,
      'criterion',
      `must be 'squared_error' or 'absolute_error', got ${String(name)}`,
    );
  }
}

/** Encodes labels as 0..K−1 and applies class weights (checked y and weights assumed). */
export function classificationTargets(
  owner: string,
  y: Float64Array,
  sampleWeight: Float64Array,
  name: ClassificationCriterionName,
  classWeight: ClassWeight,
): TreeTargets {
  checkClassWeight(owner, classWeight);
  const { classes, codes } = encodeClasses(y);
  const weights = applyClassWeight(owner, classWeight, classes, codes, sampleWeight);
  if (!weights.some((w) => w > 0)) {
    throw new DataValidationError(
      {},
      `${owner}: every row has weight 0 once class weights are applied; give some class a positive weight.`,
    );
  }
  return {
    criterion: new ClassificationCriterion(name, codes, classes.length, weights),
    weights,
    classes,
  };
}

export function regressionTargets(
  y: Float64Array,
  weights: Float64Array,
  name: RegressionCriterionName,
): TreeTargets {
  const criterion =
    name === 'absolute_error'
      ? new AbsoluteErrorCriterion(y, weights)
      : new SquaredErrorCriterion(y, weights);
  return { criterion, weights, classes: new Float64Array(0) };
}
