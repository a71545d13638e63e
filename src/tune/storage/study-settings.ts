import { InvalidParameterError } from '../../errors.js';

/** What every worker of a persisted study agrees on; fixed when the study is created. */
export interface StudySettings {
  /** How often a worker marks its running trials alive, ms. A trial silent for three is failed. */
  readonly heartbeatIntervalMs: number;
  /** New trials the study may start in all, across workers; null: no limit. */
  readonly maxTrials: number | null;
  /** How many times the parameters of a trial failed by a lost worker are tried again. */
  readonly retryFailedTrials: number;
  /** What `argmin worker` runs: a module path (absolute) exporting `objective`, or null. */
  readonly objective: string | null;
}

export interface StudySettingsOptions {
  readonly heartbeatIntervalMs?: number;
  readonly maxTrials?: number;
  readonly retryFailedTrials?: number;
  readonly objective?: string;
}

/** Intervals a trial's heartbeat may miss before the trial counts as orphaned. */
export const MISSED_HEARTBEATS = 3;

export function resolveStudySettings(options: StudySettingsOptions): StudySettings {
  const { heartbeatIntervalMs = 5000, maxTrials, retryFailedTrials = 0, objective } = options;
  if (!(Number.isFinite(heartbeatIntervalMs) && heartbeatIntervalMs >= 10))
    throw new InvalidParameterError(
      'openStudy',
      'heartbeatIntervalMs',
      `must be a number of milliseconds ≥ 10 (got ${heartbeatIntervalMs})`,
    );
  if (maxTrials !== undefined && !(Number.isInteger(maxTrials) && maxTrials >= 1))
    throw new InvalidParameterError(
      'openStudy',
      'maxTrials',
      `must be a whole number ≥ 1 (got ${maxTrials})`,
    );
  if (!(Number.isInteger(retryFailedTrials) && retryFailedTrials >= 0))
    throw new InvalidParameterError(
      'openStudy',
      'retryFailedTrials',
      `must be a whole number ≥ 0 (got ${retryFailedTrials})`,
    );
  if (objective !== undefined && (typeof objective !== 'string' || objective.trim() === ''))
    throw new InvalidParameterError('openStudy', 'objective', 'must be a non-empty module path');
  return Object.freeze({
    heartbeatIntervalMs,
    maxTrials: maxTrials ?? null,
    retryFailedTrials,
    objective: objective ?? null,
  });
}
