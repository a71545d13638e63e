import { LbfgsMemory } from './lbfgs-memory.js';
import { strongWolfeLineSearch } from './line-search.js';
import type { MinimizeResult, QuasiNewtonOptions, SmoothObjective } from './objective.js';
import { dot, maxAbs } from './objective.js';

/**
 * Minimises a smooth function with L-BFGS and a strong-Wolfe line search. `x` holds the
 * starting point and receives the solution. Stops like scipy's L-BFGS-B: max |∇f| ≤
 * `gradientTolerance`, or a relative decrease of f below `relativeDecreaseTolerance`.
 * Allocates its work buffers once; each iteration costs one or a few objective evaluations.
 *
 * @example
 * const x = new Float64Array([3, -2]);
 * const quadratic = (p: Float64Array, g: Float64Array) => { g[0] = 2 * p[0]; g[1] = 4 * p[1]; return p[0] ** 2 + 2 * p[1] ** 2; };
 * minimizeLbfgs(quadratic, x, { maxIterations: 100, gradientTolerance: 1e-10, relativeDecreaseTolerance: 0 });
 */
export function minimizeLbfgs(
  objective: SmoothObjective,
  x: Float64Array,
  options: QuasiNewtonOptions,
): MinimizeResult {
  const n = x.length;
  const memory = new LbfgsMemory(n, options.memory ?? 10);
  const gradient = new Float64Array(n);
  const direction = new Float64Array(n);
  const xTrial = new Float64Array(n);
  const gTrial = new Float64Array(n);
  const s = new Float64Array(n);
  const y = new Float64Array(n);

  let value = objective(x, gradient);
  let evaluations = 1;
  let iterations = 0;
  if (maxAbs(gradient) <= options.gradientTolerance)
    return { value, iterations, evaluations, converged: true };

  while (iterations < options.maxIterations) {
    memory.descentDirection(gradient, direction);
    let slope = dot(gradient, direction);
    if (!(slope < 0)) {
      // The approximation lost positive-definiteness numerically: restart from steepest descent.
      memory.reset();
      for (let i = 0; i < n; i++) direction[i] = -gradient[i];
      slope = dot(gradient, direction);
    }
    const initialStep = memory.count === 0 ? Math.min(1, 1 / Math.sqrt(-slope)) : 1;
    const search = strongWolfeLineSearch(
      objective,
      x,
      value,
      slope,
      direction,
      initialStep,
      xTrial,
      gTrial,
    );
    evaluations += search.evaluations;
    if (!search.ok) return { value, iterations, evaluations, converged: false };
    iterations++;
    for (let i = 0; i < n; i++) {
      s[i] = xTrial[i] - x[i];
      y[i] = gTrial[i] - gradient[i];
    }
    memory.push(s, y);
    const previous = value;
    value = search.value;
    x.set(xTrial);
    gradient.set(gTrial);
    if (maxAbs(gradient) <= options.gradientTolerance)
      return { value, iterations, evaluations, converged: true };
    const decrease = (previous - value) / Math.max(Math.abs(previous), Math.abs(value), 1);
    // A step inside the rounding-noise band may raise f a hair; only a real stall stops here.
    if (decrease >= 0 && decrease <= options.relativeDecreaseTolerance)
      return { value, iterations, evaluations, converged: true };
  }
  return { value, iterations, evaluations, converged: false };
}
