export { minimizeLbfgs } from './lbfgs.js';
export { minimizeOwlqn } from './owlqn.js';
export { strongWolfeLineSearch } from './line-search.js';
export type { LineSearchOutcome } from './line-search.js';
export type { MinimizeResult, QuasiNewtonOptions, SmoothObjective } from './objective.js';
