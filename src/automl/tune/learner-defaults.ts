import type { LearnerSpec } from './learner-space.js';

/** Settings a practitioner tries first, per learner: tried before the sampler explores. */
const DEFAULTS: Readonly<Record<string, Readonly<Record<string, number>>>> = {
  gbdt: {
    'gbdt.learningRate': 0.1,
    'gbdt.maxLeaves': 31,
    'gbdt.minChildWeight': 1,
    'gbdt.lambdaL2': 1,
    'gbdt.subsample': 0.8,
    'gbdt.colsampleByTree': 0.8,
  },
  'random-forest': { 'random-forest.maxFeatures': 0.5, 'random-forest.minSamplesLeaf': 1 },
  'extra-trees': { 'extra-trees.maxFeatures': 0.7, 'extra-trees.minSamplesLeaf': 2 },
  logistic: { 'logistic.C': 1 },
  ridge: { 'ridge.alpha': 1 },
};

/** One enqueued trial per learner with its default settings (a warm start for the search). */
export function defaultEnqueues(
  learners: readonly LearnerSpec[],
): Record<string, number | string>[] {
  return learners
    .filter((spec) => DEFAULTS[spec.name] !== undefined)
    .map((spec) => ({
      ...(learners.length > 1 ? { learner: spec.name } : {}),
      ...DEFAULTS[spec.name],
    }));
}
