import type { Direction, FrozenTrial } from './types.js';

/** Key of a trial's constraint values (≤ 0 each means feasible) in its system attributes. */
export const CONSTRAINTS_KEY = 'constraints';

/** Whether a trial meets every constraint; trials without constraint values are feasible. */
export function isFeasible(trial: FrozenTrial): boolean {
  const constraints = trial.systemAttrs[CONSTRAINTS_KEY] as readonly number[] | undefined;
  return constraints === undefined || constraints.every((c) => c <= 0);
}

/** Whether `a` is at least as good as `b` on every objective and better on one. */
export function dominates(
  a: readonly number[],
  b: readonly number[],
  directions: readonly Direction[],
): boolean {
  let better = false;
  for (let k = 0; k < directions.length; k++) {
    const sign = directions[k] === 'minimize' ? 1 : -1;
    const diff = sign * (a[k] - b[k]);
    if (diff > 0) return false;
    if (diff < 0) better = true;
  }
  return better;
}

/**
 * The non-dominated trials among `trials` (all COMPLETE with values), in number order.
 * Quadratic in the number of trials, which is fine for the few thousand a study holds.
 */
export function paretoFront(
  trials: readonly FrozenTrial[],
  directions: readonly Direction[],
): FrozenTrial[] {
  return trials.filter(
    (candidate) =>
      !trials.some(
        (other) =>
          other !== candidate &&
          dominates(
            other.values as readonly number[],
            candidate.values as readonly number[],
            directions,
          ),
      ),
  );
}
