import { InvalidParameterError } from '../errors.js';
import { UniformSampler } from './default-sampler.js';
import { MedianPruner } from './schedulers/median-pruner.js';
import type { Direction, FrozenTrial, Pruner, Sampler } from './types.js';

export interface CreateStudyOptions {
  readonly name?: string;
  /** Single objective; default 'minimize'. Give `directions` instead for several objectives. */
  readonly direction?: Direction;
  readonly directions?: readonly Direction[];
  /** Default: a uniform random sampler seeded with `seed`. */
  readonly sampler?: Sampler;
  /** Default: MedianPruner(), as in Optuna. */
  readonly pruner?: Pruner;
  /** Seeds the default sampler (give your own sampler its seed instead). */
  readonly seed?: number;
  /** Constraint values of a completed trial; each ≤ 0 means satisfied. */
  readonly constraints?: (trial: FrozenTrial) => readonly number[];
}

export interface ResolvedStudyOptions {
  readonly name: string;
  readonly directions: readonly Direction[];
  readonly sampler: Sampler;
  readonly pruner: Pruner;
  readonly constraints: ((trial: FrozenTrial) => readonly number[]) | null;
}

export interface OptimizeOptions {
  /** How many trials this call runs (enqueued ones included). */
  readonly trials?: number;
  /** Milliseconds after which no new trial starts; running ones finish. */
  readonly timeout?: number;
  /** Trials in flight at once (async objectives interleave); default 1. */
  readonly concurrency?: number;
  /** Default true: a throwing objective fails its trial and the study goes on. */
  readonly catch?: boolean;
  /** Called with each trial this call ran, once it is COMPLETE, PRUNED or FAIL. */
  readonly onTrialEnd?: (trial: FrozenTrial) => void;
  /** Once aborted, no new trial starts (running ones finish): e.g. Ctrl-C. */
  readonly signal?: AbortSignal;
  /**
   * Milliseconds a trial may run: past it, the trial is failed and the study goes on. An async
   * objective is not stopped (JavaScript cannot cancel it) — its late result is ignored; a
   * synchronous one cannot be interrupted at all: use ThreadObjective's `timeLimitMs` for those.
   */
  readonly trialTimeout?: number;
}

export interface ResolvedOptimizeOptions {
  readonly trials: number;
  readonly timeout: number;
  readonly concurrency: number;
  readonly catch: boolean;
  readonly onTrialEnd: ((trial: FrozenTrial) => void) | null;
  readonly signal: AbortSignal | null;
  readonly trialTimeout: number;
}

function checkDirection(direction: unknown, option: string): Direction {
  if (direction !== 'minimize' && direction !== 'maximize')
    throw new InvalidParameterError(
      'createStudy',
      option,
      `must be "minimize" or "maximize" (got ${JSON.stringify(direction)})`,
    );
  return direction;
}

export function resolveStudyOptions(options: CreateStudyOptions): ResolvedStudyOptions {
  const { direction, directions, seed } = options;
  if (direction !== undefined && directions !== undefined)
    throw new InvalidParameterError(
      'createStudy',
      'directions',
      'cannot be combined with "direction"',
    );
  if (directions !== undefined && (!Array.isArray(directions) || directions.length === 0))
    throw new InvalidParameterError('createStudy', 'directions', 'must be a non-empty array');
  const resolvedDirections = (directions ?? [direction ?? 'minimize']).map((d, i) =>
    checkDirection(d, directions === undefined ? 'direction' : `directions[${i}]`),
  );
  if (
    options.name !== undefined &&
    (typeof options.name !== 'string' || options.name.trim() === '')
  )
    throw new InvalidParameterError('createStudy', 'name', 'must be a non-empty string');
  if (seed !== undefined && !Number.isInteger(seed))
    throw new InvalidParameterError('createStudy', 'seed', `must be an integer (got ${seed})`);
  if (seed !== undefined && options.sampler !== undefined)
    throw new InvalidParameterError(
      'createStudy',
      'seed',
      'seeds the default sampler only: seed your sampler instead',
    );
  if (options.constraints !== undefined && typeof options.constraints !== 'function')
    throw new InvalidParameterError(
      'createStudy',
      'constraints',
      'must be a function of the trial',
    );
  return Object.freeze({
    name: options.name ?? `study-${crypto.randomUUID()}`,
    directions: Object.freeze(resolvedDirections),
    sampler: options.sampler ?? new UniformSampler(seed),
    pruner: options.pruner ?? new MedianPruner(),
    constraints: options.constraints ?? null,
  });
}

export function resolveOptimizeOptions(options: OptimizeOptions): ResolvedOptimizeOptions {
  const { trials, timeout, concurrency = 1 } = options;
  if (trials === undefined && timeout === undefined)
    throw new InvalidParameterError(
      'optimize',
      'trials',
      'or "timeout" must be given, or the study would never end',
    );
  if (trials !== undefined && (!Number.isInteger(trials) || trials < 1))
    throw new InvalidParameterError(
      'optimize',
      'trials',
      `must be a whole number ≥ 1 (got ${trials})`,
    );
  if (timeout !== undefined && !(timeout > 0 && Number.isFinite(timeout)))
    throw new InvalidParameterError(
      'optimize',
      'timeout',
      `must be a positive number of milliseconds (got ${timeout})`,
    );
  if (!Number.isInteger(concurrency) || concurrency < 1)
    throw new InvalidParameterError(
      'optimize',
      'concurrency',
      `must be a whole number ≥ 1 (got ${concurrency})`,
    );
  if (options.catch !== undefined && typeof options.catch !== 'boolean')
    throw new InvalidParameterError('optimize', 'catch', 'must be true or false');
  if (options.trialTimeout !== undefined && !(options.trialTimeout > 0))
    throw new InvalidParameterError(
      'optimize',
      'trialTimeout',
      `must be a positive number of milliseconds (got ${options.trialTimeout})`,
    );
  if (options.onTrialEnd !== undefined && typeof options.onTrialEnd !== 'function')
    throw new InvalidParameterError('optimize', 'onTrialEnd', 'must be a function of the trial');
  return Object.freeze({
    onTrialEnd: options.onTrialEnd ?? null,
    signal: options.signal ?? null,
    trialTimeout: options.trialTimeout ?? Infinity,
    trials: trials ?? Infinity,
    timeout: timeout ?? Infinity,
    concurrency,
    catch: options.catch ?? true,
  });
}
