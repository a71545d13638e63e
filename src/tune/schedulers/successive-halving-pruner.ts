import { InvalidParameterError } from '../../errors.js';
import { isWritableStudyView } from '../pruner-hook.js';
import type { Direction, FrozenTrial, Pruner, StudyView } from '../types.js';
import { lastStep } from './intermediate.js';

export interface SuccessiveHalvingPrunerOptions {
  /** Steps before the first rung; 'auto': 1% of the longest completed trial (at least 1). */
  readonly minResource?: number | 'auto';
  /** η: a rung keeps the top 1/η of its trials. */
  readonly reductionFactor?: number;
  /** s: the first rung sits at minResource·η^s. */
  readonly minEarlyStoppingRate?: number;
}

/** System attribute holding a trial's value when it reached rung `rung`. */
export function rungKey(rung: number): string {
  return `completed_rung_${rung}`;
}

/**
 * Asynchronous successive halving (ASHA, Li et al. 2018) with Optuna's semantics: rung k sits
 * at step minResource·η^(s+k); a trial reaching a rung records its value there and goes on
 * only if the value is in the top 1/η of all values recorded at that rung so far (for the
 * first η − 1 trials of a rung: only if it is the best).
 *
 * @example
 * createStudy({ pruner: new SuccessiveHalvingPruner({ minResource: 1, reductionFactor: 3 }) });
 */
export class SuccessiveHalvingPruner implements Pruner {
  readonly options: Readonly<Required<SuccessiveHalvingPrunerOptions>>;
  #minResource: number | null;

  constructor(options: SuccessiveHalvingPrunerOptions = {}) {
    const { minResource = 'auto', reductionFactor = 3, minEarlyStoppingRate = 0 } = options;
    if (minResource !== 'auto' && (!Number.isInteger(minResource) || minResource < 1))
      throw new InvalidParameterError(
        'SuccessiveHalvingPruner',
        'minResource',
        `must be "auto" or a whole number ≥ 1 (got ${minResource})`,
      );
    if (!Number.isInteger(reductionFactor) || reductionFactor < 2)
      throw new InvalidParameterError(
        'SuccessiveHalvingPruner',
        'reductionFactor',
        `must be a whole number ≥ 2 (got ${reductionFactor})`,
      );
    if (!Number.isInteger(minEarlyStoppingRate) || minEarlyStoppingRate < 0)
      throw new InvalidParameterError(
        'SuccessiveHalvingPruner',
        'minEarlyStoppingRate',
        `must be a whole number ≥ 0 (got ${minEarlyStoppingRate})`,
      );
    this.options = Object.freeze({ minResource, reductionFactor, minEarlyStoppingRate });
    this.#minResource = minResource === 'auto' ? null : minResource;
  }

  shouldPrune(study: StudyView, trial: FrozenTrial): boolean {
    if (!isWritableStudyView(study))
      throw new InvalidParameterError(
        'SuccessiveHalvingPruner',
        'study',
        'must let the pruner record rung values (setTrialSystemAttr)',
      );
    const step = lastStep(trial);
    if (step === null) return false;
    this.#minResource ??= estimateMinResource(study.trials(['COMPLETE']));
    if (this.#minResource === null) return false;
    const value = trial.intermediateValues.get(step) as number;
    const { reductionFactor, minEarlyStoppingRate } = this.options;
    let rung = 0;
    while (Object.hasOwn(trial.systemAttrs, rungKey(rung))) rung++;
    const trials = study.trials();
    for (;;) {
      const promotionStep = this.#minResource * reductionFactor ** (minEarlyStoppingRate + rung);
      if (step < promotionStep) return false;
      if (Number.isNaN(value)) return true;
      const key = rungKey(rung);
      study.setTrialSystemAttr(trial.number, key, value);
      const competing = [value];
      for (const other of trials)
        if (other.number !== trial.number && Object.hasOwn(other.systemAttrs, key))
          competing.push(other.systemAttrs[key] as number);
      if (!isPromotable(value, competing, reductionFactor, study.directions[0])) return true;
      rung++;
    }
  }
}

function estimateMinResource(completed: readonly FrozenTrial[]): number | null {
  let longest = -1;
  for (const trial of completed) longest = Math.max(longest, lastStep(trial) ?? -1);
  return longest < 0 ? null : Math.max(Math.floor(longest / 100), 1);
}

/** Whether `value` ranks within the top ⌊n/η⌋ of the n competing values (top 1 when that is 0). */
function isPromotable(
  value: number,
  competing: number[],
  reductionFactor: number,
  direction: Direction,
): boolean {
  const promotableIndex = Math.max(0, Math.floor(competing.length / reductionFactor) - 1);
  competing.sort((a, b) => a - b);
  if (direction === 'maximize') return value >= competing[competing.length - 1 - promotableIndex];
  return value <= competing[promotableIndex];
}
