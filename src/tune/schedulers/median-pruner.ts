import { InvalidParameterError } from '../../errors.js';
import type { FrozenTrial, Pruner, StudyView } from '../types.js';
import { bestIntermediateValue, lastStep, nanPercentile } from './intermediate.js';

export interface MedianPrunerOptions {
  /** No pruning until this many trials have completed. */
  readonly nStartupTrials?: number;
  /** No pruning of a trial before this step. */
  readonly nWarmupSteps?: number;
  /** Prune decisions only at every `intervalSteps`-th step after the warm-up. */
  readonly intervalSteps?: number;
}

function wholeAtLeast(value: number, minimum: number, option: string): number {
  if (!Number.isInteger(value) || value < minimum)
    throw new InvalidParameterError(
      'MedianPruner',
      option,
      `must be a whole number ≥ ${minimum} (got ${value})`,
    );
  return value;
}

/**
 * Median stopping (Optuna's MedianPruner): prunes a trial whose best value so far is worse
 * than the median of the completed trials' values at the same step.
 *
 * @example
 * createStudy({ pruner: new MedianPruner({ nStartupTrials: 5, nWarmupSteps: 10 }) });
 */
export class MedianPruner implements Pruner {
  readonly options: Readonly<Required<MedianPrunerOptions>>;

  constructor(options: MedianPrunerOptions = {}) {
    this.options = Object.freeze({
      nStartupTrials: wholeAtLeast(options.nStartupTrials ?? 5, 0, 'nStartupTrials'),
      nWarmupSteps: wholeAtLeast(options.nWarmupSteps ?? 0, 0, 'nWarmupSteps'),
      intervalSteps: wholeAtLeast(options.intervalSteps ?? 1, 1, 'intervalSteps'),
    });
  }

  shouldPrune(study: StudyView, trial: FrozenTrial): boolean {
    const { nStartupTrials, nWarmupSteps, intervalSteps } = this.options;
    const completed = study.trials(['COMPLETE']);
    if (completed.length === 0 || completed.length < nStartupTrials) return false;
    const step = lastStep(trial);
    if (step === null || step < nWarmupSteps) return false;
    if (!isFirstReportInInterval(trial, step, nWarmupSteps, intervalSteps)) return false;
    const direction = study.directions[0];
    const best = bestIntermediateValue(trial, direction);
    if (Number.isNaN(best)) return true;
    const atStep: number[] = [];
    for (const other of completed) {
      const value = other.intermediateValues.get(step);
      if (value !== undefined) atStep.push(value);
    }
    const median = nanPercentile(atStep, 50);
    if (Number.isNaN(median)) return false;
    return direction === 'minimize' ? best > median : best < median;
  }
}

/**
 * Whether `step` is the trial's first report at or after the latest pruning point
 * (warm-up + k·interval), so a trial reporting irregularly is still judged once per interval.
 */
function isFirstReportInInterval(
  trial: FrozenTrial,
  step: number,
  nWarmupSteps: number,
  intervalSteps: number,
): boolean {
  const pruningPoint =
    Math.floor((step - nWarmupSteps) / intervalSteps) * intervalSteps + nWarmupSteps;
  let previous = -1;
  for (const s of trial.intermediateValues.keys()) if (s !== step && s > previous) previous = s;
  return previous < pruningPoint;
}
