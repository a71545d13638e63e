import { ArgminError } from '../errors.js';

/**
 * Thrown by an objective to stop its trial early; `optimize` records the trial as PRUNED.
 * A signal rather than a failure, so it carries no details.
 *
 * @example
 * trial.report(loss, epoch);
 * if (trial.shouldPrune()) throw new TrialPruned();
 */
export class TrialPruned extends ArgminError {
  constructor(message = 'Trial was pruned') {
    super('ARGMIN_TRIAL_PRUNED', message, 200);
  }
}
