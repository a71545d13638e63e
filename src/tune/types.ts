/**
 * The tuning engine's contracts: trials as samplers and pruners see them, and the two plug-in
 * interfaces. Modelled on Optuna (define-by-run; a sampler proposes one parameter at a time,
 * optionally a whole "relative" search space at the start of a trial).
 */
import type { Distribution, ParamValue } from './distributions.js';

export type Direction = 'minimize' | 'maximize';

export type TrialState = 'WAITING' | 'RUNNING' | 'COMPLETE' | 'PRUNED' | 'FAIL';

/** A trial as recorded: everything a sampler or pruner may read. */
export interface FrozenTrial {
  /** 0, 1, 2, … in creation order within the study. */
  readonly number: number;
  readonly state: TrialState;
  /** Objective values (one per direction) once COMPLETE; null before. */
  readonly values: readonly number[] | null;
  readonly params: Readonly<Record<string, ParamValue>>;
  readonly distributions: Readonly<Record<string, Distribution>>;
  /** Reported intermediate values, step → value, in report order. */
  readonly intermediateValues: ReadonlyMap<number, number>;
  readonly userAttrs: Readonly<Record<string, unknown>>;
  /** Set by a sampler or the study (e.g. a constant-liar's pending flag, a failure reason). */
  readonly systemAttrs: Readonly<Record<string, unknown>>;
  /** Milliseconds since the epoch. */
  readonly startedAt: number | null;
  readonly completedAt: number | null;
}

/** What samplers and pruners see of a study. */
export interface StudyView {
  /** The study's name (Hyperband hashes it with the trial number to pick a bracket). */
  readonly name: string;
  readonly directions: readonly Direction[];
  /** Trials in number order, optionally only those in `states`. */
  trials(states?: readonly TrialState[]): readonly FrozenTrial[];
}

/**
 * Proposes parameter values. `sampleIndependent` is required; the relative pair lets a
 * sampler draw several parameters jointly (multivariate TPE, CMA-ES, GP) at the start of a
 * trial; parameters outside that space fall back to `sampleIndependent`.
 */
export interface Sampler {
  inferRelativeSearchSpace?(study: StudyView, trial: FrozenTrial): Record<string, Distribution>;
  sampleRelative?(
    study: StudyView,
    trial: FrozenTrial,
    searchSpace: Readonly<Record<string, Distribution>>,
  ): Record<string, ParamValue>;
  sampleIndependent(
    study: StudyView,
    trial: FrozenTrial,
    name: string,
    distribution: Distribution,
  ): ParamValue;
  /** Called once a trial ends (any state), e.g. to update a population. */
  afterTrial?(study: StudyView, trial: FrozenTrial): void;
}

/** Decides whether a running trial should stop early, from its reported values. */
export interface Pruner {
  shouldPrune(study: StudyView, trial: FrozenTrial): boolean;
}
