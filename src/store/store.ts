import type { Kysely } from 'kysely';
import { StoreError, StoreNotFoundError } from '../errors.js';
import type { ActiveRun, RunContext } from './active-run.js';
import type { ArtifactStore } from './artifacts/artifact-store.js';
import { DEFAULT_ARTIFACT_ROOT, LocalArtifactStore } from './artifacts/local-artifact-store.js';
import type { StoreConnection, StoreDialect } from './connect.js';
import { connectStore, parseStoreUri, resolveStoreUri } from './connect.js';
import { registerForExit, unregisterForExit } from './exit-hooks.js';
import type { ExitParticipant } from './exit-hooks.js';
import type { CreateExperimentOptions } from './experiments.js';
import {
  DEFAULT_EXPERIMENT,
  createExperimentRow,
  ensureExperimentRow,
  experimentFromRow,
  requireExperimentRow,
  setExperimentLifecycle,
  setExperimentTag,
} from './experiments.js';
import { hydrateRuns } from './hydrate-runs.js';
import type { Experiment, MetricPoint, RunRecord } from './records.js';
import { experimentRunIds, metricHistory, purgeRun, setRunLifecycle } from './run-queries.js';
import type { ExperimentRow, LifecycleStage, StoreDatabase } from './schema.js';
import { searchRuns } from './search-runs.js';
import type { RunQuery, RunSearchPage } from './search-runs.js';
import { insertRun } from './start-run.js';
import type { StartRunOptions } from './start-run.js';
import { writeBufferedOnExit } from './sync-exit-writer.js';

export interface StoreOptions {
  /** Folder of the local artifact store. Default `./.argmin/artifacts`. */
  readonly artifactRoot?: string;
  /** Another artifact store (an S3 one, say); overrides `artifactRoot`. */
  readonly artifacts?: ArtifactStore;
  /** Buffered points per run that start a background flush. Default 5,000. */
  readonly flushSize?: number;
  /** Longest a logged point waits before a background flush, in ms. Default 200. */
  readonly flushIntervalMs?: number;
  /** Flush on process exit and signals (see exit-hooks.ts). Default true. */
  readonly handleExit?: boolean;
}

type LifecycleFilter = LifecycleStage | 'all';

/**
 * The tracking store: experiments, runs with their params, tags, metrics, inputs and artifacts,
 * on SQLite or PostgreSQL. Open it with {@link openStore}.
 */
export class Store {
  readonly db: Kysely<StoreDatabase>;
  readonly dialect: StoreDialect;
  readonly uri: string;
  readonly artifacts: ArtifactStore;
  readonly #connection: StoreConnection;
  readonly #openRuns = new Set<ActiveRun>();
  readonly #experiments = new Map<string, ExperimentRow>();
  readonly #runContext: RunContext;
  readonly #exitParticipant: ExitParticipant | undefined;
  #closed = false;

  constructor(connection: StoreConnection, options: StoreOptions = {}) {
    this.#connection = connection;
    this.db = connection.db;
    this.dialect = connection.dialect;
    this.uri = connection.uri;
    this.artifacts =
      options.artifacts ?? new LocalArtifactStore(options.artifactRoot ?? DEFAULT_ARTIFACT_ROOT);
    this.#runContext = Object.freeze({
      connection,
      artifacts: this.artifacts,
      flushSize: options.flushSize ?? 5000,
      flushIntervalMs: options.flushIntervalMs ?? 200,
      ended: (run: ActiveRun) => this.#openRuns.delete(run),
    });
    if (options.handleExit ?? true) {
      this.#exitParticipant = this.#exitHooks();
      registerForExit(this.#exitParticipant);
    }
  }

  // ---- experiments

  async createExperiment(name: string, options?: CreateExperimentOptions): Promise<Experiment> {
    return experimentFromRow(this.db, await createExperimentRow(this.#connection, name, options));
  }

  /** By id or name; StoreNotFoundError when neither matches. */
  async getExperiment(idOrName: string): Promise<Experiment> {
    return experimentFromRow(this.db, await requireExperimentRow(this.db, idOrName));
  }

  /** Experiments by name; active ones unless told otherwise. */
  async listExperiments(lifecycle: LifecycleFilter = 'active'): Promise<Experiment[]> {
    let query = this.db.selectFrom('experiments').selectAll().orderBy('name');
    if (lifecycle !== 'all') query = query.where('lifecycle_stage', '=', lifecycle);
    const rows = await query.execute();
    return Promise.all(rows.map((row) => experimentFromRow(this.db, row)));
  }

  async setExperimentTag(idOrName: string, key: string, value: string): Promise<void> {
    await setExperimentTag(this.#connection, idOrName, key, value);
  }

  /** Soft delete: the experiment and its runs stay stored; no new runs may start in it. */
  async deleteExperiment(idOrName: string): Promise<void> {
    this.#experiments.clear();
    await setExperimentLifecycle(this.#connection, idOrName, 'deleted');
  }

  async restoreExperiment(idOrName: string): Promise<void> {
    this.#experiments.clear();
    await setExperimentLifecycle(this.#connection, idOrName, 'active');
  }

  // ---- runs

  /**
   * Starts a run (status RUNNING) in an experiment, creating the experiment when no experiment
   * has that name. The run records where it came from: git commit, command line, argmin
   * version and host.
   */
  async startRun(options: StartRunOptions = {}): Promise<ActiveRun> {
    this.#assertOpen();
    const experimentName = options.experiment ?? DEFAULT_EXPERIMENT;
    let experiment = this.#experiments.get(experimentName);
    if (experiment === undefined) {
      experiment = await ensureExperimentRow(this.#connection, experimentName);
      this.#experiments.set(experimentName, experiment);
    }
    const run = await insertRun(this.#runContext, experiment, options);
    this.#openRuns.add(run);
    return run;
  }

  /** A run with its params, tags, latest metrics and inputs; StoreNotFoundError when absent. */
  async getRun(runId: string): Promise<RunRecord> {
    const [record] = await hydrateRuns(this.db, [runId]);
    if (record === undefined) throw new StoreNotFoundError('Run', runId);
    return record;
  }

  async metricHistory(runId: string, key: string): Promise<MetricPoint[]> {
    return metricHistory(this.db, runId, key);
  }

  /** An experiment's runs, newest first. */
  async listRuns(experiment: string, lifecycle: LifecycleFilter = 'active'): Promise<RunRecord[]> {
    const row = await requireExperimentRow(this.db, experiment);
    return hydrateRuns(this.db, await experimentRunIds(this.db, row.experiment_id, lifecycle));
  }

  /**
   * Runs matching a filter (`metrics.auc > 0.9 and params.model = 'gbdt'`), ordered and paged
   * with keyset tokens; see src/store/filter for the language.
   */
  async searchRuns(query: RunQuery = {}): Promise<RunSearchPage> {
    return searchRuns(this.#connection, query);
  }

  /** Soft delete: hidden from searches by default, restorable. */
  async deleteRun(runId: string): Promise<void> {
    await setRunLifecycle(this.#connection, runId, 'deleted');
  }

  async restoreRun(runId: string): Promise<void> {
    await setRunLifecycle(this.#connection, runId, 'active');
  }

  /** Deletes a run for good, with everything logged to it and its artifacts. */
  async purgeRun(runId: string): Promise<void> {
    await purgeRun(this.#connection, this.artifacts, runId);
  }

  // ---- lifecycle

  /** Flushes every open run of this store. */
  async flush(): Promise<void> {
    await Promise.all([...this.#openRuns].map((run) => run.flush()));
  }

  /** Flushes every open run (they stay RUNNING), removes the exit hooks, closes the connection. */
  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    try {
      await this.flush();
    } finally {
      if (this.#exitParticipant !== undefined) unregisterForExit(this.#exitParticipant);
      await this.#connection.close();
    }
  }

  #assertOpen(): void {
    if (this.#closed) throw new StoreError(`Store ${this.uri} is closed`);
  }

  #exitHooks(): ExitParticipant {
    const location = parseStoreUri(this.uri);
    return {
      hasUnflushed: () => [...this.#openRuns].some((run) => run.hasUnflushed()),
      flushAll: () => this.flush(),
      interrupt: async () => {
        await Promise.allSettled([...this.#openRuns].map((run) => run.end('KILLED')));
        await this.close();
      },
      flushSync: () => {
        if (location.dialect === 'sqlite' && location.target !== ':memory:' && !this.#closed)
          writeBufferedOnExit(location.target, this.#openRuns);
      },
    };
  }
}

/**
 * Opens (creating and migrating as needed) the store at `uri`: `sqlite:path`, `postgres://…`,
 * or, when omitted, `ARGMIN_STORE` or `sqlite:./.argmin/argmin.db`.
 *
 * @example
 * const store = await openStore('sqlite:./.argmin/argmin.db');
 * const run = await store.startRun({ experiment: 'credit', params: { learner: 'gbdt' } });
 * run.logMetric('auc', 0.91);
 * await run.end();
 * await store.close();
 */
export async function openStore(uri?: string, options: StoreOptions = {}): Promise<Store> {
  return new Store(await connectStore(resolveStoreUri(uri)), Object.freeze({ ...options }));
}
