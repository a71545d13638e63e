import type { Column } from '../data/column.js';
import type { Frame } from '../data/frame.js';
import { DataValidationError } from '../errors.js';
import type { FittedModel } from '../features/index.js';
import { getMetric } from '../metrics/index.js';

/** A target column's values as the class labels a Pipeline reports ('true'/'false' for booleans). */
function labelAt(column: Column, i: number): string {
  if (column.kind === 'categorical') return column.levels[column.codes[i]];
  if (column.kind === 'boolean') return column.values[i] === 1 ? 'true' : 'false';
  return String(column.values[i]);
}

/** Codes of the frame's target in the pipeline's class order; a class it never saw is an error. */
function classCodes(pipeline: FittedModel, frame: Frame, target: string): Float64Array {
  const column = frame.column(target);
  const index = new Map(pipeline.classes.map((c, k) => [c, k]));
  const codes = new Float64Array(frame.rows);
  for (let i = 0; i < frame.rows; i++) {
    const code = index.get(labelAt(column, i));
    if (code === undefined) {
      throw new DataValidationError(
        { file: frame.source, column: target },
        `row ${i} has class "${labelAt(column, i)}", which the model never saw in training (classes: ${pipeline.classes.join(', ')}).`,
      );
    }
    codes[i] = code;
  }
  return codes;
}

/**
 * Scores a fitted pipeline on a frame that holds the target, with each named metric
 * (see `metricNames()`); probability metrics use `predictProba`.
 *
 * @example
 * scorePipeline(pipeline, testFrame, 'Status', ['accuracy', 'roc_auc']); // { accuracy: 0.8, roc_auc: 0.84 }
 */
export function scorePipeline(
  pipeline: FittedModel,
  frame: Frame,
  target: string,
  metrics: readonly string[],
): Record<string, number> {
  const scores: Record<string, number> = {};
  if (pipeline.task === 'regression') {
    const column = frame.column(target);
    if (column.kind !== 'numeric') {
      throw new DataValidationError(
        { file: frame.source, column: target },
        'regression scoring needs a numeric target.',
      );
    }
    const predicted = pipeline.predict(frame) as Float64Array;
    for (const name of metrics) scores[name] = getMetric(name).compute(column.values, predicted);
    return scores;
  }
  const yTrue = classCodes(pipeline, frame, target);
  const needsProba = metrics.some((name) => getMetric(name).input === 'probabilities');
  const { proba, classes } = needsProba
    ? pipeline.predictProba(frame)
    : { proba: undefined, classes: pipeline.classes };
  const classCodesOfColumns = Float64Array.from(classes, (c) => pipeline.classes.indexOf(c));
  const labels = Float64Array.from(pipeline.predict(frame) as string[], (c) =>
    pipeline.classes.indexOf(c),
  );
  for (const name of metrics) {
    const metric = getMetric(name);
    const predicted = metric.input === 'probabilities' ? proba! : labels;
    scores[name] = metric.compute(yTrue, predicted, { classes: classCodesOfColumns });
  }
  return scores;
}

/** Sensible default metrics: the first is the one to optimise. */
export function defaultMetrics(
  task: 'classification' | 'regression',
  classCount: number,
): string[] {
  if (task === 'regression') return ['rmse', 'mae', 'r2'];
  return classCount === 2
    ? ['roc_auc', 'accuracy', 'balanced_accuracy', 'f1', 'log_loss']
    : ['accuracy', 'balanced_accuracy', 'f1_macro', 'roc_auc', 'log_loss'];
}
