export type { Classifier, Estimator, FitOptions, Regressor, Task } from './estimator.js';
export { isClassifier } from './estimator.js';
export { learnerFromJSON, learnerTypes } from './registry.js';
export { DummyClassifier, DummyRegressor } from './dummy/index.js';
export type {
  DummyClassifierOptions,
  DummyClassifierStrategy,
  DummyRegressorOptions,
  DummyRegressorStrategy,
} from './dummy/index.js';
export { CategoricalNB, GaussianNB } from './bayes/index.js';
export type { CategoricalNBOptions, GaussianNBOptions } from './bayes/index.js';
export { ElasticNet, Lasso, LinearRegression, LogisticRegression, Ridge } from './linear/index.js';
export type {
  ClassWeight,
  ElasticNetOptions,
  LassoOptions,
  LinearRegressionOptions,
  LogisticPenalty,
  LogisticRegressionOptions,
  LogisticSolver,
  RidgeOptions,
} from './linear/index.js';
export { DecisionTreeClassifier, DecisionTreeRegressor, FlatTree } from './tree/index.js';
export type { DecisionTreeClassifierOptions, DecisionTreeRegressorOptions } from './tree/index.js';
export {
  ExtraTreesClassifier,
  ExtraTreesRegressor,
  RandomForestClassifier,
  RandomForestRegressor,
} from './forest/index.js';
export type { ForestClassifierOptions, ForestRegressorOptions } from './forest/index.js';
export { HistGradientBoostingClassifier, HistGradientBoostingRegressor } from './gbdt/index.js';
export type {
  HistGradientBoostingClassifierOptions,
  HistGradientBoostingRegressorOptions,
} from './gbdt/index.js';
