import { TrialBudgetExhaustedError } from '../errors.js';
import type { ResolvedOptimizeOptions } from './study-options.js';
import type { Trial } from './trial.js';
import { TrialPruned } from './trial-pruned.js';
import type { FrozenTrial } from './types.js';

/** An objective: the value(s) to optimise for the trial's suggested parameters. */
export type Objective = (
  trial: Trial,
) => number | readonly number[] | Promise<number | readonly number[]>;

/** The slice of a study the optimisation loop drives. */
export interface OptimizeHost {
  ask(): Promise<Trial>;
  tell(trial: Trial, outcome: number | readonly number[] | 'PRUNED'): Promise<FrozenTrial>;
  /** Fails the trial if it is still RUNNING. */
  fail(trialNumber: number, reason: string): Promise<void>;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Why `optimize` returned. */
export type OptimizeStop = 'trials' | 'timeout' | 'budget' | 'aborted';

/**
 * `concurrency` workers, each asking for a trial, awaiting the objective and telling the
 * result, until the trial budget or the deadline is reached. The storage claims each trial
 * atomically, so two workers never run the same one.
 */
export async function runOptimize(
  host: OptimizeHost,
  objective: Objective,
  options: ResolvedOptimizeOptions,
): Promise<OptimizeStop> {
  const deadline = Date.now() + options.timeout;
  let started = 0;
  let stopped = false;
  let budgetSpent = false;
  let firstError: { error: unknown } | null = null;

  const runOne = async (trial: Trial): Promise<void> => {
    let outcome: number | readonly number[];
    try {
      outcome = await withTimeLimit(objective(trial), options.trialTimeout);
    } catch (error) {
      if (error instanceof TrialPruned) {
        await host.tell(trial, 'PRUNED');
        return;
      }
      await host.fail(
        trial.number,
        error instanceof TrialTimeLimit ? error.message : `objective threw: ${messageOf(error)}`,
      );
      if (!options.catch && !(error instanceof TrialTimeLimit)) {
        stopped = true;
        firstError ??= { error };
      }
      return;
    }
    try {
      await host.tell(trial, outcome);
    } catch (error) {
      // A wrong number or type of values: the objective's fault, so its trial fails.
      await host.fail(trial.number, messageOf(error));
    }
  };

  const worker = async (): Promise<void> => {
    while (
      !stopped &&
      options.signal?.aborted !== true &&
      started < options.trials &&
      Date.now() < deadline
    ) {
      started++;
      let trial: Trial;
      try {
        trial = await host.ask();
      } catch (error) {
        // A persisted study's shared budget is spent (by this worker or others): stop quietly.
        if (error instanceof TrialBudgetExhaustedError) {
          stopped = budgetSpent = true;
          return;
        }
        throw error;
      }
      await runOne(trial);
      // A synchronous objective never leaves the microtask queue: give timers, I/O and signal
      // handlers (Ctrl-C) their turn between trials.
      await new Promise((wake) => setImmediate(wake));
    }
  };

  await Promise.all(Array.from({ length: options.concurrency }, worker));
  if (firstError !== null) throw (firstError as { error: unknown }).error;
  if (budgetSpent) return 'budget';
  if (options.signal?.aborted === true) return 'aborted';
  return started >= options.trials ? 'trials' : 'timeout';
}

/** Thrown inside the loop when a trial outlives `trialTimeout`; its message becomes the reason. */
class TrialTimeLimit extends Error {}

/** The objective's outcome, or a rejection once `limit` ms have passed (Infinity: no limit). */
function withTimeLimit<T>(outcome: T | Promise<T>, limit: number): T | Promise<T> {
  if (!Number.isFinite(limit) || !(outcome instanceof Promise)) return outcome;
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new TrialTimeLimit(`exceeded the per-trial time limit of ${limit} ms`)),
      limit,
    );
  });
  // A late result or error of the abandoned objective must not surface as unhandled.
  outcome.catch(() => undefined);
  return Promise.race([outcome, expired]).finally(() => clearTimeout(timer));
}
