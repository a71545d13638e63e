export { RandomForestClassifier } from './random-forest-classifier.js';
export { RandomForestRegressor } from './random-forest-regressor.js';
export { ExtraTreesClassifier } from './extra-trees-classifier.js';
export { ExtraTreesRegressor } from './extra-trees-regressor.js';
export { Forest } from './forest.js';
export { ForestClassifier } from './forest-classifier.js';
export type {
  ForestClassifierOptions,
  ResolvedForestClassifierOptions,
} from './forest-classifier.js';
export { ForestRegressor } from './forest-regressor.js';
export type { ForestRegressorOptions, ResolvedForestRegressorOptions } from './forest-regressor.js';
export type { ForestOptions, ForestParams } from './forest-options.js';
