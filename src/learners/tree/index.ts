export { DecisionTreeClassifier } from './decision-tree-classifier.js';
export type {
  DecisionTreeClassifierOptions,
  ResolvedDecisionTreeClassifierOptions,
} from './decision-tree-classifier.js';
export { DecisionTreeRegressor } from './decision-tree-regressor.js';
export type {
  DecisionTreeRegressorOptions,
  ResolvedDecisionTreeRegressorOptions,
} from './decision-tree-regressor.js';
export { FlatTree, LEAF } from './flat-tree.js';
export type { FlatTreeArrays } from './flat-tree.js';
export type { MaxFeatures, TreeGrowthOptions } from './tree-options.js';
export type { ClassificationCriterionName } from './classification-criterion.js';
export type { RegressionCriterionName, TreeTargets } from './tree-targets.js';
// Building blocks the forests (learners/forest/) grow their trees with.
export { checkGrowthOptions, resolveMaxFeatures } from './tree-options.js';
export {
  checkClassificationCriterion,
  checkRegressionCriterion,
  classificationTargets,
  regressionTargets,
} from './tree-targets.js';
export { checkClassWeight } from './class-weight.js';
export { mostProbableLabels } from './class-labels.js';
export { normalised } from './feature-importances.js';
export { rankColumns } from './ranked-columns.js';
export type { RankedColumns } from './ranked-columns.js';
export { buildTree } from './tree-builder.js';
export type { BuildSettings, BuiltTree } from './tree-builder.js';
export type { SplitStrategy } from './splitter.js';
export type { SplitCriterion } from './criterion.js';
export { treeFeatures } from './tree-input.js';
export { meanLeafValues, readTreeModelState, treeModelStateJSON } from './tree-model-state.js';
export type { TreeModelState } from './tree-model-state.js';
