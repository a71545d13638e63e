import { InvalidParameterError } from '../../errors.js';
import type { Estimator, Task } from '../../learners/index.js';
import {
  ExtraTreesClassifier,
  ExtraTreesRegressor,
  HistGradientBoostingClassifier,
  HistGradientBoostingRegressor,
  LogisticRegression,
  RandomForestClassifier,
  RandomForestRegressor,
  Ridge,
} from '../../learners/index.js';

/** What `suggestParams` needs of a trial (the tuning engine's `Trial`, or a replay of one). */
export interface ParamSuggester {
  suggestFloat(name: string, low: number, high: number, options?: { log?: boolean }): number;
  suggestInt(name: string, low: number, high: number, options?: { log?: boolean }): number;
  suggestCategorical<T extends string>(name: string, choices: readonly T[]): T;
}

export type Family = 'tree' | 'linear';

/** A learner the search may pick: its preprocessing, its space, and how to build it. */
export interface LearnerSpec {
  readonly name: string;
  readonly family: Family;
  readonly tasks: readonly Task[];
  /** Suggests this learner's hyper-parameters (names prefixed with the learner's). */
  suggest(trial: ParamSuggester): Record<string, number | string>;
  /** The estimator for these suggested values. */
  build(task: Task, params: Readonly<Record<string, number | string>>, seed: number): Estimator;
}

const num = (params: Readonly<Record<string, number | string>>, key: string): number =>
  params[key] as number;

/**
 * The learners `argmin tune` searches over, with ranges a practitioner would start from:
 * boosting (learning rate on a log scale, leaves, child weight, L2, row/column sampling, with
 * up to 500 rounds cut by early stopping), forests and extra trees (feature share, leaf size),
 * and a regularised linear model on one-hot, scaled features.
 */
export const LEARNERS: readonly LearnerSpec[] = [
  {
    name: 'gbdt',
    family: 'tree',
    tasks: ['classification', 'regression'],
    suggest: (trial) => ({
      'gbdt.learningRate': trial.suggestFloat('gbdt.learningRate', 0.01, 0.3, { log: true }),
      'gbdt.maxLeaves': trial.suggestInt('gbdt.maxLeaves', 4, 128, { log: true }),
      'gbdt.minChildWeight': trial.suggestFloat('gbdt.minChildWeight', 0.1, 20, { log: true }),
      'gbdt.lambdaL2': trial.suggestFloat('gbdt.lambdaL2', 1e-3, 10, { log: true }),
      'gbdt.subsample': trial.suggestFloat('gbdt.subsample', 0.5, 1),
      'gbdt.colsampleByTree': trial.suggestFloat('gbdt.colsampleByTree', 0.4, 1),
    }),
    build: (task, p, seed) => {
      const options = {
        nEstimators: 500,
        earlyStoppingRounds: 20,
        validationFraction: 0.1,
        learningRate: num(p, 'gbdt.learningRate'),
        maxDepth: null,
        maxLeaves: num(p, 'gbdt.maxLeaves'),
        minChildWeight: num(p, 'gbdt.minChildWeight'),
        lambdaL2: num(p, 'gbdt.lambdaL2'),
        subsample: num(p, 'gbdt.subsample'),
        colsampleByTree: num(p, 'gbdt.colsampleByTree'),
        seed,
      };
      return task === 'classification'
        ? new HistGradientBoostingClassifier(options)
        : new HistGradientBoostingRegressor(options);
    },
  },
  {
    name: 'random-forest',
    family: 'tree',
    tasks: ['classification', 'regression'],
    suggest: (trial) => ({
      'random-forest.maxFeatures': trial.suggestFloat('random-forest.maxFeatures', 0.1, 1),
      'random-forest.minSamplesLeaf': trial.suggestInt('random-forest.minSamplesLeaf', 1, 20, {
        log: true,
      }),
    }),
    build: (task, p, seed) => {
      const options = {
        nEstimators: 150,
        maxFeatures: num(p, 'random-forest.maxFeatures'),
        minSamplesLeaf: num(p, 'random-forest.minSamplesLeaf'),
        seed,
      };
      return task === 'classification'
        ? new RandomForestClassifier(options)
        : new RandomForestRegressor(options);
    },
  },
  {
    name: 'extra-trees',
    family: 'tree',
    tasks: ['classification', 'regression'],
    suggest: (trial) => ({
      'extra-trees.maxFeatures': trial.suggestFloat('extra-trees.maxFeatures', 0.1, 1),
      'extra-trees.minSamplesLeaf': trial.suggestInt('extra-trees.minSamplesLeaf', 1, 20, {
        log: true,
      }),
    }),
    build: (task, p, seed) => {
      const options = {
        nEstimators: 150,
        maxFeatures: num(p, 'extra-trees.maxFeatures'),
        minSamplesLeaf: num(p, 'extra-trees.minSamplesLeaf'),
        seed,
      };
      return task === 'classification'
        ? new ExtraTreesClassifier(options)
        : new ExtraTreesRegressor(options);
    },
  },
  {
    name: 'logistic',
    family: 'linear',
    tasks: ['classification'],
    suggest: (trial) => ({
      'logistic.C': trial.suggestFloat('logistic.C', 1e-3, 100, { log: true }),
    }),
    build: (_task, p) => new LogisticRegression({ C: num(p, 'logistic.C') }),
  },
  {
    name: 'ridge',
    family: 'linear',
    tasks: ['regression'],
    suggest: (trial) => ({
      'ridge.alpha': trial.suggestFloat('ridge.alpha', 1e-3, 1e3, { log: true }),
    }),
    build: (_task, p) => new Ridge({ alpha: num(p, 'ridge.alpha') }),
  },
];

/** The learners for a task, optionally only the named ones (unknown names are an error). */
export function learnersFor(task: Task, names?: readonly string[]): LearnerSpec[] {
  const fitting = LEARNERS.filter((spec) => spec.tasks.includes(task));
  if (names === undefined || names.length === 0) return fitting;
  return names.map((name) => {
    const spec = fitting.find((s) => s.name === name);
    if (spec === undefined)
      throw new InvalidParameterError(
        'argmin tune',
        '--learners',
        `"${name}" is not a learner for ${task}; choose from ${fitting.map((s) => s.name).join(', ')}`,
      );
    return spec;
  });
}

/** Suggests the learner, then its parameters: one conditional space for the whole search. */
export function suggestLearner(
  trial: ParamSuggester,
  learners: readonly LearnerSpec[],
): { spec: LearnerSpec; params: Record<string, number | string> } {
  const name =
    learners.length === 1
      ? learners[0].name
      : trial.suggestCategorical(
          'learner',
          learners.map((s) => s.name),
        );
  const spec = learners.find((s) => s.name === name) as LearnerSpec;
  return { spec, params: spec.suggest(trial) };
}
