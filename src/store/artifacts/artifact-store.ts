/** One stored artifact file. */
export interface ArtifactEntry {
  /** Relative to the run's artifact folder, `/`-separated. */
  readonly path: string;
  /** Bytes. */
  readonly size: number;
}

/**
 * Where run artifacts live, addressed by run id and a relative `/`-separated path. The local
 * folder store implements it now; an S3 store can later, without the run API changing.
 * Every method rejects a path that could escape the store with UnsafePathError.
 */
export interface ArtifactStore {
  /** The URI recorded as a run's `artifact_uri`, e.g. `file:///…/artifacts/<runId>`. */
  uriFor(runId: string): string;
  /** Writes atomically: readers see the old content or the new, never a partial file. */
  put(runId: string, path: string, data: Uint8Array | string): Promise<void>;
  /** Copies a local file in (atomically, as put). */
  putFile(runId: string, path: string, localFile: string): Promise<void>;
  /** The artifact's bytes; StoreNotFoundError when absent. */
  get(runId: string, path: string): Promise<Uint8Array>;
  exists(runId: string, path: string): Promise<boolean>;
  /** Every file under `prefix` (default: all of the run's), sorted by path. */
  list(runId: string, prefix?: string): Promise<ArtifactEntry[]>;
  /** Removes one artifact (a file or a folder); absent is fine. */
  delete(runId: string, path: string): Promise<void>;
  /** Removes every artifact of a run. */
  deleteRun(runId: string): Promise<void>;
}
