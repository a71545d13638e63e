import { CONSTRAINTS_KEY, dominates } from '../../pareto.js';
import type { Direction, FrozenTrial } from '../../types.js';

/** Sum of a trial's positive constraint values (0 when feasible or unconstrained). */
export function violation(trial: FrozenTrial): number {
  const constraints = trial.systemAttrs[CONSTRAINTS_KEY] as readonly number[] | undefined;
  return constraints === undefined ? 0 : constraints.reduce((s, c) => s + Math.max(0, c), 0);
}

/**
 * Deb's constrained domination: a feasible trial beats an infeasible one, the smaller violation
 * wins between infeasible ones, and Pareto domination decides between feasible ones.
 */
export function constrainedDominates(
  a: FrozenTrial,
  b: FrozenTrial,
  directions: readonly Direction[],
): boolean {
  const va = violation(a);
  const vb = violation(b);
  if (va === 0 && vb > 0) return true;
  if (va > 0) return vb > 0 && va < vb;
  return dominates(a.values as readonly number[], b.values as readonly number[], directions);
}

/** Fast non-dominated sorting (Deb et al., 2002): fronts of trials, best first. */
export function nondominatedFronts(
  trials: readonly FrozenTrial[],
  directions: readonly Direction[],
): FrozenTrial[][] {
  const n = trials.length;
  const dominatedBy = new Int32Array(n);
  const dominating: number[][] = Array.from({ length: n }, () => []);
  for (let i = 0; i < n; i++)
    for (let j = i + 1; j < n; j++) {
      if (constrainedDominates(trials[i], trials[j], directions)) {
        dominating[i].push(j);
        dominatedBy[j]++;
      } else if (constrainedDominates(trials[j], trials[i], directions)) {
        dominating[j].push(i);
        dominatedBy[i]++;
      }
    }
  const fronts: FrozenTrial[][] = [];
  let current = [...Array(n).keys()].filter((i) => dominatedBy[i] === 0);
  while (current.length > 0) {
    fronts.push(current.map((i) => trials[i]));
    const next: number[] = [];
    for (const i of current)
      for (const j of dominating[i]) if (--dominatedBy[j] === 0) next.push(j);
    current = next.sort((a, b) => a - b);
  }
  return fronts;
}

/** Crowding distance of each trial of one front (∞ at each objective's extremes). */
export function crowdingDistances(front: readonly FrozenTrial[]): Map<number, number> {
  const distance = new Map(front.map((t) => [t.number, 0]));
  if (front.length <= 2) {
    for (const t of front) distance.set(t.number, Infinity);
    return distance;
  }
  const objectives = (front[0].values as readonly number[]).length;
  for (let k = 0; k < objectives; k++) {
    const sorted = [...front].sort(
      (a, b) => (a.values as number[])[k] - (b.values as number[])[k] || a.number - b.number,
    );
    const low = (sorted[0].values as number[])[k];
    const high = (sorted[sorted.length - 1].values as number[])[k];
    distance.set(sorted[0].number, Infinity);
    distance.set(sorted[sorted.length - 1].number, Infinity);
    if (high === low) continue;
    for (let i = 1; i < sorted.length - 1; i++) {
      const gap =
        ((sorted[i + 1].values as number[])[k] - (sorted[i - 1].values as number[])[k]) /
        (high - low);
      distance.set(sorted[i].number, (distance.get(sorted[i].number) as number) + gap);
    }
  }
  return distance;
}

/**
 * The next parent population: whole fronts while they fit, then the most spread-out trials
 * (largest crowding distance) of the first front that does not.
 */
export function selectElite(
  trials: readonly FrozenTrial[],
  size: number,
  directions: readonly Direction[],
): FrozenTrial[] {
  const elite: FrozenTrial[] = [];
  for (const front of nondominatedFronts(trials, directions)) {
    if (elite.length + front.length <= size) {
      elite.push(...front);
      continue;
    }
    const distance = crowdingDistances(front);
    const spread = [...front].sort(
      (a, b) =>
        (distance.get(b.number) as number) - (distance.get(a.number) as number) ||
        a.number - b.number,
    );
    elite.push(...spread.slice(0, size - elite.length));
    break;
  }
  return elite;
}
