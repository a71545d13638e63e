import type { Frame } from '../data/frame.js';
import { InvalidParameterError } from '../errors.js';
import { linearPreprocessor, Pipeline } from '../features/index.js';
import type { Estimator, Task } from '../learners/index.js';
import {
  DummyClassifier,
  DummyRegressor,
  ElasticNet,
  GaussianNB,
  Lasso,
  LinearRegression,
  LogisticRegression,
  Ridge,
} from '../learners/index.js';

interface LearnerChoice {
  readonly tasks: readonly Task[];
  readonly make: (task: Task) => Estimator;
}

/** Learners the command line can fit by name, each with the tasks it serves. */
const CHOICES: Readonly<Record<string, LearnerChoice>> = {
  logistic: { tasks: ['classification'], make: () => new LogisticRegression({ C: 1 }) },
  'naive-bayes': { tasks: ['classification'], make: () => new GaussianNB() },
  linear: { tasks: ['regression'], make: () => new LinearRegression() },
  ridge: { tasks: ['regression'], make: () => new Ridge({ alpha: 1 }) },
  lasso: { tasks: ['regression'], make: () => new Lasso({ alpha: 1 }) },
  'elastic-net': { tasks: ['regression'], make: () => new ElasticNet({ alpha: 1, l1Ratio: 0.5 }) },
  dummy: {
    tasks: ['classification', 'regression'],
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

/** A factory of unfitted pipelines (linear preprocessing + the named learner) for the frame's features. */
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
  return () =>
    new Pipeline({ preprocessor: linearPreprocessor(frame, features), learner: choice.make(task) });
}
