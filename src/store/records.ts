import type { LifecycleStage, RunStatus } from './schema.js';

/** An experiment as the store API returns it. */
export interface Experiment {
  readonly experimentId: string;
  readonly name: string;
  readonly description: string | null;
  readonly lifecycleStage: LifecycleStage;
  /** Milliseconds since the epoch. */
  readonly createdAt: number;
  readonly updatedAt: number;
  readonly tags: Readonly<Record<string, string>>;
}

/** Every column of a run, camelCase. Times are milliseconds since the epoch. */
export interface RunInfo {
  readonly runId: string;
  readonly experimentId: string;
  readonly name: string;
  /**
   * RUNNING also describes a run whose process died without ending it (SIGKILL, power loss):
   * the store cannot tell the two apart — a reader that cares compares `startTime` or the
   * latest metric timestamp with the clock (a heartbeat is the tuner's business).
   */
  readonly status: RunStatus;
  readonly startTime: number;
  readonly endTime: number | null;
  readonly parentRunId: string | null;
  readonly sourceCommit: string | null;
  readonly sourceCommand: string | null;
  readonly argminVersion: string;
  readonly host: string | null;
  readonly lifecycleStage: LifecycleStage;
  readonly artifactUri: string;
}

/** A metric key's summary, maintained on ingest (see latest_metrics in schema.ts). */
export interface MetricSummary {
  /** The value at the highest step (latest timestamp among equal steps). NaN round-trips. */
  readonly last: number;
  readonly lastStep: number;
  readonly lastTimestamp: number;
  /** The value at the lowest step. */
  readonly first: number;
  readonly firstStep: number;
  readonly firstTimestamp: number;
  /** Ignore NaN; NaN when every value was NaN. */
  readonly min: number;
  readonly max: number;
  readonly count: number;
}

/** One point of a metric's history. */
export interface MetricPoint {
  readonly step: number;
  readonly timestamp: number;
  readonly value: number;
}

/** A dataset a run used, and what for. */
export interface RunInput {
  readonly datasetId: string;
  readonly name: string;
  readonly fingerprint: string;
  readonly context: string;
  readonly rows: number | null;
  readonly columns: number | null;
}

/** A run with everything logged to it, as `getRun` and `searchRuns` return it. */
export interface RunRecord {
  readonly info: RunInfo;
  readonly params: Readonly<Record<string, string>>;
  readonly tags: Readonly<Record<string, string>>;
  readonly metrics: Readonly<Record<string, MetricSummary>>;
  readonly inputs: readonly RunInput[];
}
