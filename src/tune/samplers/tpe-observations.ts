import type { Distribution } from '../distributions.js';
import { sameDistribution, toInternal } from '../distributions.js';
import type { FrozenTrial, StudyView } from '../types.js';

/** The good trials and the rest, as internal values of the parameters asked about. */
export interface SplitObservations {
  /** Row-major internal values (trials × parameters), in trial order. */
  readonly below: Float64Array;
  readonly above: Float64Array;
  readonly nBelow: number;
  readonly nAbove: number;
}

/**
 * Optuna's ranking for the split, as a (primary, secondary) key pair written at `at`:
 * complete trials first by value; then pruned trials by the last reported step (later is
 * better) and their value there; pruned trials with no reports and, with the constant liar,
 * running trials last (the worst). NaN values rank as +∞.
 */
function writeRankKey(
  trial: FrozenTrial,
  sign: number,
  primary: Float64Array,
  secondary: Float64Array,
  at: number,
): void {
  let rank = Infinity;
  let value = Infinity;
  if (trial.state === 'COMPLETE') {
    rank = -Infinity;
    value = sign * (trial.values?.[0] ?? Number.NaN);
  } else if (trial.state === 'PRUNED') {
    let lastStep = -Infinity;
    for (const step of trial.intermediateValues.keys()) if (step > lastStep) lastStep = step;
    if (lastStep === -Infinity) value = 0;
    else {
      rank = -lastStep;
      value = sign * (trial.intermediateValues.get(lastStep) as number);
    }
  }
  primary[at] = rank;
  secondary[at] = Number.isNaN(value) ? Infinity : value;
}

/**
 * Splits the complete and pruned trials (and running ones when `constantLiar`) as Optuna 3.1
 * does: all of them are ranked and the best `gamma(n)` are "below" (n counts the finished ones),
 * then each side keeps only the trials holding all of `names` with the same distributions. In a
 * conditional space a parameter's "below" set is thus the good trials overall that used it —
 * empty while its branch has produced none, so the sampler explores the branch from the prior
 * rather than refining its least bad trials.
 *
 * @example
 * const { below, nBelow } = splitObservations(study, ['x'], [x], false, defaultGamma);
 */
export function splitObservations(
  study: StudyView,
  names: readonly string[],
  distributions: readonly Distribution[],
  constantLiar: boolean,
  gamma: (n: number) => number,
): SplitObservations {
  const sign = study.directions[0] === 'maximize' ? -1 : 1;
  const states = constantLiar
    ? (['COMPLETE', 'PRUNED', 'RUNNING'] as const)
    : (['COMPLETE', 'PRUNED'] as const);
  const used = study.trials(states);
  const n = used.length;
  const holds = new Uint8Array(n);
  let finished = 0;
  for (let t = 0; t < n; t++) {
    const trial = used[t];
    if (trial.state !== 'RUNNING') finished++;
    let hasAll = true;
    for (let p = 0; p < names.length && hasAll; p++) {
      const seen = trial.distributions[names[p]];
      hasAll =
        seen !== undefined &&
        (seen === distributions[p] || sameDistribution(seen, distributions[p]));
    }
    holds[t] = hasAll ? 1 : 0;
  }
  const primary = new Float64Array(n);
  const secondary = new Float64Array(n);
  for (let t = 0; t < n; t++) writeRankKey(used[t], sign, primary, secondary, t);
  const order = new Int32Array(n);
  for (let t = 0; t < n; t++) order[t] = t;
  // Ties keep trial order; ±∞ keys compare with < rather than by subtraction (∞ − ∞ is NaN).
  order.sort((i, j) =>
    primary[i] !== primary[j]
      ? primary[i] < primary[j]
        ? -1
        : 1
      : secondary[i] !== secondary[j]
        ? secondary[i] < secondary[j]
          ? -1
          : 1
        : i - j,
  );
  const rankedBelow = Math.max(0, Math.min(n, Math.floor(gamma(finished))));
  const isBelow = new Uint8Array(n);
  for (let r = 0; r < rankedBelow; r++) isBelow[order[r]] = 1;
  let nBelow = 0;
  let nAbove = 0;
  for (let t = 0; t < n; t++) {
    if (holds[t] === 0) continue;
    if (isBelow[t] === 1) nBelow++;
    else nAbove++;
  }
  const d = names.length;
  const below = new Float64Array(nBelow * d);
  const above = new Float64Array(nAbove * d);
  let b = 0;
  let a = 0;
  for (let t = 0; t < n; t++) {
    if (holds[t] === 0) continue;
    const target = isBelow[t] === 1 ? below : above;
    const row = isBelow[t] === 1 ? b++ : a++;
    for (let p = 0; p < d; p++)
      target[row * d + p] = toInternal(distributions[p], used[t].params[names[p]]);
  }
  return { below, above, nBelow, nAbove };
}

/** Optuna's default gamma: the best 10 % of observations, at most 25. */
export function defaultGamma(n: number): number {
  return Math.min(Math.ceil(0.1 * n), 25);
}

/** Optuna's default weights: the 25 newest at 1, older ones ramped linearly up from 1/n. */
export function defaultWeights(n: number): Float64Array {
  const weights = new Float64Array(n).fill(1);
  const ramp = n - 25;
  if (ramp > 0) {
    for (let i = 0; i < ramp; i++)
      weights[i] = ramp === 1 ? 1 / n : 1 / n + ((1 - 1 / n) * i) / (ramp - 1);
  }
  return weights;
}
