import type { DenseMatrix } from '../data/matrix.js';
import { DataValidationError, InvalidParameterError } from '../errors.js';
import type { BinaryCurve } from './binary-curve.js';
import { binaryCurve } from './binary-curve.js';
import { binaryTarget, checkRows, matrixClasses } from './check-inputs.js';
import type { MetricOptions, Predictions } from './metric.js';

export interface RocAucOptions extends MetricOptions {
  /** Multiclass only: `macro` averages one-vs-rest AUCs equally, `weighted` by class weight. Default `macro`. */
  readonly average?: 'macro' | 'weighted';
}

/**
 * Trapezoidal area under the ROC curve after dropping points collinear with their neighbours
 * (scikit-learn's `roc_curve(drop_intermediate=True)` then `auc`), so sums match term by term.
 */
function areaUnderRoc(curve: BinaryCurve): number {
  const { falsePositives: fps, truePositives: tps } = curve;
  const n = fps.length;
  const totalNegative = fps[n - 1];
  const totalPositive = tps[n - 1];
  let area = 0;
  let previousFpr = 0;
  let previousTpr = 0;
  for (let r = 0; r < n; r++) {
    const interior = r > 0 && r < n - 1 && n > 2;
    // numpy's second difference, (a - b) - (b - c), so "collinear" means exactly what it does there.
    if (
      interior &&
      fps[r + 1] - fps[r] - (fps[r] - fps[r - 1]) === 0 &&
      tps[r + 1] - tps[r] - (tps[r] - tps[r - 1]) === 0
    ) {
      continue;
    }
    const fpr = fps[r] / totalNegative;
    const tpr = tps[r] / totalPositive;
    area += ((fpr - previousFpr) * (tpr + previousTpr)) / 2;
    previousFpr = fpr;
    previousTpr = tpr;
  }
  return area;
}

function binaryAuc(
  metric: string,
  isPositive: Uint8Array,
  scores: Float64Array,
  weights: Float64Array,
): number {
  const curve = binaryCurve(isPositive, scores, weights);
  const n = curve.thresholds.length;
  if (n === 0 || curve.truePositives[n - 1] <= 0 || curve.falsePositives[n - 1] <= 0) {
    throw new DataValidationError(
      {},
      `${metric}: y_true holds only one class (by weight), so ROC AUC is undefined.`,
    );
  }
  return areaUnderRoc(curve);
}

function oneVsRestAuc(
  yTrue: Float64Array,
  P: DenseMatrix,
  options: RocAucOptions,
  weights: Float64Array,
): number {
  const classes = matrixClasses('roc_auc', P, options);
  const average = options.average ?? 'macro';
  const classWeight = new Float64Array(classes.length);
  let total = 0;
  let weightTotal = 0;
  const known = new Set(classes);
  const unknown = yTrue.find((label) => !known.has(label));
  if (unknown !== undefined) {
    throw new DataValidationError(
      {},
      `roc_auc: y_true holds label ${unknown}, which is not among the classes ${classes.join(', ')}.`,
    );
  }
  const isPositive = new Uint8Array(yTrue.length);
  const scores = new Float64Array(yTrue.length);
  for (let k = 0; k < classes.length; k++) {
    for (let i = 0; i < yTrue.length; i++) {
      isPositive[i] = yTrue[i] === classes[k] ? 1 : 0;
      classWeight[k] += isPositive[i] * weights[i];
      scores[i] = P.data[i * P.cols + k];
    }
    const w = average === 'weighted' ? classWeight[k] : 1;
    total += binaryAuc(`roc_auc (class ${classes[k]} vs rest)`, isPositive, scores, weights) * w;
    weightTotal += w;
  }
  return total / weightTotal;
}

/**
 * Area under the ROC curve, with tied scores counted as scikit-learn's `roc_auc_score` counts
 * them. Binary: `scores` are positive-class scores, or a probability matrix whose positive-class
 * column is used. Multiclass (a matrix of 3+ columns): one-vs-rest AUC per class, then the
 * `macro` or `weighted` mean.
 *
 * @example
 * rocAucScore(yTrue, model.predictProba(X), { classes: model.classes, average: 'weighted' });
 */
export function rocAucScore(
  yTrue: Float64Array,
  scores: Predictions,
  options: RocAucOptions = {},
): number {
  const average = options.average ?? 'macro';
  if (average !== 'macro' && average !== 'weighted') {
    throw new InvalidParameterError(
      'rocAucScore',
      'average',
      `must be "macro" or "weighted", got ${String(average)}`,
    );
  }
  const rows = scores instanceof Float64Array ? scores.length : scores.rows;
  const weights = checkRows('roc_auc', yTrue, rows, options.sampleWeight);
  if (!(scores instanceof Float64Array) && scores.cols > 2)
    return oneVsRestAuc(yTrue, scores, options, weights);
  const { isPositive, scores: positiveScores } = binaryTarget('roc_auc', yTrue, scores, options);
  return binaryAuc('roc_auc', isPositive, positiveScores, weights);
}
