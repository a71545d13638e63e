import { weightedQuantile } from './weighted-quantile.js';

export type RegressionLossName = 'squaredError' | 'absoluteError' | 'huber';
export type ClassificationLossName = 'logLoss';

/**
 * A boosting objective. Raw scores are row-major, `raw[row * outputs + k]`; gradients and
 * hessians are output-major, `gradients[k * n + row]`, so each tree reads one contiguous slice.
 * Targets of classification losses are class codes 0..K−1. Weights are folded into gradients.
 */
export interface Loss {
  readonly outputs: number;
  /** The constant raw score minimising the weighted loss: the initial prediction. */
  baseline(y: Float64Array, weights: Float64Array): Float64Array;
  gradients(
    y: Float64Array,
    raw: Float64Array,
    weights: Float64Array,
    gradients: Float64Array,
    hessians: Float64Array,
  ): void;
  /** Weighted mean loss over `rows` (early stopping's validation score). */
  value(y: Float64Array, raw: Float64Array, weights: Float64Array): number;
  /**
   * For losses whose Newton step is a poor leaf value (absolute error): the leaf value to use for
   * the rows `rows[start, end)`, before the learning rate; null when Newton's is right.
   */
  readonly leafTarget:
    | ((
        y: Float64Array,
        raw: Float64Array,
        weights: Float64Array,
        rows: Int32Array,
        start: number,
        end: number,
      ) => number)
    | null;
}

function weightedMean(y: Float64Array, weights: Float64Array): number {
  let sum = 0;
  let total = 0;
  for (let i = 0; i < y.length; i++) {
    sum += weights[i] * y[i];
    total += weights[i];
  }
  return sum / total;
}

function sigmoid(z: number): number {
  return z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
}

/** Binary log-loss on one raw score (the log-odds of class 1). */
export const binaryLogLoss: Loss = {
  outputs: 1,
  baseline(y, weights) {
    const p = Math.min(Math.max(weightedMean(y, weights), 1e-15), 1 - 1e-15);
    return Float64Array.of(Math.log(p / (1 - p)));
  },
  gradients(y, raw, weights, gradients, hessians) {
    for (let i = 0; i < y.length; i++) {
      const p = sigmoid(raw[i]);
      gradients[i] = weights[i] * (p - y[i]);
      hessians[i] = weights[i] * Math.max(p * (1 - p), 1e-16);
    }
  },
  value(y, raw, weights) {
    let sum = 0;
    let total = 0;
    for (let i = 0; i < y.length; i++) {
      // log(1 + e^z) − y·z, computed without overflow.
      const z = raw[i];
      const softplus = z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z));
      sum += weights[i] * (softplus - y[i] * z);
      total += weights[i];
    }
    return sum / total;
  },
  leafTarget: null,
};

/** Multinomial log-loss with K raw scores per row; one tree per class per round. */
export function softmaxLoss(classes: number): Loss {
  const probabilities = new Float64Array(classes);
  const softmax = (raw: Float64Array, base: number): void => {
    let largest = -Infinity;
    for (let k = 0; k < classes; k++) largest = Math.max(largest, raw[base + k]);
    let sum = 0;
    for (let k = 0; k < classes; k++) {
      probabilities[k] = Math.exp(raw[base + k] - largest);
      sum += probabilities[k];
    }
    for (let k = 0; k < classes; k++) probabilities[k] /= sum;
  };
  return {
    outputs: classes,
    baseline(y, weights) {
      const prior = new Float64Array(classes);
      let total = 0;
      for (let i = 0; i < y.length; i++) {
        prior[y[i]] += weights[i];
        total += weights[i];
      }
      return prior.map((mass) => Math.log(Math.max(mass / total, 1e-15)));
    },
    gradients(y, raw, weights, gradients, hessians) {
      const n = y.length;
      for (let i = 0; i < n; i++) {
        softmax(raw, i * classes);
        for (let k = 0; k < classes; k++) {
          const p = probabilities[k];
          gradients[k * n + i] = weights[i] * (p - (y[i] === k ? 1 : 0));
          hessians[k * n + i] = weights[i] * Math.max(p * (1 - p), 1e-16);
        }
      }
    },
    value(y, raw, weights) {
      let sum = 0;
      let total = 0;
      for (let i = 0; i < y.length; i++) {
        softmax(raw, i * classes);
        sum -= weights[i] * Math.log(Math.max(probabilities[y[i]], 1e-300));
        total += weights[i];
      }
      return sum / total;
    },
    leafTarget: null,
  };
}

/** Half squared error: gradient raw − y, hessian 1. */
export const squaredError: Loss = {
  outputs: 1,
  baseline: (y, weights) => Float64Array.of(weightedMean(y, weights)),
  gradients(y, raw, weights, gradients, hessians) {
    for (let i = 0; i < y.length; i++) {
      gradients[i] = weights[i] * (raw[i] - y[i]);
      hessians[i] = weights[i];
    }
  },
  value(y, raw, weights) {
    let sum = 0;
    let total = 0;
    for (let i = 0; i < y.length; i++) {
      sum += weights[i] * (raw[i] - y[i]) ** 2;
      total += weights[i];
    }
    return sum / total;
  },
  leafTarget: null,
};

function identityRows(n: number): Int32Array {
  return Int32Array.from({ length: n }, (_, i) => i);
}

/**
 * Median of y − raw over a leaf's rows: scikit-learn's leaf update for absolute error, since
 * the Newton step of a loss with zero curvature says nothing about the best constant.
 */
function medianResidual(
  y: Float64Array,
  raw: Float64Array,
  weights: Float64Array,
  rows: Int32Array,
  start: number,
  end: number,
): number {
  const residuals = new Float64Array(y.length);
  for (let k = start; k < end; k++) residuals[rows[k]] = y[rows[k]] - raw[rows[k]];
  return weightedQuantile(residuals, weights, rows, start, end, 0.5);
}

/** Absolute error: gradient sign(raw − y), hessian 1, leaves set to the median residual. */
export const absoluteError: Loss = {
  outputs: 1,
  baseline: (y, weights) =>
    Float64Array.of(weightedQuantile(y, weights, identityRows(y.length), 0, y.length, 0.5)),
  gradients(y, raw, weights, gradients, hessians) {
    for (let i = 0; i < y.length; i++) {
      gradients[i] = weights[i] * Math.sign(raw[i] - y[i]);
      hessians[i] = weights[i];
    }
  },
  value(y, raw, weights) {
    let sum = 0;
    let total = 0;
    for (let i = 0; i < y.length; i++) {
      sum += weights[i] * Math.abs(raw[i] - y[i]);
      total += weights[i];
    }
    return sum / total;
  },
  leafTarget: medianResidual,
};

/**
 * Huber loss with an adaptive δ: each round δ is the weighted 0.9-quantile of |y − raw|
 * (scikit-learn's GradientBoostingRegressor rule), so it follows the target's scale; residuals
 * beyond δ pull with constant force. Hessian 1, as LightGBM uses.
 */
export function huberLoss(): Loss {
  let delta = 1;
  const absoluteResiduals = (y: Float64Array, raw: Float64Array): Float64Array =>
    y.map((v, i) => Math.abs(v - raw[i]));
  return {
    outputs: 1,
    baseline: (y, weights) =>
      Float64Array.of(weightedQuantile(y, weights, identityRows(y.length), 0, y.length, 0.5)),
    gradients(y, raw, weights, gradients, hessians) {
      delta = weightedQuantile(
        absoluteResiduals(y, raw),
        weights,
        identityRows(y.length),
        0,
        y.length,
        0.9,
      );
      for (let i = 0; i < y.length; i++) {
        const residual = raw[i] - y[i];
        gradients[i] = weights[i] * Math.max(-delta, Math.min(delta, residual));
        hessians[i] = weights[i];
      }
    },
    value(y, raw, weights) {
      let sum = 0;
      let total = 0;
      for (let i = 0; i < y.length; i++) {
        const residual = Math.abs(raw[i] - y[i]);
        sum +=
          weights[i] *
          (residual <= delta ? 0.5 * residual * residual : delta * (residual - 0.5 * delta));
        total += weights[i];
      }
      return sum / total;
    },
    leafTarget: null,
  };
}
