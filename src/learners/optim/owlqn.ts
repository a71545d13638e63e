import { LbfgsMemory } from './lbfgs-memory.js';
import type { MinimizeResult, QuasiNewtonOptions, SmoothObjective } from './objective.js';
import { maxAbs } from './objective.js';

const ARMIJO = 1e-4;
const MAX_BACKTRACKS = 40;
/** Objective changes below this share of |f| are rounding noise; see line-search.ts. */
const NOISE = 1e-12;

/**
 * Minimises smooth(x) + Σⱼ l1Weights[j]·|xⱼ| with OWL-QN (Andrew & Gao 2007): L-BFGS on the
 * pseudo-gradient, directions and steps confined to one orthant, so coefficients land on exact
 * zeros. A zero weight leaves that coordinate unpenalised (an intercept). `x` holds the start and
 * receives the solution. Stops when max |pseudo-gradient| ≤ `gradientTolerance` (the sup-norm of
 * the minimum-norm subgradient, zero exactly at the optimum) or on a tiny relative decrease.
 *
 * @example
 * const x = new Float64Array(2);
 * const smooth = (p: Float64Array, g: Float64Array) => { g[0] = p[0] - 3; g[1] = p[1] - 0.5; return 0.5 * ((p[0] - 3) ** 2 + (p[1] - 0.5) ** 2); };
 * minimizeOwlqn(smooth, new Float64Array([1, 1]), x, { maxIterations: 100, gradientTolerance: 1e-10, relativeDecreaseTolerance: 0 });
 * // x ≈ [2, 0]
 */
export function minimizeOwlqn(
  objective: SmoothObjective,
  l1Weights: Float64Array,
  x: Float64Array,
  options: QuasiNewtonOptions,
): MinimizeResult {
  const n = x.length;
  const memory = new LbfgsMemory(n, options.memory ?? 10);
  const gradient = new Float64Array(n);
  const pseudo = new Float64Array(n);
  const direction = new Float64Array(n);
  const xTrial = new Float64Array(n);
  const gTrial = new Float64Array(n);
  const s = new Float64Array(n);
  const y = new Float64Array(n);

  let value = objective(x, gradient) + l1Norm(x, l1Weights);
  let evaluations = 1;
  let iterations = 0;
  pseudoGradient(x, gradient, l1Weights, pseudo);
  if (maxAbs(pseudo) <= options.gradientTolerance)
    return { value, iterations, evaluations, converged: true };

  while (iterations < options.maxIterations) {
    memory.descentDirection(pseudo, direction);
    // Keep only components that descend along the pseudo-gradient (sign agreement).
    let descends = false;
    for (let i = 0; i < n; i++) {
      if (direction[i] * pseudo[i] >= 0) direction[i] = 0;
      else descends = true;
    }
    if (!descends) {
      memory.reset();
      for (let i = 0; i < n; i++) direction[i] = -pseudo[i];
    }
    let step = memory.count === 0 ? 1 / Math.max(Math.sqrt(sumSquares(pseudo)), 1e-300) : 1;
    let accepted = false;
    let trialValue = value;
    for (let b = 0; b < MAX_BACKTRACKS; b++) {
      // Project onto the orthant of x (or of −pseudo-gradient where x is zero).
      let expected = 0;
      for (let i = 0; i < n; i++) {
        const orthant = x[i] !== 0 ? Math.sign(x[i]) : -Math.sign(pseudo[i]);
        let t = x[i] + step * direction[i];
        if (t * orthant <= 0) t = 0;
        xTrial[i] = t;
        expected += pseudo[i] * (t - x[i]);
      }
      trialValue = objective(xTrial, gTrial) + l1Norm(xTrial, l1Weights);
      evaluations++;
      if (trialValue <= value + ARMIJO * expected + NOISE * Math.abs(value)) {
        accepted = true;
        break;
      }
      step *= 0.5;
    }
    if (!accepted) return { value, iterations, evaluations, converged: false };
    iterations++;
    for (let i = 0; i < n; i++) {
      s[i] = xTrial[i] - x[i];
      y[i] = gTrial[i] - gradient[i];
    }
    memory.push(s, y);
    const previous = value;
    value = trialValue;
    x.set(xTrial);
    gradient.set(gTrial);
    pseudoGradient(x, gradient, l1Weights, pseudo);
    if (maxAbs(pseudo) <= options.gradientTolerance)
      return { value, iterations, evaluations, converged: true };
    const decrease = (previous - value) / Math.max(Math.abs(previous), Math.abs(value), 1);
    // A step inside the rounding-noise band may raise f a hair; only a real stall stops here.
    if (decrease >= 0 && decrease <= options.relativeDecreaseTolerance)
      return { value, iterations, evaluations, converged: true };
  }
  return { value, iterations, evaluations, converged: false };
}

/** Minimum-norm subgradient of smooth + Σ λ|x|: zero exactly at the optimum. */
function pseudoGradient(
  x: Float64Array,
  g: Float64Array,
  l1Weights: Float64Array,
  out: Float64Array,
): void {
  for (let i = 0; i < x.length; i++) {
    const lambda = l1Weights[i];
    if (x[i] > 0) out[i] = g[i] + lambda;
    else if (x[i] < 0) out[i] = g[i] - lambda;
    else if (g[i] + lambda < 0) out[i] = g[i] + lambda;
    else if (g[i] - lambda > 0) out[i] = g[i] - lambda;
    else out[i] = 0;
  }
}

function l1Norm(x: Float64Array, weights: Float64Array): number {
  let s = 0;
  for (let i = 0; i < x.length; i++) s += weights[i] * Math.abs(x[i]);
  return s;
}

function sumSquares(v: Float64Array): number {
  let s = 0;
  for (let i = 0; i < v.length; i++) s += v[i] * v[i];
  return s;
}
