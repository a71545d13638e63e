import { basename } from 'node:path';
import { InvalidParameterError, StoreError } from '../errors.js';
import type { ArtifactStore } from './artifacts/artifact-store.js';
import type { StoreConnection } from './connect.js';
import type { DatasetInput } from './dataset-input.js';
import { linkInput } from './link-input.js';
import type { MetricBatch } from './metric-buffer.js';
import { MetricBuffer } from './metric-buffer.js';
import type { LoggedValue } from './run-values.js';
import { insertParams, upsertTags } from './run-values.js';
import type { RunStatus } from './schema.js';
import { writeMetrics } from './write-metrics.js';
import { writeTransaction } from './write-transaction.js';

/** What an ActiveRun needs from its store. */
export interface RunContext {
  readonly connection: Pick<StoreConnection, 'db' | 'dialect'>;
  readonly artifacts: ArtifactStore;
  /** Buffered points that start a background flush. */
  readonly flushSize: number;
  /** Longest a point waits in the buffer, in ms. */
  readonly flushIntervalMs: number;
  ended(run: ActiveRun): void;
}

export interface MetricOptions {
  /** Integer; defaults to one past the last step logged for this key by this run (0 first). */
  readonly step?: number;
  /** Milliseconds since the epoch; defaults to now. */
  readonly timestamp?: number;
}

const finalStatuses: readonly RunStatus[] = ['FINISHED', 'FAILED', 'KILLED'];

/**
 * A run being logged to. `logMetric` only appends to an in-memory buffer and returns; a
 * background flush writes the buffer in one transaction (history rows and latest_metrics
 * together) once `flushSize` points are waiting or `flushIntervalMs` has passed. `flush()` and
 * `end()` resolve when everything logged before them is committed.
 *
 * @example
 * const run = await store.startRun({ experiment: 'credit', params: { lr: 0.1 } });
 * for (let epoch = 0; epoch < 100; epoch++) run.logMetric('loss', losses[epoch]);
 * await run.end();
 */
export class ActiveRun {
  readonly id: string;
  readonly experimentId: string;
  readonly name: string;
  readonly artifactUri: string;
  readonly #context: RunContext;
  readonly #buffer = new MetricBuffer();
  readonly #nextStep = new Map<string, number>();
  #timer: NodeJS.Timeout | undefined;
  #flushing: Promise<void> | undefined;
  #inTransaction = false;
  #failure: unknown;
  #ending = false;

  constructor(
    context: RunContext,
    run: { id: string; experimentId: string; name: string; artifactUri: string },
  ) {
    this.#context = context;
    this.id = run.id;
    this.experimentId = run.experimentId;
    this.name = run.name;
    this.artifactUri = run.artifactUri;
  }

  /** Whether `end()` was called. */
  get ended(): boolean {
    return this.#ending;
  }

  /**
   * Buffers one point and returns at once. NaN and ±Infinity are kept exactly.
   * Throws when the run has ended or the arguments are malformed.
   */
  logMetric(key: string, value: number, options?: MetricOptions): void {
    if (this.#ending) throw new StoreError(`Run ${this.id} has ended; start a new run to log more`);
    if (typeof key !== 'string' || key === '')
      throw new InvalidParameterError('logMetric', 'key', 'must be a non-empty string');
    if (typeof value !== 'number')
      throw new InvalidParameterError(
        'logMetric',
        'value',
        `must be a number, got ${typeof value}`,
      );
    let step = options?.step;
    if (step === undefined) step = this.#nextStep.get(key) ?? 0;
    else if (!Number.isSafeInteger(step))
      throw new InvalidParameterError('logMetric', 'step', `must be an integer, got ${step}`);
    const timestamp = options?.timestamp ?? Date.now();
    if (!Number.isSafeInteger(timestamp))
      throw new InvalidParameterError('logMetric', 'timestamp', 'must be integer milliseconds');
    this.#nextStep.set(key, step + 1);
    this.#buffer.push(key, step, timestamp, value);
    if (this.#buffer.length >= this.#context.flushSize) this.#startFlush();
    else if (this.#timer === undefined) {
      this.#timer = setTimeout(() => this.#startFlush(), this.#context.flushIntervalMs);
      this.#timer.unref(); // a pending flush must not keep the process alive; 'beforeExit' flushes
    }
  }

  /** Logs a param; logging a key again with a different value is a StoreConflictError. */
  async logParam(key: string, value: LoggedValue): Promise<void> {
    await this.logParams({ [key]: value });
  }

  /** Logs several params in one transaction (all or none). */
  async logParams(params: Readonly<Record<string, LoggedValue>>): Promise<void> {
    await writeTransaction(this.#context.connection, (trx) => insertParams(trx, this.id, params));
  }

  /** Sets a tag (tags, unlike params, may change). */
  async setTag(key: string, value: LoggedValue): Promise<void> {
    await writeTransaction(this.#context.connection, (trx) =>
      upsertTags(trx, this.id, { [key]: value }),
    );
  }

  /** Records that this run used `dataset` (for `context`: 'train', 'validation', ...); returns its id. */
  async logInput(dataset: DatasetInput, context = 'train'): Promise<string> {
    return linkInput(this.#context.connection, this.id, dataset, context);
  }

  /** Copies a local file into the run's artifacts, under `artifactPath` (default: its name). */
  async logArtifact(localFile: string, artifactPath: string = basename(localFile)): Promise<void> {
    await this.#context.artifacts.putFile(this.id, artifactPath, localFile);
  }

  /** Writes bytes or text as an artifact of this run. */
  async writeArtifact(artifactPath: string, data: Uint8Array | string): Promise<void> {
    await this.#context.artifacts.put(this.id, artifactPath, data);
  }

  /** Resolves when every point logged so far is committed; rethrows a failed background flush. */
  async flush(): Promise<void> {
    this.#clearTimer();
    while (this.#flushing !== undefined || this.#buffer.length > 0) {
      this.#startFlush();
      await this.#flushing;
      if (this.#failure !== undefined) break;
    }
    if (this.#failure !== undefined) {
      const failure = this.#failure;
      this.#failure = undefined;
      throw failure;
    }
  }

  /** Flushes, then records the final status and end time. Ending twice does nothing. */
  async end(status: RunStatus = 'FINISHED'): Promise<void> {
    if (!finalStatuses.includes(status))
      throw new InvalidParameterError(
        'end',
        'status',
        `must be one of ${finalStatuses.join(', ')}`,
      );
    if (this.#ending) return;
    this.#ending = true;
    try {
      await this.flush();
      await writeTransaction(this.#context.connection, (trx) =>
        trx
          .updateTable('runs')
          .set({ status, end_time: Date.now() })
          .where('run_id', '=', this.id)
          .execute(),
      );
    } finally {
      this.#context.ended(this);
    }
  }

  /** @internal Whether points wait in the buffer or a flush is under way. */
  hasUnflushed(): boolean {
    return this.#buffer.length > 0 || this.#flushing !== undefined;
  }

  /** @internal The buffered points for a synchronous exit writer; undefined while a flush holds the write lock. */
  takeForExit(): MetricBatch | undefined {
    if (this.#inTransaction || this.#buffer.length === 0) return undefined;
    this.#clearTimer();
    return this.#buffer.take();
  }

  /** @internal Whether a flush of this run holds the write lock right now. */
  get inTransaction(): boolean {
    return this.#inTransaction;
  }

  #clearTimer(): void {
    if (this.#timer !== undefined) clearTimeout(this.#timer);
    this.#timer = undefined;
  }

  #startFlush(): void {
    this.#clearTimer();
    if (this.#flushing === undefined && this.#buffer.length > 0)
      this.#flushing = this.#pump().finally(() => {
        this.#flushing = undefined;
      });
  }

  async #pump(): Promise<void> {
    try {
      while (this.#buffer.length > 0) {
        let batch: MetricBatch | undefined;
        const { connection } = this.#context;
        await writeTransaction(connection, (trx) => {
          // Taken once the write lock is held (and kept across a busy retry), so until then the
          // points stay where the exit hook can still write them.
          this.#inTransaction = true;
          batch ??= this.#buffer.take();
          return writeMetrics(trx, connection.dialect, this.id, batch);
        }).finally(() => {
          this.#inTransaction = false;
        });
      }
    } catch (error) {
      this.#failure ??= error;
    }
  }
}
