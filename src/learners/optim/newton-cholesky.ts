import { choleskyFactor, choleskySolve } from './cholesky.js';
import { minimizeLbfgs } from './lbfgs.js';
import type { MinimizeResult, QuasiNewtonOptions, SmoothObjective } from './objective.js';
import { dot, maxAbs } from './objective.js';

/**
 * Writes ∇²f(x) into the lower triangle (j ≤ i) of the row-major n × n `hessian`, overwriting
 * it; the strict upper triangle is never read.
 */
export type HessianFunction = (x: Float64Array, hessian: Float64Array) => void;

export interface NewtonResult extends MinimizeResult {
  /** True when Newton could not go on (no usable factorisation or step) and L-BFGS finished. */
  readonly fellBack: boolean;
}

const ARMIJO = 1e-4;
const MAX_BACKTRACKS = 40;
/** Objective changes below this share of |f| are rounding noise; see line-search.ts. */
const NOISE = 1e-12;
/** Ridge tries on a Hessian that is not numerically positive definite: 1e-10·scale, ×100 each. */
const RIDGE_TRIES = 6;

/**
 * Minimises a smooth convex function by damped Newton: each iteration factors the exact Hessian
 * (Cholesky) and backtracks along the Newton direction until the Armijo condition holds. When
 * the Hessian is not numerically positive definite a growing ridge τ·I is added before retrying;
 * when even that fails, or no step lowers f, L-BFGS takes over from the current point with the
 * iterations left. Stops exactly like {@link minimizeLbfgs} (max |∇f| ≤ `gradientTolerance`, or
 * a relative decrease of f below `relativeDecreaseTolerance`), so iteration counts and
 * convergence flags mean the same; `iterations` counts Newton and any L-BFGS iterations.
 *
 * @example
 * const f = (p: Float64Array, g: Float64Array) => { g[0] = 2 * p[0]; g[1] = 4 * p[1]; return p[0] ** 2 + 2 * p[1] ** 2; };
 * const H = (_p: Float64Array, h: Float64Array) => { h[0] = 2; h[2] = 0; h[3] = 4; };
 * const x = new Float64Array([3, -2]);
 * minimizeNewtonCholesky(f, H, x, { maxIterations: 20, gradientTolerance: 1e-10, relativeDecreaseTolerance: 0 });
 * // x = [0, 0] after one iteration
 */
export function minimizeNewtonCholesky(
  objective: SmoothObjective,
  hessian: HessianFunction,
  x: Float64Array,
  options: QuasiNewtonOptions,
): NewtonResult {
  const n = x.length;
  const gradient = new Float64Array(n);
  const H = new Float64Array(n * n);
  const L = new Float64Array(n * n);
  const direction = new Float64Array(n);
  const xTrial = new Float64Array(n);
  const gTrial = new Float64Array(n);

  let value = objective(x, gradient);
  let evaluations = 1;
  let iterations = 0;
  if (maxAbs(gradient) <= options.gradientTolerance)
    return { value, iterations, evaluations, converged: true, fellBack: false };

  while (iterations < options.maxIterations) {
    hessian(x, H);
    if (!newtonDirection(H, L, n, gradient, direction)) break;
    const slope = dot(gradient, direction);
    if (!(slope < 0)) break;
    const noiseBand = NOISE * Math.abs(value);
    let step = 1;
    let accepted = false;
    let trialValue = value;
    for (let b = 0; b < MAX_BACKTRACKS; b++) {
      for (let i = 0; i < n; i++) xTrial[i] = x[i] + step * direction[i];
      trialValue = objective(xTrial, gTrial);
      evaluations++;
      // Near the optimum the Armijo test compares rounding noise; accept a step inside the noise
      // band when the slope there shows the line minimum was not overshot (as line-search.ts).
      if (
        trialValue <= value + ARMIJO * step * slope ||
        (trialValue <= value + noiseBand && dot(gTrial, direction) <= (2 * ARMIJO - 1) * slope)
      ) {
        accepted = true;
        break;
      }
      step *= 0.5;
    }
    if (!accepted) break;
    iterations++;
    const previous = value;
    value = trialValue;
    x.set(xTrial);
    gradient.set(gTrial);
    if (maxAbs(gradient) <= options.gradientTolerance)
      return { value, iterations, evaluations, converged: true, fellBack: false };
    const decrease = (previous - value) / Math.max(Math.abs(previous), Math.abs(value), 1);
    if (decrease >= 0 && decrease <= options.relativeDecreaseTolerance)
      return { value, iterations, evaluations, converged: true, fellBack: false };
  }
  if (iterations >= options.maxIterations)
    return { value, iterations, evaluations, converged: false, fellBack: false };
  const rest = minimizeLbfgs(objective, x, {
    ...options,
    maxIterations: options.maxIterations - iterations,
  });
  return {
    value: rest.value,
    iterations: iterations + rest.iterations,
    evaluations: evaluations + rest.evaluations,
    converged: rest.converged,
    fellBack: true,
  };
}

/**
 * direction = −H⁻¹·g through a Cholesky factor of H (lower triangle) copied into L, adding a
 * ridge τ·I that grows by 100× per try when H is not numerically positive definite. Returns
 * false when no try factors.
 */
function newtonDirection(
  H: Float64Array,
  L: Float64Array,
  n: number,
  gradient: Float64Array,
  direction: Float64Array,
): boolean {
  let scale = 0;
  for (let i = 0; i < n; i++) scale = Math.max(scale, Math.abs(H[i * n + i]));
  let ridge = 0;
  for (let attempt = 0; attempt <= RIDGE_TRIES; attempt++) {
    L.set(H);
    if (ridge > 0) for (let i = 0; i < n; i++) L[i * n + i] += ridge;
    if (choleskyFactor(L, n)) {
      for (let i = 0; i < n; i++) direction[i] = -gradient[i];
      choleskySolve(L, n, direction);
      let finite = true;
      for (let i = 0; i < n; i++) if (!Number.isFinite(direction[i])) finite = false;
      if (finite) return true;
    }
    ridge = ridge === 0 ? 1e-10 * Math.max(scale, 1) : ridge * 100;
  }
  return false;
}
