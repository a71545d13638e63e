import { InvalidParameterError } from '../../errors.js';
import type { WritableStudyView } from '../pruner-hook.js';
import { isWritableStudyView } from '../pruner-hook.js';
import type { FrozenTrial, Pruner, StudyView, TrialState } from '../types.js';
import { crc32 } from './crc32.js';
import { SuccessiveHalvingPruner } from './successive-halving-pruner.js';

export interface HyperbandPrunerOptions {
  readonly minResource?: number;
  /** The most steps a trial runs (e.g. boosting rounds at full budget). */
  readonly maxResource: number;
  readonly reductionFactor?: number;
}

/**
 * Hyperband (Li et al. 2017) as Optuna runs it: several successive-halving brackets with
 * increasing early-stopping rates; each trial joins one bracket chosen by a CRC-32 hash of
 * "studyName_trialNumber", weighted by each bracket's trial budget, and competes only with
 * trials of its bracket.
 *
 * @example
 * createStudy({ pruner: new HyperbandPruner({ minResource: 1, maxResource: 81 }) });
 */
export class HyperbandPruner implements Pruner {
  readonly options: Readonly<Required<HyperbandPrunerOptions>>;
  readonly bracketCount: number;
  readonly #brackets: readonly SuccessiveHalvingPruner[];
  /** Trials each bracket receives per `#totalBudget`, as in Hyperband's n_i. */
  readonly #budgets: readonly number[];
  readonly #totalBudget: number;

  constructor(options: HyperbandPrunerOptions) {
    const { minResource = 1, maxResource, reductionFactor = 3 } = options;
    if (!Number.isInteger(minResource) || minResource < 1)
      throw new InvalidParameterError(
        'HyperbandPruner',
        'minResource',
        `must be a whole number ≥ 1 (got ${minResource})`,
      );
    if (!Number.isInteger(maxResource) || maxResource < minResource)
      throw new InvalidParameterError(
        'HyperbandPruner',
        'maxResource',
        `must be a whole number ≥ minResource (got ${maxResource})`,
      );
    if (!Number.isInteger(reductionFactor) || reductionFactor < 2)
      throw new InvalidParameterError(
        'HyperbandPruner',
        'reductionFactor',
        `must be a whole number ≥ 2 (got ${reductionFactor})`,
      );
    this.options = Object.freeze({ minResource, maxResource, reductionFactor });
    // The epsilon keeps exact powers (e.g. 243 = 3^5) from flooring one bracket short.
    this.bracketCount =
      Math.floor(Math.log(maxResource / minResource) / Math.log(reductionFactor) + 1e-9) + 1;
    const brackets: SuccessiveHalvingPruner[] = [];
    const budgets: number[] = [];
    for (let id = 0; id < this.bracketCount; id++) {
      brackets.push(
        new SuccessiveHalvingPruner({ minResource, reductionFactor, minEarlyStoppingRate: id }),
      );
      const s = this.bracketCount - 1 - id;
      budgets.push(Math.ceil((this.bracketCount * reductionFactor ** s) / (s + 1)));
    }
    this.#brackets = brackets;
    this.#budgets = budgets;
    this.#totalBudget = budgets.reduce((a, b) => a + b, 0);
  }

  /** The bracket (0 … bracketCount − 1) a trial of the named study belongs to. */
  bracketOf(studyName: string, trialNumber: number): number {
    let n = crc32(`${studyName}_${trialNumber}`) % this.#totalBudget;
    for (let id = 0; id < this.bracketCount; id++) {
      n -= this.#budgets[id];
      if (n < 0) return id;
    }
    return this.bracketCount - 1;
  }

  shouldPrune(study: StudyView, trial: FrozenTrial): boolean {
    if (!isWritableStudyView(study))
      throw new InvalidParameterError(
        'HyperbandPruner',
        'study',
        'must let the pruner record rung values (setTrialSystemAttr)',
      );
    const bracket = this.bracketOf(study.name, trial.number);
    return this.#brackets[bracket].shouldPrune(
      this.#bracketView(study, study.name, bracket),
      trial,
    );
  }

  #bracketView(study: WritableStudyView, studyName: string, bracket: number): WritableStudyView {
    return {
      name: studyName,
      directions: study.directions,
      trials: (states?: readonly TrialState[]) =>
        study.trials(states).filter((t) => this.bracketOf(studyName, t.number) === bracket),
      setTrialSystemAttr: (trialNumber, key, value) =>
        study.setTrialSystemAttr(trialNumber, key, value),
    };
  }
}
