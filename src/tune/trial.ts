import { InvalidParameterError, StoreConflictError } from '../errors.js';
import type { CategoricalChoice, Distribution, ParamValue, RangeOptions } from './distributions.js';
import {
  categoricalDistribution,
  contains,
  floatDistribution,
  intDistribution,
  sameDistribution,
} from './distributions.js';
import type { WritableStudyView } from './pruner-hook.js';
import type { TrialStorage } from './trial-storage.js';
import type { FrozenTrial, Pruner, Sampler } from './types.js';

/** Key of an enqueued trial's fixed parameters in its system attributes. */
export const FIXED_PARAMS_KEY = 'fixedParams';

/** What a trial needs from its study; built by `Study.ask`. */
export interface TrialContext {
  readonly storage: TrialStorage;
  readonly study: WritableStudyView;
  readonly sampler: Sampler;
  readonly pruner: Pruner;
  readonly relativeSpace: Readonly<Record<string, Distribution>>;
  readonly relativeParams: Readonly<Record<string, ParamValue>>;
}

/**
 * One evaluation of the objective, define-by-run: each `suggest*` call both declares a
 * parameter and returns its value, so conditional spaces are ordinary `if`s.
 *
 * @example
 * const x = trial.suggestFloat('lr', 1e-4, 1, { log: true });
 * const depth = trial.suggestInt('depth', 2, 8);
 * trial.report(loss, epoch);
 * if (trial.shouldPrune()) throw new TrialPruned();
 */
export class Trial {
  readonly number: number;
  readonly #context: TrialContext;

  constructor(context: TrialContext, trialNumber: number) {
    this.#context = context;
    this.number = trialNumber;
  }

  /** Parameters suggested so far. */
  get params(): Readonly<Record<string, ParamValue>> {
    return this.#frozen().params;
  }

  get distributions(): Readonly<Record<string, Distribution>> {
    return this.#frozen().distributions;
  }

  get userAttrs(): Readonly<Record<string, unknown>> {
    return this.#frozen().userAttrs;
  }

  suggestFloat(name: string, low: number, high: number, options: RangeOptions = {}): number {
    return this.#suggest(name, floatDistribution(name, low, high, options)) as number;
  }

  suggestInt(name: string, low: number, high: number, options: RangeOptions = {}): number {
    return this.#suggest(name, intDistribution(name, low, high, options)) as number;
  }

  suggestCategorical<T extends CategoricalChoice>(name: string, choices: readonly T[]): T {
    return this.#suggest(name, categoricalDistribution(name, choices)) as T;
  }

  /**
   * Records an intermediate objective value at `step` (a whole number ≥ 0: epoch, boosting
   * round). NaN is stored and pruners treat it as hopeless; a step reported twice keeps its
   * first value, as in Optuna.
   */
  report(value: number, step: number): void {
    if (typeof value !== 'number')
      throw new InvalidParameterError(
        'trial.report',
        'value',
        `must be a number (got ${typeof value})`,
      );
    if (!Number.isInteger(step) || step < 0)
      throw new InvalidParameterError(
        'trial.report',
        'step',
        `must be a whole number ≥ 0 (got ${step})`,
      );
    this.#context.storage.setIntermediateValue(this.number, step, value);
  }

  /** Whether the study's pruner wants this trial stopped, given what it has reported. */
  shouldPrune(): boolean {
    const { study, pruner } = this.#context;
    if (study.directions.length > 1)
      throw new InvalidParameterError(
        'trial.shouldPrune',
        'directions',
        'has several objectives: pruning supports single-objective studies only',
      );
    return pruner.shouldPrune(study, this.#frozen());
  }

  setUserAttr(key: string, value: unknown): void {
    this.#context.storage.setUserAttr(this.number, key, value);
  }

  #frozen(): FrozenTrial {
    return this.#context.storage.get(this.number);
  }

  #suggest(name: string, distribution: Distribution): ParamValue {
    const frozen = this.#frozen();
    if (frozen.state !== 'RUNNING')
      throw new StoreConflictError(
        `Cannot suggest "${name}" on trial ${this.number}: it is ${frozen.state}, not RUNNING`,
      );
    const previous = frozen.distributions[name];
    if (previous !== undefined) {
      if (!sameDistribution(previous, distribution))
        throw new InvalidParameterError(
          'search space',
          name,
          `was already suggested in this trial with another distribution (${JSON.stringify(previous)}); a parameter keeps one distribution`,
        );
      return frozen.params[name];
    }
    const value = this.#choose(frozen, name, distribution);
    this.#context.storage.setParam(this.number, name, distribution, value);
    return value;
  }

  #choose(frozen: FrozenTrial, name: string, distribution: Distribution): ParamValue {
    const fixed = frozen.systemAttrs[FIXED_PARAMS_KEY] as Record<string, ParamValue> | undefined;
    if (fixed !== undefined && Object.hasOwn(fixed, name)) {
      const value = fixed[name];
      if (!contains(distribution, value))
        throw new InvalidParameterError(
          'enqueued trial',
          name,
          `has value ${JSON.stringify(value)}, outside its distribution ${JSON.stringify(distribution)}`,
        );
      return value;
    }
    const { relativeSpace, relativeParams, sampler, study } = this.#context;
    const relative = relativeSpace[name];
    if (
      relative !== undefined &&
      Object.hasOwn(relativeParams, name) &&
      sameDistribution(relative, distribution)
    )
      return relativeParams[name];
    return sampler.sampleIndependent(study, frozen, name, distribution);
  }
}
