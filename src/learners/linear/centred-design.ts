import type { Matrix } from '../../data/matrix.js';
import { toColumnMajor } from '../../data/matrix.js';
import type { CheckedData, LinearRegressorState } from './linear-regressor-state.js';

/** A regression design prepared like scikit-learn's `_preprocess_data` + `_rescale_data`. */
export interface CentredDesign {
  /** Column-major n × p copy of X, centred on the weighted column means, rows scaled by √wᵢ. */
  readonly columns: Float64Array;
  /** y centred on its weighted mean, scaled by √wᵢ. */
  readonly target: Float64Array;
  /** Weighted column means (zeros without an intercept). */
  readonly xOffset: Float64Array;
  readonly yOffset: number;
  readonly rows: number;
  readonly cols: number;
}

/**
 * Centres X and y on their `weight`-ed means (when fitting an intercept) and multiplies every row
 * by √weight, so that ordinary least squares on the result minimises Σ wᵢ·rᵢ². CSR input is
 * densified: centring would fill it in anyway.
 */
export function centredDesign(
  X: Matrix,
  y: Float64Array,
  weight: Float64Array,
  fitIntercept: boolean,
): CentredDesign {
  const n = X.rows;
  const p = X.cols;
  const columns = toColumnMajor(X);
  const target = new Float64Array(n);
  const xOffset = new Float64Array(p);
  let yOffset = 0;
  const root = new Float64Array(n);
  let total = 0;
  for (let i = 0; i < n; i++) {
    root[i] = Math.sqrt(weight[i]);
    total += weight[i];
  }
  if (fitIntercept) {
    for (let i = 0; i < n; i++) yOffset += weight[i] * y[i];
    yOffset /= total;
    for (let j = 0; j < p; j++) {
      let s = 0;
      const base = j * n;
      for (let i = 0; i < n; i++) s += weight[i] * columns[base + i];
      xOffset[j] = s / total;
    }
  }
  for (let i = 0; i < n; i++) target[i] = (y[i] - yOffset) * root[i];
  for (let j = 0; j < p; j++) {
    const base = j * n;
    const mean = xOffset[j];
    for (let i = 0; i < n; i++) columns[base + i] = (columns[base + i] - mean) * root[i];
  }
  return { columns, target, xOffset, yOffset, rows: n, cols: p };
}

/** intercept = ȳ − x̄·coef, the intercept that undoes the centring. */
export function interceptFor(
  design: Pick<CentredDesign, 'xOffset' | 'yOffset'>,
  coef: Float64Array,
  fitIntercept: boolean,
): number {
  if (!fitIntercept) return 0;
  let s = design.yOffset;
  for (let j = 0; j < coef.length; j++) s -= design.xOffset[j] * coef[j];
  return s;
}

/**
 * Fits a closed-form solver (`coefficients` maps the centred design to coef) and restores the
 * intercept: what ordinary least squares and ridge share.
 */
export function closedFormFit(
  { X, y, weight }: CheckedData,
  fitIntercept: boolean,
  coefficients: (design: CentredDesign) => Float64Array,
): LinearRegressorState {
  const design = centredDesign(X, y, weight, fitIntercept);
  const coef = coefficients(design);
  return {
    coef,
    intercept: interceptFor(design, coef, fitIntercept),
    nFeatures: X.cols,
    nIter: 0,
    converged: true,
  };
}
