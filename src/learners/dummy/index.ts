export { DummyClassifier } from './dummy-classifier.js';
export type { DummyClassifierOptions, DummyClassifierStrategy } from './dummy-classifier.js';
export { DummyRegressor } from './dummy-regressor.js';
export type { DummyRegressorOptions, DummyRegressorStrategy } from './dummy-regressor.js';
