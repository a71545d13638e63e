import type { CentredDesign } from './centred-design.js';

export interface CoordinateDescentResult {
  readonly coef: Float64Array;
  /** Passes over the features (scikit-learn's n_iter_). */
  readonly iterations: number;
  /** Whether the duality gap fell below tol·‖y‖² before maxIter. */
  readonly converged: boolean;
  readonly dualityGap: number;
}

/**
 * Cyclic coordinate descent for ½‖y − Xw‖² + l1·‖w‖₁ + ½·l2·‖w‖² on a centred, column-major
 * design: scikit-learn's `enet_coordinate_descent`, including its stopping rule. After a sweep
 * whose largest coefficient change is below tol × the largest coefficient (or at the last
 * sweep) the duality gap is computed, and the solver stops once it is below tol·‖y‖².
 * The residual R = y − Xw is kept up to date, so one coordinate update costs two column passes.
 */
export function enetCoordinateDescent(
  design: CentredDesign,
  l1: number,
  l2: number,
  maxIter: number,
  tol: number,
): CoordinateDescentResult {
  const { columns: X, target: y, rows: n, cols: p } = design;
  const w = new Float64Array(p);
  const residual = y.slice();
  const columnSquares = new Float64Array(p);
  let yy = 0;
  for (let i = 0; i < n; i++) yy += y[i] * y[i];
  for (let j = 0; j < p; j++) {
    let s = 0;
    for (let i = 0, b = j * n; i < n; i++, b++) s += X[b] * X[b];
    columnSquares[j] = s;
  }
  const gapTolerance = tol * yy;
  let gap = Number.POSITIVE_INFINITY;
  for (let iteration = 0; iteration < maxIter; iteration++) {
    let wMax = 0;
    let changeMax = 0;
    for (let j = 0; j < p; j++) {
      if (columnSquares[j] === 0) continue;
      const base = j * n;
      const old = w[j];
      // tmp = X_jᵀ(R + X_j·old): the correlation with the partial residual that excludes feature j.
      let tmp = 0;
      for (let i = 0; i < n; i++) tmp += X[base + i] * residual[i];
      tmp += old * columnSquares[j];
      const shrunk = Math.abs(tmp) - l1;
      const next = shrunk > 0 ? (Math.sign(tmp) * shrunk) / (columnSquares[j] + l2) : 0;
      const delta = next - old;
      if (delta !== 0) {
        for (let i = 0; i < n; i++) residual[i] -= delta * X[base + i];
        w[j] = next;
      }
      changeMax = Math.max(changeMax, Math.abs(delta));
      wMax = Math.max(wMax, Math.abs(next));
    }
    if (wMax === 0 || changeMax / wMax < tol || iteration === maxIter - 1) {
      gap = dualityGap(X, y, w, residual, n, p, l1, l2);
      if (gap < gapTolerance)
        return { coef: w, iterations: iteration + 1, converged: true, dualityGap: gap };
    }
  }
  return { coef: w, iterations: maxIter, converged: false, dualityGap: gap };
}

/** Duality gap of the elastic-net problem at w (residual R = y − Xw), as scikit-learn computes it. */
function dualityGap(
  X: Float64Array,
  y: Float64Array,
  w: Float64Array,
  residual: Float64Array,
  n: number,
  p: number,
  l1: number,
  l2: number,
): number {
  let dualNorm = 0;
  let wNorm2 = 0;
  let l1Norm = 0;
  for (let j = 0; j < p; j++) {
    let s = 0;
    for (let i = 0, b = j * n; i < n; i++, b++) s += X[b] * residual[i];
    dualNorm = Math.max(dualNorm, Math.abs(s - l2 * w[j]));
    wNorm2 += w[j] * w[j];
    l1Norm += Math.abs(w[j]);
  }
  let rNorm2 = 0;
  let ry = 0;
  for (let i = 0; i < n; i++) {
    rNorm2 += residual[i] * residual[i];
    ry += residual[i] * y[i];
  }
  let scale = 1;
  let gap = rNorm2;
  if (dualNorm > l1) {
    scale = l1 / dualNorm;
    gap = 0.5 * (rNorm2 + rNorm2 * scale * scale);
  }
  return gap + l1 * l1Norm - scale * ry + 0.5 * l2 * (1 + scale * scale) * wNorm2;
}
