/**
 * Search-space distributions, Optuna's semantics: a float or int range (optionally on a log
 * scale, optionally on a step grid) or a list of categorical choices. Samplers work on an
 * "internal" number per parameter: the log of the value on log scales, the choice index for
 * categoricals, the value itself otherwise.
 */
import type { Rng } from '../data/rng.js';
import { InvalidParameterError } from '../errors.js';

export type CategoricalChoice = string | number | boolean | null;
export type ParamValue = number | CategoricalChoice;

export interface FloatDistribution {
  readonly kind: 'float';
  readonly low: number;
  readonly high: number;
  readonly log: boolean;
  /** Values are low + k·step when set (not with log). */
  readonly step: number | null;
}

export interface IntDistribution {
  readonly kind: 'int';
  readonly low: number;
  readonly high: number;
  readonly log: boolean;
  /** Values are low + k·step (1 by default; must be 1 with log). */
  readonly step: number;
}

export interface CategoricalDistribution {
  readonly kind: 'categorical';
  readonly choices: readonly CategoricalChoice[];
}

export type Distribution = FloatDistribution | IntDistribution | CategoricalDistribution;

export interface RangeOptions {
  readonly log?: boolean;
  readonly step?: number;
}

function fail(name: string, problem: string, value?: unknown): never {
  const shown = value === undefined ? '' : ` (got ${JSON.stringify(value)})`;
  throw new InvalidParameterError('search space', name, `${problem}${shown}`);
}

/** A validated float distribution; bad ranges throw InvalidParameterError naming `name`. */
export function floatDistribution(
  name: string,
  low: number,
  high: number,
  options: RangeOptions = {},
): FloatDistribution {
  const log = options.log ?? false;
  const step = options.step ?? null;
  if (!Number.isFinite(low) || !Number.isFinite(high))
    fail(name, 'bounds must be finite numbers', [low, high]);
  if (low > high) fail(name, `low must be ≤ high`, [low, high]);
  if (log && low <= 0) fail(name, 'a log scale needs low > 0', low);
  if (step !== null) {
    if (log) fail(name, 'step and log cannot be combined');
    if (!(step > 0) || !Number.isFinite(step)) fail(name, 'step must be a positive number', step);
  }
  return Object.freeze({ kind: 'float', low, high, log, step });
}

/** A validated int distribution; bounds and step must be whole numbers. */
export function intDistribution(
  name: string,
  low: number,
  high: number,
  options: RangeOptions = {},
): IntDistribution {
  const log = options.log ?? false;
  const step = options.step ?? 1;
  if (!Number.isInteger(low) || !Number.isInteger(high))
    fail(name, 'bounds must be whole numbers', [low, high]);
  if (low > high) fail(name, 'low must be ≤ high', [low, high]);
  if (log && low < 1) fail(name, 'a log scale needs low ≥ 1', low);
  if (!Number.isInteger(step) || step < 1) fail(name, 'step must be a whole number ≥ 1', step);
  if (log && step !== 1) fail(name, 'step must be 1 on a log scale', step);
  return Object.freeze({ kind: 'int', low, high, log, step });
}

/** A validated categorical distribution: at least one choice, no duplicates. */
export function categoricalDistribution(
  name: string,
  choices: readonly CategoricalChoice[],
): CategoricalDistribution {
  if (choices.length === 0) fail(name, 'needs at least one choice');
  if (new Set(choices).size !== choices.length) fail(name, 'choices must be distinct', choices);
  for (const choice of choices)
    if (typeof choice === 'number' && Number.isNaN(choice)) fail(name, 'NaN is not a choice');
  return Object.freeze({ kind: 'categorical', choices: Object.freeze([...choices]) });
}

/** Whether two distributions are the same (a parameter may only ever have one). */
export function sameDistribution(a: Distribution, b: Distribution): boolean {
  if (a.kind !== b.kind) return false;
  if (a.kind === 'categorical') {
    const bc = (b as CategoricalDistribution).choices;
    return a.choices.length === bc.length && a.choices.every((c, i) => c === bc[i]);
  }
  const br = b as FloatDistribution | IntDistribution;
  return a.low === br.low && a.high === br.high && a.log === br.log && a.step === br.step;
}

/** Whether `value` is a value the distribution can produce. */
export function contains(d: Distribution, value: ParamValue): boolean {
  if (d.kind === 'categorical') return d.choices.includes(value as CategoricalChoice);
  if (typeof value !== 'number' || value < d.low || value > d.high) return false;
  if (d.kind === 'int') return Number.isInteger(value) && (value - d.low) % d.step === 0;
  if (d.step === null) return true;
  const k = (value - d.low) / d.step;
  return Math.abs(k - Math.round(k)) < 1e-8;
}

/** The sampler-side number of a value: log on log scales, choice index for categoricals. */
export function toInternal(d: Distribution, value: ParamValue): number {
  if (d.kind === 'categorical') return d.choices.indexOf(value as CategoricalChoice);
  return d.log ? Math.log(value as number) : (value as number);
}

/**
 * The value for an internal number: exp on log scales, rounded onto the step grid (ints,
 * stepped floats) and clipped into [low, high]; the choice at an index for categoricals.
 */
export function fromInternal(d: Distribution, internal: number): ParamValue {
  if (d.kind === 'categorical') {
    const index = Math.min(d.choices.length - 1, Math.max(0, Math.round(internal)));
    return d.choices[index];
  }
  let value = d.log ? Math.exp(internal) : internal;
  const step = d.step;
  if (step !== null) value = d.low + Math.round((value - d.low) / step) * step;
  if (d.kind === 'int') value = Math.round(value);
  // The largest grid point may sit below high when (high − low) is not a multiple of step.
  const top =
    step === null
      ? d.high
      : Math.min(d.high, d.low + Math.floor((d.high - d.low) / step + 1e-9) * step);
  return Math.min(top, Math.max(d.low, value));
}

/**
 * Internal bounds [low, high] a sampler draws from: log bounds on log scales; ints and stepped
 * floats widened by half a step (as Optuna does) so every grid point has the same share; [−0.5, n − 0.5] for n
 * choices.
 */
export function internalBounds(d: Distribution): readonly [number, number] {
  if (d.kind === 'categorical') return [-0.5, d.choices.length - 0.5];
  const half = d.step === null ? 0 : d.step / 2;
  if (d.log) return [Math.log(d.low - (d.kind === 'int' ? 0.5 : 0)), Math.log(d.high + half)];
  return [d.low - half, d.high + half];
}

/** One value drawn uniformly (log-uniformly on log scales) from the distribution. */
export function sampleUniform(d: Distribution, rng: Rng): ParamValue {
  if (d.kind === 'categorical') return d.choices[rng.nextInt(d.choices.length)];
  const [low, high] = internalBounds(d);
  return fromInternal(d, rng.uniform(low, high));
}
