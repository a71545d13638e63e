import type { Frame } from '../data/frame.js';
import { InvalidParameterError } from '../errors.js';
import { linearPreprocessor, Pipeline, treePreprocessor } from '../features/index.js';
import type { Estimator, Task } from '../learners/index.js';
import {
  DecisionTreeClassifier,
  DecisionTreeRegressor,
  DummyClassifier,
  DummyRegressor,
  ElasticNet,
  ExtraTreesClassifier,
  ExtraTreesRegressor,
  GaussianNB,
  HistGradientBoostingClassifier,
  HistGradientBoostingRegressor,
  Lasso,
  LinearRegression,
  LogisticRegression,
  RandomForestClassifier,
  RandomForestRegressor,
  Ridge,
} from '../learners/index.js';

interface LearnerChoice {
  readonly tasks: readonly Task[];
  /** Linear models and naive Bayes need imputed, scaled, one-hot input; trees take codes and NaN. */
  readonly preprocessing: 'linear' | 'tree';
  readonly make: (task: Task) => Estimator;
}

/** Learners the command line can fit by name, each with the tasks it serves. */
const CHOICES: Readonly<Record<string, LearnerChoice>> = {
  logistic: {
    tasks: ['classification'],
    preprocessing: 'linear',
    make: () => new LogisticRegression({ C: 1 }),
  },
  'naive-bayes': {
    tasks: ['classification'],
    preprocessing: 'linear',
    make: () => new GaussianNB(),
  },
  linear: { tasks: ['regression'], preprocessing: 'linear', make: () => new LinearRegression() },
  ridge: { tasks: ['regression'], preprocessing: 'linear', make: () => new Ridge({ alpha: 1 }) },
  lasso: { tasks: ['regression'], preprocessing: 'linear', make: () => new Lasso({ alpha: 1 }) },
  'elastic-net': {
    tasks: ['regression'],
    preprocessing: 'linear',
    make: () => new ElasticNet({ alpha: 1, l1Ratio: 0.5 }),
  },
  tree: {
    tasks: ['classification', 'regression'],
    preprocessing: 'tree',
    make: (task) =>
      task === 'classification'
        ? new DecisionTreeClassifier({ maxDepth: 8, minSamplesLeaf: 5 })
        : new DecisionTreeRegressor({ maxDepth: 8, minSamplesLeaf: 5 }),
  },
  'random-forest': {
    tasks: ['classification', 'regression'],
    preprocessing: 'tree',
    make: (task) =>
      task === 'classification' ? new RandomForestClassifier() : new RandomForestRegressor(),
  },
  gbdt: {
    tasks: ['classification', 'regression'],
    preprocessing: 'tree',
    make: (task) =>
      task === 'classification'
        ? new HistGradientBoostingClassifier()
        : new HistGradientBoostingRegressor(),
  },
  'extra-trees': {
    tasks: ['classification', 'regression'],
    preprocessing: 'tree',
    make: (task) =>
      task === 'classification' ? new ExtraTreesClassifier() : new ExtraTreesRegressor(),
  },
  dummy: {
    tasks: ['classification', 'regression'],
    preprocessing: 'linear',
    make: (task) =>
      task === 'classification'
        ? new DummyClassifier({ strategy: 'prior' })
        : new DummyRegressor({ strategy: 'mean' }),
  },
};

export function learnerNames(): string[] {
  return Object.keys(CHOICES);
}

export function defaultLearner(task: Task): string {
  return task === 'classification' ? 'logistic' : 'ridge';
}

/** A factory of unfitted pipelines (the learner's preprocessing + the learner) for the frame's features. */
export function pipelineFactory(
  name: string,
  task: Task,
  frame: Frame,
  target: string,
): () => Pipeline {
  const choice = Object.hasOwn(CHOICES, name) ? CHOICES[name] : undefined;
  if (choice === undefined) {
    throw new InvalidParameterError(
      'argmin',
      '--learner',
      `is "${name}"; choose one of ${learnerNames().join(', ')}`,
    );
  }
  if (!choice.tasks.includes(task)) {
    const fitting = learnerNames().filter((n) => CHOICES[n].tasks.includes(task));
    throw new InvalidParameterError(
      'argmin',
      '--learner',
      `"${name}" does not do ${task}; for ${task} choose one of ${fitting.join(', ')}`,
    );
  }
  const features = frame.featureNames.filter((n) => n !== target);
  const preprocess = choice.preprocessing === 'tree' ? treePreprocessor : linearPreprocessor;
  return () =>
    new Pipeline({ preprocessor: preprocess(frame, features), learner: choice.make(task) });
}
