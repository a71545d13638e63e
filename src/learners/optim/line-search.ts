import type { SmoothObjective } from './objective.js';
import { dot } from './objective.js';

/** Sufficient-decrease (Armijo) constant and curvature constant; 0.9 suits quasi-Newton steps. */
const ARMIJO = 1e-4;
const CURVATURE = 0.9;
/**
 * Objective changes below this share of |f| are rounding noise (f sums thousands of terms). Near
 * the optimum the Armijo test then compares noise, so, like Hager & Zhang's approximate Wolfe
 * conditions, a step is also accepted when f is within the noise band and the slope shows the
 * line minimum was not overshot: φ'(a) ≤ (2·ARMIJO − 1)·φ'(0).
 */
const NOISE = 1e-12;

export interface LineSearchOutcome {
  /** False when no step lowered the objective (the caller should stop). */
  readonly ok: boolean;
  readonly step: number;
  readonly value: number;
  readonly evaluations: number;
}

/**
 * Strong-Wolfe line search along `direction` from `x` (Nocedal & Wright, algorithms 3.5 and 3.6,
 * with safeguarded cubic interpolation). On success `xTrial` and `gTrial` hold the accepted point
 * and its gradient. When the Wolfe conditions cannot be met within the budget (at the limits of
 * floating point), the best point with a lower objective is accepted instead.
 */
export function strongWolfeLineSearch(
  objective: SmoothObjective,
  x: Float64Array,
  value0: number,
  slope0: number,
  direction: Float64Array,
  initialStep: number,
  xTrial: Float64Array,
  gTrial: Float64Array,
  maxEvaluations = 25,
): LineSearchOutcome {
  let evaluations = 0;
  let lastStep = Number.NaN;
  let lastSlope = 0;
  const evaluate = (step: number): number => {
    for (let i = 0; i < x.length; i++) xTrial[i] = x[i] + step * direction[i];
    const f = objective(xTrial, gTrial);
    lastSlope = dot(gTrial, direction);
    lastStep = step;
    evaluations++;
    return f;
  };
  const accept = (step: number, value: number): LineSearchOutcome => {
    if (step !== lastStep) value = evaluate(step);
    return { ok: true, step, value, evaluations };
  };
  const noiseBand = NOISE * Math.abs(value0);
  const sufficient = (step: number, f: number, slope: number): boolean =>
    f <= value0 + ARMIJO * step * slope0 ||
    (f <= value0 + noiseBand && slope <= (2 * ARMIJO - 1) * slope0);

  let loStep = 0;
  let loValue = value0;
  let loSlope = slope0;
  let hiStep = Number.NaN;
  let hiValue = 0;
  let hiSlope = 0;
  let step = initialStep;

  // Bracketing phase: grow the step until the minimiser along the line is bracketed.
  for (;;) {
    const f = evaluate(step);
    const slope = lastSlope;
    if (
      !Number.isFinite(f) ||
      !sufficient(step, f, slope) ||
      (loStep > 0 && f > loValue + noiseBand)
    ) {
      hiStep = step;
      hiValue = Number.isFinite(f) ? f : Number.MAX_VALUE;
      hiSlope = Number.isFinite(slope) ? slope : 0;
      break;
    }
    if (Math.abs(slope) <= -CURVATURE * slope0) return { ok: true, step, value: f, evaluations };
    if (slope >= 0) {
      hiStep = loStep;
      hiValue = loValue;
      hiSlope = loSlope;
      loStep = step;
      loValue = f;
      loSlope = slope;
      break;
    }
    loStep = step;
    loValue = f;
    loSlope = slope;
    if (evaluations >= maxEvaluations) return accept(loStep, loValue);
    step *= 4;
  }

  // Zoom phase: shrink [lo, hi] keeping lo the best point that satisfies sufficient decrease.
  while (evaluations < maxEvaluations) {
    const width = hiStep - loStep;
    if (Math.abs(width) <= 1e-16 * Math.max(Math.abs(loStep), Math.abs(hiStep))) break;
    let trial = cubicMinimizer(loStep, loValue, loSlope, hiStep, hiValue, hiSlope);
    const margin = 0.1 * Math.abs(width);
    const low = Math.min(loStep, hiStep) + margin;
    const high = Math.max(loStep, hiStep) - margin;
    if (!(trial >= low && trial <= high)) trial = loStep + 0.5 * width;
    const f = evaluate(trial);
    const slope = lastSlope;
    if (!Number.isFinite(f) || !sufficient(trial, f, slope) || f > loValue + noiseBand) {
      hiStep = trial;
      hiValue = Number.isFinite(f) ? f : Number.MAX_VALUE;
      hiSlope = Number.isFinite(slope) ? slope : 0;
      continue;
    }
    if (Math.abs(slope) <= -CURVATURE * slope0)
      return { ok: true, step: trial, value: f, evaluations };
    if (slope * (hiStep - loStep) >= 0) {
      hiStep = loStep;
      hiValue = loValue;
      hiSlope = loSlope;
    }
    loStep = trial;
    loValue = f;
    loSlope = slope;
  }
  if (loStep > 0 && loValue <= value0 + noiseBand) return accept(loStep, loValue);
  return { ok: false, step: 0, value: value0, evaluations };
}

/** Minimiser of the cubic matching values and slopes at a and b (NaN when it has none). */
function cubicMinimizer(
  a: number,
  fa: number,
  da: number,
  b: number,
  fb: number,
  db: number,
): number {
  const d1 = da + db - (3 * (fa - fb)) / (a - b);
  const disc = d1 * d1 - da * db;
  if (!(disc >= 0)) return Number.NaN;
  const d2 = Math.sign(b - a) * Math.sqrt(disc);
  return b - ((b - a) * (db + d2 - d1)) / (db - da + 2 * d2);
}
