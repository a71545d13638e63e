/**
 * A smooth objective evaluated in one fused pass: returns f(x) and writes ∇f(x) into `gradient`
 * (overwriting it). Called once per solver evaluation, never per row, so a closure is fine here.
 */
export type SmoothObjective = (x: Float64Array, gradient: Float64Array) => number;

/** What a minimiser reports: the solution is written into the caller's `x` in place. */
export interface MinimizeResult {
  /** Objective value at the returned point (smooth part plus any L1 term). */
  readonly value: number;
  /** Outer (quasi-Newton) iterations performed. */
  readonly iterations: number;
  /** Objective-and-gradient evaluations, line searches included. */
  readonly evaluations: number;
  /** True when a stopping tolerance was met, false at the iteration limit or a failed line search. */
  readonly converged: boolean;
}

/** Stopping rules shared by the quasi-Newton solvers (scipy's L-BFGS-B `gtol` / `ftol` semantics). */
export interface QuasiNewtonOptions {
  readonly maxIterations: number;
  /** Stop when max |(pseudo-)gradient| ≤ this. */
  readonly gradientTolerance: number;
  /** Stop when (f_prev − f) / max(|f_prev|, |f|, 1) ≤ this. */
  readonly relativeDecreaseTolerance: number;
  /** Correction pairs kept (scipy's default is 10). */
  readonly memory?: number;
}

export function maxAbs(values: Float64Array): number {
  let m = 0;
  for (let i = 0; i < values.length; i++) {
    const a = Math.abs(values[i]);
    if (a > m) m = a;
  }
  return m;
}

export function dot(a: Float64Array, b: Float64Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i] * b[i];
  return s;
}
