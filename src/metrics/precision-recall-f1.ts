import { DataValidationError, InvalidParameterError } from '../errors.js';
import {
  checkFinite,
  checkRows,
  defaultPositiveLabel,
  indexOf,
  sortedDistinct,
} from './check-inputs.js';

/**
 * How per-class scores become one number: `binary` scores the positive label only; `macro`
 * averages classes equally; `micro` pools all decisions; `weighted` averages by true support.
 */
export type Averaging = 'binary' | 'macro' | 'micro' | 'weighted';

export interface PrecisionRecallOptions {
  /** Default `binary`, as in scikit-learn. */
  readonly average?: Averaging;
  /** For `binary`: 1 when labels are among -1, 0, 1, else the larger label. */
  readonly positiveLabel?: number;
  readonly sampleWeight?: Float64Array;
}

export interface PrecisionRecallF1 {
  readonly precision: number;
  readonly recall: number;
  readonly f1: number;
}

const AVERAGES: readonly Averaging[] = ['binary', 'macro', 'micro', 'weighted'];

/** 0 where the denominator is 0, as scikit-learn's default `zero_division="warn"` returns. */
function ratios(numerators: Float64Array, denominators: Float64Array): Float64Array {
  return numerators.map((n, k) => (denominators[k] === 0 ? 0 : n / denominators[k]));
}

function mean(values: Float64Array, weights: Float64Array | undefined): number {
  let sum = 0;
  let total = 0;
  for (let k = 0; k < values.length; k++) {
    const w = weights === undefined ? 1 : weights[k];
    sum += values[k] * w;
    total += w;
  }
  return sum / total;
}

/**
 * Precision, recall and F1 together (scikit-learn's `precision_recall_fscore_support` with
 * `zero_division` 0), over the sorted union of true and predicted labels.
 *
 * @example
 * const { precision, recall, f1 } = precisionRecallF1(yTrue, yPred, { average: 'macro' });
 */
export function precisionRecallF1(
  yTrue: Float64Array,
  yPred: Float64Array,
  options: PrecisionRecallOptions = {},
): PrecisionRecallF1 {
  const average = options.average ?? 'binary';
  if (!AVERAGES.includes(average)) {
    throw new InvalidParameterError(
      'precisionRecallF1',
      'average',
      `must be one of ${AVERAGES.join(', ')}, got ${String(average)}`,
    );
  }
  const weights = checkRows(
    `precision/recall (${average})`,
    yTrue,
    yPred.length,
    options.sampleWeight,
  );
  checkFinite('precision/recall', 'y_pred', yPred);
  const present = sortedDistinct(yTrue, yPred);
  let labels = present;
  if (average === 'binary') {
    if (present.length > 2) {
      throw new DataValidationError(
        {},
        `precision/recall: average "binary" needs at most two labels, found ${present.length}; use macro, micro or weighted.`,
      );
    }
    const positive = options.positiveLabel ?? defaultPositiveLabel(present);
    if (present.length === 2 && !present.includes(positive)) {
      throw new DataValidationError(
        {},
        `precision/recall: positive label ${positive} is not one of the labels ${present.join(', ')}.`,
      );
    }
    labels = Float64Array.of(positive);
  }
  const position = indexOf(labels);
  let truePositive: Float64Array = new Float64Array(labels.length);
  let predicted: Float64Array = new Float64Array(labels.length);
  let actual: Float64Array = new Float64Array(labels.length);
  for (let i = 0; i < yTrue.length; i++) {
    const t = position.get(yTrue[i]);
    const p = position.get(yPred[i]);
    if (t !== undefined) actual[t] += weights[i];
    if (p !== undefined) predicted[p] += weights[i];
    if (t !== undefined && yTrue[i] === yPred[i]) truePositive[t] += weights[i];
  }
  if (average === 'micro') {
    const total = (v: Float64Array): Float64Array => Float64Array.of(v.reduce((a, b) => a + b, 0));
    [truePositive, predicted, actual] = [total(truePositive), total(predicted), total(actual)];
  }
  const precision = ratios(truePositive, predicted);
  const recall = ratios(truePositive, actual);
  const f1 = precision.map((p, k) => {
    const denominator = p + recall[k];
    return denominator === 0 ? 0 : (2 * p * recall[k]) / denominator;
  });
  if (average === 'weighted') {
    if (actual.reduce((a, b) => a + b, 0) === 0) return { precision: 0, recall: 0, f1: 0 };
    return {
      precision: mean(precision, actual),
      recall: mean(recall, actual),
      f1: mean(f1, actual),
    };
  }
  return {
    precision: mean(precision, undefined),
    recall: mean(recall, undefined),
    f1: mean(f1, undefined),
  };
}

/** Of the rows predicted as a class, the share (by weight) that truly are. */
export function precisionScore(
  yTrue: Float64Array,
  yPred: Float64Array,
  options: PrecisionRecallOptions = {},
): number {
  return precisionRecallF1(yTrue, yPred, options).precision;
}

/** Of the rows truly of a class, the share (by weight) predicted as it. */
export function recallScore(
  yTrue: Float64Array,
  yPred: Float64Array,
  options: PrecisionRecallOptions = {},
): number {
  return precisionRecallF1(yTrue, yPred, options).recall;
}

/** Harmonic mean of precision and recall, per class, then averaged. */
export function f1Score(
  yTrue: Float64Array,
  yPred: Float64Array,
  options: PrecisionRecallOptions = {},
): number {
  return precisionRecallF1(yTrue, yPred, options).f1;
}
