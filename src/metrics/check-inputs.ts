import type { DenseMatrix } from '../data/matrix.js';
import { DataValidationError, ShapeMismatchError } from '../errors.js';
import type { MetricOptions, Predictions } from './metric.js';

/**
 * Checks that truth, predictions and weights describe the same rows and hold finite numbers;
 * returns the weights (all ones when none were given) so metric loops never branch on them.
 */
export function checkRows(
  metric: string,
  yTrue: Float64Array,
  predictedRows: number,
  sampleWeight: Float64Array | undefined,
): Float64Array {
  if (predictedRows !== yTrue.length) {
    throw new ShapeMismatchError(
      `${metric}: y_true has ${yTrue.length} rows but predictions have ${predictedRows}.`,
    );
  }
  if (yTrue.length === 0) throw new DataValidationError({}, `${metric}: cannot score zero rows.`);
  checkFinite(metric, 'y_true', yTrue);
  if (sampleWeight === undefined) return new Float64Array(yTrue.length).fill(1);
  if (sampleWeight.length !== yTrue.length) {
    throw new ShapeMismatchError(
      `${metric}: sampleWeight has ${sampleWeight.length} values but y_true has ${yTrue.length}.`,
    );
  }
  for (let i = 0; i < sampleWeight.length; i++) {
    if (!(sampleWeight[i] >= 0 && sampleWeight[i] < Infinity)) {
      throw new DataValidationError(
        {},
        `${metric}: row ${i} has sample weight ${sampleWeight[i]}; weights must be finite and non-negative.`,
      );
    }
  }
  return sampleWeight;
}

export function checkFinite(metric: string, what: string, values: Float64Array): void {
  for (let i = 0; i < values.length; i++) {
    if (!Number.isFinite(values[i])) {
      throw new DataValidationError(
        {},
        `${metric}: row ${i} of ${what} is ${values[i]}; metrics need finite numbers.`,
      );
    }
  }
}

/** One value per row, or a DataValidationError saying a probability matrix was given instead. */
export function asVector(metric: string, predicted: Predictions): Float64Array {
  if (predicted instanceof Float64Array) return predicted;
  throw new DataValidationError(
    {},
    `${metric}: expects one prediction per row, got a ${predicted.rows}×${predicted.cols} matrix.`,
  );
}

/** Distinct values of all arrays, sorted ascending (scikit-learn's `unique_labels`). */
export function sortedDistinct(...arrays: readonly Float64Array[]): Float64Array {
  const seen = new Set<number>();
  for (const values of arrays) for (const v of values) seen.add(v);
  return Float64Array.from(seen).sort();
}

/** Map from label to its position in `labels`. */
export function indexOf(labels: Float64Array): Map<number, number> {
  return new Map(Array.from(labels, (label, k) => [label, k]));
}

/** Labels of a probability matrix's columns: `options.classes`, checked, or 0..K-1. */
export function matrixClasses(
  metric: string,
  P: DenseMatrix,
  options: MetricOptions,
): Float64Array {
  const classes = options.classes ?? Float64Array.from({ length: P.cols }, (_, k) => k);
  if (classes.length !== P.cols) {
    throw new ShapeMismatchError(
      `${metric}: ${classes.length} classes given for a probability matrix of ${P.cols} columns.`,
    );
  }
  for (let k = 1; k < classes.length; k++) {
    if (!(classes[k] > classes[k - 1])) {
      throw new DataValidationError(
        {},
        `${metric}: classes must be sorted ascending without repeats.`,
      );
    }
  }
  checkFinite(metric, 'probabilities', P.data);
  return classes;
}

/**
 * scikit-learn's default positive label: 1 when every label is -1, 0 or 1; otherwise (where
 * scikit-learn would ask for one) the largest label.
 */
export function defaultPositiveLabel(labels: Float64Array): number {
  return labels.every((label) => label === -1 || label === 0 || label === 1)
    ? 1
    : labels[labels.length - 1];
}

/**
 * For binary metrics: 1 where y_true is the positive label, else 0, plus the positive-class
 * scores (a probability matrix's column for that label, or the given vector). Fails unless
 * y_true holds at most two labels, the positive one among them when there are two.
 */
export function binaryTarget(
  metric: string,
  yTrue: Float64Array,
  predicted: Predictions,
  options: MetricOptions,
): { isPositive: Uint8Array; scores: Float64Array } {
  let scores: Float64Array;
  let candidates: Float64Array;
  if (predicted instanceof Float64Array) {
    checkFinite(metric, 'scores', predicted);
    scores = predicted;
    candidates = sortedDistinct(yTrue);
  } else {
    candidates = matrixClasses(metric, predicted, options);
    scores = new Float64Array(predicted.rows);
  }
  const present = sortedDistinct(yTrue);
  if (present.length > 2) {
    throw new DataValidationError(
      {},
      `${metric}: needs a binary target, y_true has ${present.length} labels.`,
    );
  }
  const positive = options.positiveLabel ?? defaultPositiveLabel(candidates);
  if (present.length === 2 && !present.includes(positive)) {
    throw new DataValidationError(
      {},
      `${metric}: positive label ${positive} is not one of y_true's labels ${present.join(', ')}.`,
    );
  }
  if (!(predicted instanceof Float64Array)) {
    const column = candidates.indexOf(positive);
    if (column < 0)
      throw new DataValidationError(
        {},
        `${metric}: positive label ${positive} is not among the classes.`,
      );
    for (let i = 0; i < predicted.rows; i++)
      scores[i] = predicted.data[i * predicted.cols + column];
  }
  return { isPositive: Uint8Array.from(yTrue, (label) => (label === positive ? 1 : 0)), scores };
}
