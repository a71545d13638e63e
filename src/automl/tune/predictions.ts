import { denseMatrix } from '../../data/matrix.js';
import type { Matrix } from '../../data/matrix.js';
import type { Estimator } from '../../learners/index.js';
import { isClassifier } from '../../learners/index.js';
import type { Metric } from '../../metrics/index.js';

/**
 * A fitted learner's predictions for X in a fixed layout: values (regression), or a row-major
 * rows × classCount probability matrix over every class code of the data, zero for classes the
 * learner never saw (so folds and ensembles line up column for column).
 */
export function predictionsOf(learner: Estimator, X: Matrix, classCount: number): Float64Array {
  if (!isClassifier(learner)) return learner.predict(X);
  const proba = learner.predictProba(X);
  const out = new Float64Array(X.rows * classCount);
  const codes = learner.classes;
  for (let i = 0; i < X.rows; i++)
    for (let c = 0; c < codes.length; c++)
      out[i * classCount + codes[c]] = proba.data[i * proba.cols + c];
  return out;
}

const allClasses = new Map<number, Float64Array>();

/** Scores predictions in the layout of {@link predictionsOf} against true values or codes. */
export function scorePredictions(
  metric: Metric,
  yTrue: Float64Array,
  predictions: Float64Array,
  classCount: number,
): number {
  if (metric.task === 'regression') return metric.compute(yTrue, predictions);
  let classes = allClasses.get(classCount);
  if (classes === undefined) {
    classes = Float64Array.from({ length: classCount }, (_, c) => c);
    allClasses.set(classCount, classes);
  }
  if (metric.input === 'probabilities')
    return metric.compute(yTrue, denseMatrix(yTrue.length, classCount, predictions), { classes });
  const labels = new Float64Array(yTrue.length);
  for (let i = 0; i < yTrue.length; i++) {
    let best = 0;
    for (let c = 1; c < classCount; c++)
      if (predictions[i * classCount + c] > predictions[i * classCount + best]) best = c;
    labels[i] = best;
  }
  return metric.compute(yTrue, labels, { classes });
}
