import type { Direction, FrozenTrial } from '../types.js';

/** The largest step a trial has reported, or null before its first report. */
export function lastStep(trial: FrozenTrial): number | null {
  let last: number | null = null;
  for (const step of trial.intermediateValues.keys()) if (last === null || step > last) last = step;
  return last;
}

/** The trial's best reported value over all steps, ignoring NaN; NaN when all are NaN. */
export function bestIntermediateValue(trial: FrozenTrial, direction: Direction): number {
  let best = Number.NaN;
  for (const value of trial.intermediateValues.values()) {
    if (Number.isNaN(value)) continue;
    if (Number.isNaN(best) || (direction === 'minimize' ? value < best : value > best))
      best = value;
  }
  return best;
}

/** numpy.nanpercentile with linear interpolation; NaN when no value is a number. */
export function nanPercentile(values: readonly number[], percentile: number): number {
  const sorted = values.filter((v) => !Number.isNaN(v)).sort((a, b) => a - b);
  if (sorted.length === 0) return Number.NaN;
  const position = ((sorted.length - 1) * percentile) / 100;
  const below = Math.floor(position);
  const above = Math.min(sorted.length - 1, below + 1);
  return sorted[below] + (sorted[above] - sorted[below]) * (position - below);
}
