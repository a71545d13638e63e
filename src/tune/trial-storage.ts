/**
 * Where a study keeps its trials. Every change of a trial's state goes through this interface,
 * so a persistent backend (SQLite, PostgreSQL in the tracking store) can replace the in-memory
 * one without touching `Study` or `Trial`. Implementations enforce the state machine:
 * WAITING → RUNNING → COMPLETE | PRUNED | FAIL, and only RUNNING trials take params, reports
 * and a final state.
 *
 * Reads and the writes of a running trial (params, reports, attributes) are synchronous, so
 * `trial.suggestFloat` stays a plain call; a persistent backend serves them from a cache and
 * writes behind. Creating, claiming and finishing a trial are asynchronous: they are the steps
 * that must be atomic and durable across processes.
 */
import type { Distribution, ParamValue } from './distributions.js';
import type { FrozenTrial, TrialState } from './types.js';

export type FinishedState = Extract<TrialState, 'COMPLETE' | 'PRUNED' | 'FAIL'>;

export interface TrialStorage {
  /** A new trial: RUNNING (started now) or WAITING (enqueued, with its system attributes). */
  createTrial(
    state: 'RUNNING' | 'WAITING',
    systemAttrs?: Record<string, unknown>,
  ): Promise<FrozenTrial>;
  /**
   * Moves the oldest WAITING trial to RUNNING and returns it; null when none waits. Atomic
   * across every process sharing the storage: a waiting trial is claimed once.
   */
  claimWaiting(): Promise<FrozenTrial | null>;
  /**
   * Optional: `claimWaiting() ?? createTrial('RUNNING')` in one step (one transaction for a
   * persistent backend instead of two).
   */
  claimOrCreate?(): Promise<FrozenTrial>;
  setParam(trialNumber: number, name: string, distribution: Distribution, value: ParamValue): void;
  /** Records an intermediate value; a step reported before keeps its first value. */
  setIntermediateValue(trialNumber: number, step: number, value: number): void;
  setUserAttr(trialNumber: number, key: string, value: unknown): void;
  setSystemAttr(trialNumber: number, key: string, value: unknown): void;
  /** Ends a RUNNING trial; `values` only for COMPLETE. Throws StoreConflictError otherwise. */
  finish(
    trialNumber: number,
    state: FinishedState,
    values: readonly number[] | null,
    systemAttrs?: Record<string, unknown>,
  ): Promise<FrozenTrial>;
  /** Throws StoreNotFoundError for an unknown number. */
  get(trialNumber: number): FrozenTrial;
  /** Trials in number order, optionally only those in `states`. */
  all(states?: readonly TrialState[]): readonly FrozenTrial[];
  /**
   * Reads what other processes changed since the last read (persistent backends); with
   * `failOrphans`, first fails running trials whose worker stopped sending heartbeats.
   */
  refresh?(options?: { failOrphans?: boolean }): Promise<void>;
  /** Writes anything pending and releases resources (timers, connections it owns). */
  close?(): Promise<void>;
}
