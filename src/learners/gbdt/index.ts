export { HistGradientBoostingClassifier } from './hist-gradient-boosting-classifier.js';
export type { HistGradientBoostingClassifierOptions } from './hist-gradient-boosting-classifier.js';
export { HistGradientBoostingRegressor } from './hist-gradient-boosting-regressor.js';
export type { HistGradientBoostingRegressorOptions } from './hist-gradient-boosting-regressor.js';
export type { ImportanceType, RoundsOption } from './hist-gradient-boosting.js';
export type { HistGradientBoostingOptions } from './options.js';
export type { ClassificationLossName, RegressionLossName } from './loss.js';
export type { FlatEnsemble } from './predictor.js';
