export { minimizeLbfgs } from './lbfgs.js';
export { minimizeOwlqn } from './owlqn.js';
export { strongWolfeLineSearch } from './line-search.js';
export type { LineSearchOutcome } from './line-search.js';
export type { MinimizeResult, QuasiNewtonOptions, SmoothObjective } from './objective.js';
export { minimizeNewtonCholesky } from './newton-cholesky.js';
export type { HessianFunction, NewtonResult } from './newton-cholesky.js';
export { choleskyFactor, choleskySolve } from './cholesky.js';
