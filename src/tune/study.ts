import { InvalidParameterError, StoreConflictError, StoreNotFoundError } from '../errors.js';
import type { ParamValue } from './distributions.js';
import { MemoryTrialStorage } from './memory-trial-storage.js';
import { runOptimize, type Objective, type OptimizeStop } from './optimize.js';
import { CONSTRAINTS_KEY, isFeasible, paretoFront } from './pareto.js';
import type { TrialSystemAttrWriter } from './pruner-hook.js';
import type { CreateStudyOptions, OptimizeOptions, ResolvedStudyOptions } from './study-options.js';
import { resolveOptimizeOptions, resolveStudyOptions } from './study-options.js';
import { FIXED_PARAMS_KEY, Trial } from './trial.js';
import type { TrialStorage } from './trial-storage.js';
import type { Direction, FrozenTrial, StudyView, TrialState } from './types.js';

/** Key of a failed trial's reason in its system attributes. */
export const FAIL_REASON_KEY = 'failReason';

/** What `tell` accepts: the objective value(s), or a final state without values. */
export type TellOutcome = number | readonly number[] | 'PRUNED' | 'FAIL';

/** One row of `history()`: a flat view of a trial for tables and plots. */
export interface HistoryRow {
  readonly number: number;
  readonly state: TrialState;
  /** The first objective value, for single-objective tables; null unless COMPLETE. */
  readonly value: number | null;
  readonly values: readonly number[] | null;
  readonly params: Readonly<Record<string, ParamValue>>;
  /** Milliseconds from start to end; null while WAITING or RUNNING. */
  readonly durationMs: number | null;
}

/**
 * A hyper-parameter search: trials, their sampler and pruner, and the best results so far.
 * Runs an objective with `optimize`, or hands trials out with `ask` / `tell`.
 *
 * @example
 * const study = createStudy({ direction: 'minimize', seed: 1 });
 * await study.optimize((trial) => (trial.suggestFloat('x', -5, 5) - 2) ** 2, { trials: 50 });
 * study.bestParams; // { x: ≈2 }
 */
export class Study implements StudyView, TrialSystemAttrWriter {
  readonly name: string;
  readonly directions: readonly Direction[];
  readonly #options: ResolvedStudyOptions;
  readonly #storage: TrialStorage;
  readonly #userAttrs: Record<string, unknown> = {};

  constructor(options: ResolvedStudyOptions, storage: TrialStorage = new MemoryTrialStorage()) {
    this.#options = options;
    this.name = options.name;
    this.directions = options.directions;
    this.#storage = storage;
  }

  /**
   * Brings `trials()` up to date with what other workers of a persisted study did since this
   * study last claimed or finished a trial (both read them anyway); `failOrphans` also fails
   * trials whose worker stopped sending heartbeats. Memory: nothing.
   */
  async refresh(options: { failOrphans?: boolean } = {}): Promise<void> {
    await this.#storage.refresh?.(options);
  }

  /** Writes anything pending and stops the storage's timers (heartbeats); memory: nothing. */
  async close(): Promise<void> {
    await this.#storage.close?.();
  }

  /** The single objective's direction; an error on multi-objective studies. */
  get direction(): Direction {
    this.#requireSingleObjective('direction');
    return this.directions[0];
  }

  get userAttrs(): Readonly<Record<string, unknown>> {
    return Object.freeze({ ...this.#userAttrs });
  }

  setUserAttr(key: string, value: unknown): void {
    this.#userAttrs[key] = value;
  }

  trials(states?: readonly TrialState[]): readonly FrozenTrial[] {
    return this.#storage.all(states);
  }

  setTrialSystemAttr(trialNumber: number, key: string, value: unknown): void {
    this.#storage.setSystemAttr(trialNumber, key, value);
  }

  /** Queues a trial whose suggestions of these names return these values (warm start). */
  async enqueueTrial(params: Readonly<Record<string, ParamValue>>): Promise<void> {
    if (typeof params !== 'object' || params === null || Array.isArray(params))
      throw new InvalidParameterError(
        'enqueueTrial',
        'params',
        'must be an object of name → value',
      );
    await this.#storage.createTrial('WAITING', {
      [FIXED_PARAMS_KEY]: Object.freeze({ ...params }),
    });
  }

  /** Starts the next trial: the oldest enqueued one, else a new one. */
  async ask(): Promise<Trial> {
    const frozen =
      (await this.#storage.claimOrCreate?.()) ??
      (await this.#storage.claimWaiting()) ??
      (await this.#storage.createTrial('RUNNING'));
    const { sampler, pruner } = this.#options;
    let relativeSpace = {};
    let relativeParams = {};
    try {
      if (sampler.inferRelativeSearchSpace !== undefined && sampler.sampleRelative !== undefined) {
        relativeSpace = sampler.inferRelativeSearchSpace(this, frozen);
        if (Object.keys(relativeSpace).length > 0)
          relativeParams = sampler.sampleRelative(this, frozen, relativeSpace);
      }
    } catch (error) {
      await this.#fail(frozen.number, `sampler failed: ${messageOf(error)}`);
      throw error;
    }
    const context = {
      storage: this.#storage,
      study: this,
      sampler,
      pruner,
      relativeSpace,
      relativeParams,
    };
    return new Trial(context, frozen.number);
  }

  /**
   * Ends a running trial with its value(s) (one per direction) or a state. A NaN value fails
   * the trial with the reason in `systemAttrs.failReason`, as Optuna does.
   */
  async tell(trialOrNumber: Trial | number, outcome: TellOutcome): Promise<FrozenTrial> {
    const trialNumber = typeof trialOrNumber === 'number' ? trialOrNumber : trialOrNumber.number;
    const current = this.#storage.get(trialNumber);
    if (current.state !== 'RUNNING')
      throw new StoreConflictError(
        `Cannot tell trial ${trialNumber}: it is ${current.state}; a trial is told once, while RUNNING`,
      );
    if (outcome === 'PRUNED' || outcome === 'FAIL') return this.#finish(trialNumber, outcome, null);
    const values = checkValues(outcome, this.directions.length);
    if (values.some((v) => Number.isNaN(v)))
      return this.#fail(
        trialNumber,
        `objective returned NaN (${JSON.stringify(values.map(String))})`,
      );
    const constraints = this.#options.constraints;
    if (constraints === null) return this.#finish(trialNumber, 'COMPLETE', values);
    const completed = {
      ...current,
      state: 'COMPLETE' as const,
      values: Object.freeze([...values]),
    };
    let constraintValues: readonly number[];
    try {
      constraintValues = constraints(completed);
    } catch (error) {
      return this.#fail(trialNumber, `constraints function threw: ${messageOf(error)}`);
    }
    if (
      !Array.isArray(constraintValues) ||
      constraintValues.some((c) => typeof c !== 'number' || Number.isNaN(c))
    )
      return this.#fail(
        trialNumber,
        `constraints function must return numbers (got ${JSON.stringify(constraintValues)})`,
      );
    return this.#finish(trialNumber, 'COMPLETE', values, {
      [CONSTRAINTS_KEY]: Object.freeze([...constraintValues]),
    });
  }

  /** Runs `objective` on new trials; see OptimizeOptions. Says why it stopped. */
  async optimize(objective: Objective, options: OptimizeOptions): Promise<OptimizeStop> {
    const resolved = resolveOptimizeOptions(options);
    const ended = (trial: FrozenTrial) => {
      resolved.onTrialEnd?.(trial);
      return trial;
    };
    const host = {
      ask: () => this.ask(),
      tell: async (trial: Trial, outcome: TellOutcome) => ended(await this.tell(trial, outcome)),
      // An objective may have told its own trial already; then there is nothing left to fail.
      fail: async (trialNumber: number, reason: string) => {
        if (this.#storage.get(trialNumber).state === 'RUNNING')
          ended(await this.#fail(trialNumber, reason));
      },
    };
    return runOptimize(host, objective, resolved);
  }

  /** The best feasible COMPLETE trial (earliest on ties); single-objective studies only. */
  get bestTrial(): FrozenTrial {
    const direction = this.#requireSingleObjective('bestTrial');
    const sign = direction === 'minimize' ? 1 : -1;
    let best: FrozenTrial | null = null;
    for (const trial of this.#feasibleCompleted()) {
      if (
        best === null ||
        sign * (trial.values as readonly number[])[0] < sign * (best.values as readonly number[])[0]
      )
        best = trial;
    }
    if (best === null)
      throw new StoreNotFoundError(`A completed, feasible trial of study`, this.name);
    return best;
  }

  get bestValue(): number {
    return (this.bestTrial.values as readonly number[])[0];
  }

  get bestParams(): Readonly<Record<string, ParamValue>> {
    return this.bestTrial.params;
  }

  /** The Pareto front: feasible COMPLETE trials no other such trial dominates. */
  get bestTrials(): readonly FrozenTrial[] {
    return paretoFront(this.#feasibleCompleted(), this.directions);
  }

  history(): readonly HistoryRow[] {
    return this.trials().map((t) => ({
      number: t.number,
      state: t.state,
      value: t.values === null ? null : t.values[0],
      values: t.values,
      params: t.params,
      durationMs:
        t.startedAt === null || t.completedAt === null ? null : t.completedAt - t.startedAt,
    }));
  }

  #feasibleCompleted(): FrozenTrial[] {
    return this.trials(['COMPLETE']).filter(isFeasible);
  }

  #requireSingleObjective(what: string): Direction {
    if (this.directions.length !== 1)
      throw new InvalidParameterError(
        'study',
        'directions',
        `has ${this.directions.length} objectives: ${what} needs exactly one (use bestTrials for the Pareto front)`,
      );
    return this.directions[0];
  }

  #fail(trialNumber: number, reason: string): Promise<FrozenTrial> {
    return this.#finish(trialNumber, 'FAIL', null, { [FAIL_REASON_KEY]: reason });
  }

  async #finish(
    trialNumber: number,
    state: 'COMPLETE' | 'PRUNED' | 'FAIL',
    values: readonly number[] | null,
    systemAttrs: Record<string, unknown> = {},
  ): Promise<FrozenTrial> {
    const frozen = await this.#storage.finish(trialNumber, state, values, systemAttrs);
    this.#options.sampler.afterTrial?.(this, frozen);
    return frozen;
  }
}

function checkValues(outcome: unknown, expected: number): readonly number[] {
  const values = typeof outcome === 'number' ? [outcome] : outcome;
  if (!Array.isArray(values) || values.some((v) => typeof v !== 'number'))
    throw new InvalidParameterError(
      'tell',
      'values',
      `must be a number, an array of numbers, "PRUNED" or "FAIL" (got ${JSON.stringify(outcome)})`,
    );
  if (values.length !== expected)
    throw new InvalidParameterError(
      'tell',
      'values',
      `has ${values.length} value(s) but the study has ${expected} direction(s)`,
    );
  return values as readonly number[];
}

export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * A new in-memory study.
 *
 * @example
 * const study = createStudy({ directions: ['minimize', 'maximize'], seed: 3 });
 */
export function createStudy(options: CreateStudyOptions = {}): Study {
  return new Study(resolveStudyOptions(options));
}
