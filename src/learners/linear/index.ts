export { LogisticRegression } from './logistic-regression.js';
export type {
  ClassWeight,
  LogisticPenalty,
  LogisticRegressionOptions,
  LogisticSolver,
  ResolvedLogisticOptions,
} from './logistic-options.js';
export { LinearRegression } from './linear-regression.js';
export type { LinearRegressionOptions } from './linear-regression.js';
export { Ridge } from './ridge.js';
export type { RidgeOptions } from './ridge.js';
export { ElasticNet } from './elastic-net.js';
export type { ElasticNetOptions } from './elastic-net.js';
export type { ElasticNetSettings } from './elastic-net-fit.js';
export { Lasso } from './lasso.js';
export type { LassoOptions } from './lasso.js';
