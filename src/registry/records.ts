import type { InputSignature } from '../features/index.js';
import type { ModelVersionStatus } from '../store/schema.js';

/** A registered model: a name under which versions of one model are kept. */
export interface RegisteredModel {
  readonly name: string;
  readonly description: string | null;
  /** Milliseconds since the epoch. */
  readonly createdAt: number;
  readonly updatedAt: number;
  readonly tags: Readonly<Record<string, string>>;
  /** Alias → the version it points at. */
  readonly aliases: Readonly<Record<string, number>>;
  /** The highest version number the model holds now, or null when it holds none. */
  readonly latestVersion: number | null;
}

/** One registered version of a model, linked to its artifact and (when known) its run. */
export interface ModelVersion {
  readonly name: string;
  readonly version: number;
  readonly runId: string | null;
  /** A path, a `file://` URI or `runs:/<run_id>/<path>`. */
  readonly artifactUri: string;
  readonly signature: InputSignature | null;
  /** Metric name → value; NaN and ±Infinity survive the round trip. */
  readonly metrics: Readonly<Record<string, number>>;
  readonly description: string | null;
  readonly status: ModelVersionStatus;
  readonly createdAt: number;
  readonly updatedAt: number;
  readonly tags: Readonly<Record<string, string>>;
  /** The aliases pointing at this version, sorted. */
  readonly aliases: readonly string[];
}

/** One alias move, as the audit log keeps it. */
export interface AliasEvent {
  readonly eventId: string;
  readonly name: string;
  readonly alias: string;
  /** null when the alias was created by this move. */
  readonly fromVersion: number | null;
  /** null when the alias was removed by this move. */
  readonly toVersion: number | null;
  readonly actor: string;
  /** Milliseconds since the epoch; strictly increasing per model, so the log has one order. */
  readonly at: number;
  readonly reason: string | null;
}

/** Who did it and why, for anything that moves an alias. */
export interface AuditOptions {
  /** Defaults to the operating-system user name. */
  readonly actor?: string;
  readonly reason?: string;
}
