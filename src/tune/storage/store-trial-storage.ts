import { hostname } from 'node:os';
import type { Kysely } from 'kysely';
import { StoreConflictError, StoreNotFoundError, TrialBudgetExhaustedError } from '../../errors.js';
import type { ArtifactStore } from '../../store/artifacts/artifact-store.js';
import type { StoreConnection } from '../../store/connect.js';
import { registerForExit, unregisterForExit } from '../../store/exit-hooks.js';
import type { ExitParticipant } from '../../store/exit-hooks.js';
import { newId } from '../../store/ids.js';
import { upsertTags } from '../../store/run-values.js';
import type { ExperimentRow, StoreDatabase } from '../../store/schema.js';
import { newRunRow } from '../../store/start-run.js';
import { writeTransaction } from '../../store/write-transaction.js';
import type { Distribution, ParamValue } from '../distributions.js';
import type { FinishedState, TrialStorage } from '../trial-storage.js';
import type { FrozenTrial, TrialState } from '../types.js';
import { FAIL_REASON_KEY } from '../study.js';
import { Heartbeat } from './heartbeat.js';
import { encodeJson } from './json-values.js';
import { failOrphans } from './orphans.js';
import type { StudySettings } from './study-settings.js';
import type { TrialRow } from './trial-rows.js';
import {
  documentColumns,
  mirrorTrialToRun,
  nextTrialNumber,
  trialFromRow,
  waitingTrialRow,
  withChanges,
} from './trial-rows.js';

/** The study a storage serves, as its row says. */
export interface StoredStudy {
  readonly id: string;
  readonly name: string;
  readonly experiment: ExperimentRow;
  readonly settings: StudySettings;
}

export interface StoreTrialStorageOptions {
  readonly connection: Pick<StoreConnection, 'db' | 'dialect' | 'uri'>;
  readonly artifacts: Pick<ArtifactStore, 'uriFor'>;
  readonly study: StoredStudy;
  /** Longest a change to a running trial waits before it is written. Default 1,000 ms. */
  readonly flushIntervalMs?: number;
  /** Called when closing: e.g. closes the store the study opened itself. */
  readonly onClose?: () => Promise<void>;
  /** Default true: fail this worker's running trials and close on SIGINT/SIGTERM. */
  readonly handleExit?: boolean;
  /** Parent run of every trial's run; null: none. */
  readonly parentRunId?: string | null;
}

interface Cached {
  trial: FrozenTrial;
  /** The row version this entry reflects (a local change keeps the version it was based on). */
  version: number;
  runId: string | null;
}

/** A unique name for this worker process in heartbeats and run tags. */
function workerName(): string {
  return `${hostname()}:${process.pid}:${newId().slice(0, 6)}`;
}

/**
 * Trials of one study kept in the tracking store (SQLite or PostgreSQL) and shared by every
 * process that opens the study. Reads are served from a cache, brought up to date inside every
 * write transaction (rows whose version is newer than the newest seen); the params, reports and
 * attributes of this worker's running trials are written behind (within `flushIntervalMs`, and
 * always before the trial finishes). Creating, claiming and finishing a trial are transactions
 * that first bump the study's version, which serialises them across processes: a trial number
 * or a waiting trial is handed out once. A heartbeat thread marks this worker's running trials
 * alive; any worker failing to claim finds trials whose heartbeat is older than three intervals
 * and fails them (re-queuing their parameters when the study retries failed trials).
 *
 * @example
 * const study = await openStudy({ store: 'sqlite:./.argmin/argmin.db', name: 'credit-gbdt' });
 */
export class StoreTrialStorage implements TrialStorage {
  readonly workerId = workerName();
  readonly study: StoredStudy;
  readonly #connection: Pick<StoreConnection, 'db' | 'dialect' | 'uri'>;
  readonly #artifacts: Pick<ArtifactStore, 'uriFor'>;
  readonly #flushIntervalMs: number;
  readonly #onClose: (() => Promise<void>) | undefined;
  readonly #cache = new Map<number, Cached>();
  /** Every cached trial at its number's index (numbers are dense), for `all()`. */
  readonly #ordered: FrozenTrial[] = [];
  /** Running trials this worker claimed and has not finished. */
  readonly #mine = new Set<number>();
  /** Of those, the ones with changes not yet written. */
  readonly #dirty = new Set<number>();
  /** Per running trial of ours: how many of its intermediate values its run history holds. */
  readonly #reportsWritten = new Map<number, number>();
  readonly #heartbeat: Heartbeat;
  readonly #exitParticipant: ExitParticipant | null;
  readonly #parentRunId: string | null;
  #seen = 0;
  #allSnapshot: readonly FrozenTrial[] | null = null;
  #flushTimer: NodeJS.Timeout | undefined;
  #closed = false;
  #heartbeatWarned = false;

  private constructor(options: StoreTrialStorageOptions) {
    this.#connection = options.connection;
    this.#artifacts = options.artifacts;
    this.study = options.study;
    this.#flushIntervalMs = options.flushIntervalMs ?? 1000;
    this.#onClose = options.onClose;
    this.#heartbeat = new Heartbeat({
      storeUri: options.connection.uri,
      studyId: options.study.id,
      workerId: this.workerId,
      intervalMs: options.study.settings.heartbeatIntervalMs,
      onError: (message) => this.#warnHeartbeat(message),
    });
    this.#parentRunId = options.parentRunId ?? null;
    this.#exitParticipant =
      options.handleExit === false
        ? null
        : {
            hasUnflushed: () => this.#dirty.size > 0,
            flushAll: () => this.flush(),
            interrupt: () => this.#interrupt(),
            // No synchronous path: a running trial left behind fails by its missing heartbeat.
            flushSync: () => undefined,
          };
    if (this.#exitParticipant !== null) registerForExit(this.#exitParticipant);
  }

  /** Opens the storage of a study whose row exists, with every trial read. */
  static async open(options: StoreTrialStorageOptions): Promise<StoreTrialStorage> {
    const storage = new StoreTrialStorage(options);
    await storage.refresh();
    return storage;
  }

  /**
   * Reads every trial changed since the last read (other workers' trials included);
   * `failOrphans` first fails trials whose heartbeats stopped (a write transaction).
   */
  async refresh(options: { failOrphans?: boolean } = {}): Promise<void> {
    if (options.failOrphans) {
      await this.#write((trx, version, now) => failOrphans(trx, this.study, version, now));
      return;
    }
    const rows = await this.#changedRows(this.#connection.db);
    this.#apply(rows);
  }

  async createTrial(
    state: 'RUNNING' | 'WAITING',
    systemAttrs: Record<string, unknown> = {},
  ): Promise<FrozenTrial> {
    if (state === 'RUNNING') return this.#start(false);
    const number = await this.#write((trx, version, now) =>
      this.#insertTrial(trx, version, now, 'WAITING', systemAttrs),
    );
    return this.get(number);
  }

  async claimWaiting(): Promise<FrozenTrial | null> {
    const number = await this.#write(async (trx, version, now) => {
      await failOrphans(trx, this.study, version, now);
      return this.#claimIn(trx, version, now);
    });
    if (number === null) return null;
    this.#claimed(number);
    return this.get(number);
  }

  async claimOrCreate(): Promise<FrozenTrial> {
    return this.#start(true);
  }

  /**
   * One transaction: fail orphans, then claim the oldest waiting trial (when `claim`) or else
   * create a running one within the budget. A spent budget is reported after the commit, so the
   * orphans failed on the way stay failed.
   */
  async #start(claim: boolean): Promise<FrozenTrial> {
    const number = await this.#write(async (trx, version, now) => {
      await failOrphans(trx, this.study, version, now);
      const claimed = claim ? await this.#claimIn(trx, version, now) : null;
      if (claimed !== null) return claimed;
      if (await this.#budgetSpent(trx)) return null;
      return this.#insertTrial(trx, version, now, 'RUNNING', {});
    });
    if (number === null)
      throw new TrialBudgetExhaustedError(this.study.name, this.study.settings.maxTrials ?? 0);
    this.#claimed(number);
    return this.get(number);
  }

  async #insertTrial(
    trx: Kysely<StoreDatabase>,
    version: number,
    now: number,
    state: 'RUNNING' | 'WAITING',
    systemAttrs: Record<string, unknown>,
  ): Promise<number> {
    const number = await nextTrialNumber(trx, this.study.id);
    const row = waitingTrialRow(this.study.id, number, systemAttrs, version);
    await trx
      .insertInto('trials')
      .values(
        state === 'WAITING'
          ? row
          : { ...row, state, run_id: await this.#insertRun(trx, number), ...this.#ownership(now) },
      )
      .execute();
    return number;
  }

  /** Claims the oldest waiting trial inside the caller's transaction; null when none waits. */
  async #claimIn(trx: Kysely<StoreDatabase>, version: number, now: number): Promise<number | null> {
    let query = trx
      .selectFrom('trials')
      .select('number')
      .where('study_id', '=', this.study.id)
      .where('state', '=', 'WAITING')
      .orderBy('number')
      .limit(1);
    if (this.#connection.dialect === 'postgres') query = query.forUpdate().skipLocked();
    const waiting = await query.executeTakeFirst();
    if (waiting === undefined) return null;
    const number = Number(waiting.number);
    await trx
      .updateTable('trials')
      .set({
        state: 'RUNNING',
        run_id: await this.#insertRun(trx, number),
        ...this.#ownership(now),
        version,
      })
      .where('study_id', '=', this.study.id)
      .where('number', '=', number)
      .execute();
    return number;
  }

  setParam(trialNumber: number, name: string, distribution: Distribution, value: ParamValue): void {
    const trial = this.#running(trialNumber, `set parameter "${name}"`);
    this.#change(trialNumber, {
      params: Object.freeze({ ...trial.params, [name]: value }),
      distributions: Object.freeze({ ...trial.distributions, [name]: distribution }),
    });
  }

  setIntermediateValue(trialNumber: number, step: number, value: number): void {
    const trial = this.#running(trialNumber, 'report an intermediate value');
    if (trial.intermediateValues.has(step)) return;
    const intermediateValues = new Map(trial.intermediateValues);
    intermediateValues.set(step, value);
    this.#change(trialNumber, { intermediateValues });
  }

  setUserAttr(trialNumber: number, key: string, value: unknown): void {
    const trial = this.#running(trialNumber, `set user attribute "${key}"`);
    this.#change(trialNumber, { userAttrs: Object.freeze({ ...trial.userAttrs, [key]: value }) });
  }

  setSystemAttr(trialNumber: number, key: string, value: unknown): void {
    const trial = this.#running(trialNumber, `set system attribute "${key}"`);
    this.#change(trialNumber, {
      systemAttrs: Object.freeze({ ...trial.systemAttrs, [key]: value }),
    });
  }

  async finish(
    trialNumber: number,
    state: FinishedState,
    values: readonly number[] | null,
    systemAttrs: Record<string, unknown> = {},
  ): Promise<FrozenTrial> {
    const trial = this.#running(trialNumber, `mark it ${state}`);
    const finished = withChanges(trial, {
      state,
      values: state === 'COMPLETE' && values !== null ? Object.freeze([...values]) : null,
      systemAttrs: Object.freeze({ ...trial.systemAttrs, ...systemAttrs }),
      completedAt: Date.now(),
    });
    // The finishing write below holds everything; no need to write pending changes first.
    this.#dirty.delete(trialNumber);
    try {
      await this.#write(async (trx, version, _now, reportsWritten) => {
        const result = await trx
          .updateTable('trials')
          .set({
            ...documentColumns(finished),
            state,
            trial_values: finished.values === null ? null : encodeJson(finished.values),
            completed_at: finished.completedAt,
            heartbeat_at: null,
            version,
          })
          .where('study_id', '=', this.study.id)
          .where('number', '=', trialNumber)
          .where('state', '=', 'RUNNING')
          .where('worker_id', '=', this.workerId)
          .executeTakeFirst();
        if (Number(result.numUpdatedRows) === 0)
          throw new StoreConflictError(
            `Trial ${trialNumber} of study "${this.study.name}" is no longer running in this worker: another worker failed it after its heartbeats stopped`,
          );
        const runId = this.#cache.get(trialNumber)?.runId ?? null;
        if (runId !== null)
          await mirrorTrialToRun(
            trx,
            this.#connection.dialect,
            runId,
            finished,
            reportsWritten(trialNumber),
          );
      });
    } catch (error) {
      if (error instanceof StoreConflictError) {
        // Someone else decided this trial's fate: take the store's word for it.
        this.#release(trialNumber);
        await this.refresh();
      }
      throw error;
    }
    this.#release(trialNumber);
    return this.get(trialNumber);
  }

  get(trialNumber: number): FrozenTrial {
    const cached = Number.isInteger(trialNumber) ? this.#cache.get(trialNumber) : undefined;
    if (cached === undefined) throw new StoreNotFoundError('trial', String(trialNumber));
    return cached.trial;
  }

  all(states?: readonly TrialState[]): readonly FrozenTrial[] {
    // A copy of the dense array: O(n) pointer copies after a change, no sort.
    this.#allSnapshot ??= Object.freeze(this.#ordered.filter((t) => t !== undefined));
    if (states === undefined) return this.#allSnapshot;
    return this.#allSnapshot.filter((t) => states.includes(t.state));
  }

  /** Writes the pending changes of this worker's running trials. */
  async flush(): Promise<void> {
    if (this.#dirty.size === 0) return;
    await this.#write(async () => undefined);
  }

  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    clearTimeout(this.#flushTimer);
    try {
      await this.flush();
    } finally {
      if (this.#exitParticipant !== null) unregisterForExit(this.#exitParticipant);
      await this.#heartbeat.stop();
      await this.#onClose?.();
    }
  }

  /**
   * One write transaction: bump the study's version (taking the study's write lock), write this
   * worker's pending trial changes, do `work`, then read every row changed since the last read.
   * The cache changes only after the commit, so a retried or failed transaction leaves it as is.
   */
  async #write<T>(
    work: (
      trx: Kysely<StoreDatabase>,
      version: number,
      now: number,
      reportsWritten: (trialNumber: number) => number,
    ) => Promise<T>,
  ): Promise<T> {
    if (this.#closed && this.#dirty.size === 0)
      throw new StoreConflictError(`Study "${this.study.name}" is closed`);
    const pending = [...this.#dirty];
    this.#dirty.clear();
    let written: Map<number, number>;
    try {
      const { result, rows, reports } = await writeTransaction(this.#connection, async (trx) => {
        const bumped = await trx
          .updateTable('studies')
          .set((eb) => ({ version: eb('version', '+', 1) }))
          .where('study_id', '=', this.study.id)
          .returning('version')
          .executeTakeFirst();
        if (bumped === undefined) throw new StoreNotFoundError('Study', this.study.name);
        const version = Number(bumped.version);
        const reports = await this.#writePending(trx, pending, version);
        const result = await work(
          trx,
          version,
          Date.now(),
          (n) => reports.get(n) ?? this.#reportsWritten.get(n) ?? 0,
        );
        return { result, rows: await this.#changedRows(trx), reports };
      });
      written = reports;
      this.#apply(rows);
      for (const [number, count] of written) this.#reportsWritten.set(number, count);
      return result;
    } catch (error) {
      for (const number of pending) if (this.#mine.has(number)) this.#dirty.add(number);
      throw error;
    }
  }

  /** Writes the current state of the given running trials of ours; returns reports written. */
  async #writePending(
    trx: Kysely<StoreDatabase>,
    numbers: readonly number[],
    version: number,
  ): Promise<Map<number, number>> {
    const reports = new Map<number, number>();
    for (const number of numbers) {
      const cached = this.#cache.get(number);
      if (cached === undefined || !this.#mine.has(number)) continue;
      const result = await trx
        .updateTable('trials')
        .set({ ...documentColumns(cached.trial), version })
        .where('study_id', '=', this.study.id)
        .where('number', '=', number)
        .where('state', '=', 'RUNNING')
        .where('worker_id', '=', this.workerId)
        .executeTakeFirst();
      // Zero rows: another worker failed the trial; finishing it will report that.
      if (Number(result.numUpdatedRows) === 0 || cached.runId === null) continue;
      await mirrorTrialToRun(
        trx,
        this.#connection.dialect,
        cached.runId,
        cached.trial,
        this.#reportsWritten.get(number) ?? 0,
      );
      reports.set(number, cached.trial.intermediateValues.size);
    }
    return reports;
  }

  async #changedRows(db: Kysely<StoreDatabase>): Promise<TrialRow[]> {
    return db
      .selectFrom('trials')
      .selectAll()
      .where('study_id', '=', this.study.id)
      .where('version', '>', this.#seen)
      .execute();
  }

  /** Takes rows into the cache; this worker's running trials keep their local (newer) state. */
  #apply(rows: readonly TrialRow[]): void {
    for (const row of rows) {
      const number = Number(row.number);
      const version = Number(row.version);
      if (version > this.#seen) this.#seen = version;
      const cached = this.#cache.get(number);
      if (cached !== undefined && cached.version >= version) continue;
      const ours = row.state === 'RUNNING' && row.worker_id === this.workerId;
      if (cached !== undefined && this.#mine.has(number) && ours) {
        cached.version = version;
        continue;
      }
      if (this.#mine.has(number) && !ours) this.#release(number);
      const trial = trialFromRow(row);
      this.#cache.set(number, { trial, version, runId: row.run_id });
      this.#ordered[number] = trial;
      this.#allSnapshot = null;
    }
  }

  /** The columns that make a trial this worker's running trial, as of `now`. */
  #ownership(now: number) {
    return { started_at: now, heartbeat_at: now, worker_id: this.workerId };
  }

  #claimed(number: number): void {
    this.#mine.add(number);
    this.#reportsWritten.set(number, 0);
  }

  #release(number: number): void {
    this.#mine.delete(number);
    this.#dirty.delete(number);
    this.#reportsWritten.delete(number);
  }

  #running(trialNumber: number, action: string): FrozenTrial {
    const trial = this.get(trialNumber);
    if (trial.state !== 'RUNNING')
      throw new StoreConflictError(
        `Cannot ${action} on trial ${trialNumber}: it is ${trial.state}, not RUNNING`,
      );
    if (!this.#mine.has(trialNumber))
      throw new StoreConflictError(
        `Cannot ${action} on trial ${trialNumber}: another worker is running it`,
      );
    return trial;
  }

  #change(trialNumber: number, changes: Partial<FrozenTrial>): void {
    const cached = this.#cache.get(trialNumber) as Cached;
    cached.trial = withChanges(cached.trial, changes);
    this.#ordered[trialNumber] = cached.trial;
    this.#allSnapshot = null;
    this.#dirty.add(trialNumber);
    if (this.#flushTimer === undefined && !this.#closed) {
      this.#flushTimer = setTimeout(() => {
        this.#flushTimer = undefined;
        // A failed background write keeps its trials dirty; the next write or finish retries.
        this.flush().catch(() => undefined);
      }, this.#flushIntervalMs);
      this.#flushTimer.unref();
    }
  }

  async #budgetSpent(trx: Kysely<StoreDatabase>): Promise<boolean> {
    const { maxTrials } = this.study.settings;
    if (maxTrials === null) return false;
    const started = await trx
      .selectFrom('trials')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('study_id', '=', this.study.id)
      .where('state', '!=', 'WAITING')
      .executeTakeFirstOrThrow();
    return Number(started.n) >= maxTrials;
  }

  async #insertRun(trx: Kysely<StoreDatabase>, number: number): Promise<string> {
    const row = newRunRow(this.study.experiment, this.#artifacts, {
      name: `${this.study.name}-trial-${number}`,
      ...(this.#parentRunId === null ? {} : { parentRunId: this.#parentRunId }),
    });
    await trx.insertInto('runs').values(row).execute();
    await upsertTags(trx, row.run_id, {
      'argmin.study': this.study.name,
      'argmin.trial': number,
      'argmin.worker': this.workerId,
    });
    return row.run_id;
  }

  /** Once per storage: a worker whose beats fail will see its trials failed by others. */
  #warnHeartbeat(message: string): void {
    if (this.#heartbeatWarned) return;
    this.#heartbeatWarned = true;
    process.emitWarning(
      `Study "${this.study.name}": heartbeat failed (${message}); if it keeps failing, other workers will fail this worker's running trials`,
    );
  }

  /** SIGINT/SIGTERM: this worker's running trials fail now instead of waiting to go stale. */
  async #interrupt(): Promise<void> {
    for (const number of [...this.#mine]) {
      await this.finish(number, 'FAIL', null, {
        [FAIL_REASON_KEY]: 'the worker was interrupted',
      }).catch(() => undefined);
    }
    await this.close().catch(() => undefined);
  }
}
