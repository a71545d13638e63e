import { Rng } from '../data/rng.js';
import { InvalidParameterError } from '../errors.js';
import type { Store } from '../store/index.js';

/** One logged request. */
export interface PredictionRecord {
  readonly requestId: string;
  readonly model: string;
  readonly version: number | null;
  readonly endpoint: string;
  readonly role: string;
  /** Epoch ms when the request arrived. */
  readonly at: number;
  readonly latencyMs: number;
  readonly rows: number;
  readonly inputs: unknown;
  readonly outputs: unknown;
}

export interface PredictionLogOptions {
  /** Share of requests recorded, 0–1 (default 0.1). */
  readonly sampleRate?: number;
  /** Write buffered records at least this often, ms (default 1,000). */
  readonly flushIntervalMs?: number;
  /** Write as soon as this many are buffered (default 500). */
  readonly batchSize?: number;
  /** Records buffered past which new ones are dropped (default 20,000). */
  readonly maxBuffered?: number;
  /** Called with how many records were dropped. */
  readonly onDrop?: (count: number) => void;
  readonly seed?: number;
}

/**
 * The prediction log: sampled records of requests (inputs, outputs, model version, latency,
 * request id) buffered in memory and written to the store's `predictions` table in batches by a
 * timer, never on a request's path. A store that falls behind costs dropped records (counted),
 * never a slower answer. `close()` writes what is left.
 *
 * @example
 * const log = new PredictionLog(store, { sampleRate: 0.1 });
 * if (log.sample()) log.record({ requestId, model: 'credit', version: 3, ... });
 * await log.close();
 */
export class PredictionLog {
  readonly options: Required<Omit<PredictionLogOptions, 'onDrop' | 'seed'>>;
  readonly #store: Store;
  readonly #rng: Rng;
  readonly #onDrop: ((count: number) => void) | undefined;
  #buffer: PredictionRecord[] = [];
  #writing: Promise<void> = Promise.resolve();
  #timer: NodeJS.Timeout | undefined;
  #closed = false;
  written = 0;
  dropped = 0;

  constructor(store: Store, options: PredictionLogOptions = {}) {
    this.options = {
      sampleRate: options.sampleRate ?? 0.1,
      flushIntervalMs: options.flushIntervalMs ?? 1000,
      batchSize: options.batchSize ?? 500,
      maxBuffered: options.maxBuffered ?? 20_000,
    };
    const rate = this.options.sampleRate;
    if (!(rate >= 0 && rate <= 1))
      throw new InvalidParameterError(
        'PredictionLog',
        'sampleRate',
        `is ${rate}; give a share from 0 to 1`,
      );
    this.#store = store;
    this.#rng = new Rng(options.seed ?? Date.now());
    this.#onDrop = options.onDrop;
    this.#timer = setInterval(() => void this.flush(), this.options.flushIntervalMs);
    this.#timer.unref();
  }

  /** Whether to record the next request (draws against the sample rate). */
  sample(): boolean {
    const rate = this.options.sampleRate;
    return rate >= 1 || (rate > 0 && this.#rng.next() < rate);
  }

  record(record: PredictionRecord): void {
    if (this.#closed) return;
    if (this.#buffer.length >= this.options.maxBuffered) {
      this.dropped++;
      this.#onDrop?.(1);
      return;
    }
    this.#buffer.push(record);
    if (this.#buffer.length >= this.options.batchSize) void this.flush();
  }

  /** Writes everything buffered; resolves when it is in the store. */
  flush(): Promise<void> {
    this.#writing = this.#writing.then(() => this.#writeAll());
    return this.#writing;
  }

  /** Stops the timer and writes what is left. */
  async close(): Promise<void> {
    this.#closed = true;
    clearInterval(this.#timer);
    await this.flush();
  }

  async #writeAll(): Promise<void> {
    while (this.#buffer.length > 0) {
      const batch = this.#buffer.splice(0, this.options.batchSize);
      try {
        await this.#store.db
          .insertInto('predictions')
          .values(
            batch.map((r) => ({
              request_id: r.requestId,
              model: r.model,
              version: r.version,
              endpoint: r.endpoint,
              role: r.role,
              at: r.at,
              latency_ms: r.latencyMs,
              rows: r.rows,
              inputs: JSON.stringify(r.inputs),
              outputs: JSON.stringify(r.outputs),
            })),
          )
          .execute();
        this.written += batch.length;
      } catch (error) {
        this.dropped += batch.length;
        this.#onDrop?.(batch.length);
        process.emitWarning(
          `argmin: could not write ${batch.length} prediction log records: ${(error as Error).message}`,
        );
      }
    }
  }
}

export interface ListPredictionsOptions {
  readonly model?: string;
  readonly version?: number;
  readonly requestId?: string;
  /** Only records at or after this epoch ms. */
  readonly since?: number;
  /** Most records returned, newest first (default 100). */
  readonly limit?: number;
}

/**
 * Logged predictions, newest first.
 *
 * @example
 * const recent = await listPredictions(store, { model: 'credit', limit: 20 });
 */
export async function listPredictions(
  store: Store,
  options: ListPredictionsOptions = {},
): Promise<PredictionRecord[]> {
  let query = store.db.selectFrom('predictions').selectAll();
  if (options.model !== undefined) query = query.where('model', '=', options.model);
  if (options.version !== undefined) query = query.where('version', '=', options.version);
  if (options.requestId !== undefined) query = query.where('request_id', '=', options.requestId);
  if (options.since !== undefined) query = query.where('at', '>=', options.since);
  const rows = await query
    .orderBy('at', 'desc')
    .limit(options.limit ?? 100)
    .execute();
  return rows.map((r) => ({
    requestId: r.request_id,
    model: r.model,
    version: r.version === null ? null : Number(r.version),
    endpoint: r.endpoint,
    role: r.role,
    at: Number(r.at),
    latencyMs: Number(r.latency_ms),
    rows: Number(r.rows),
    inputs: JSON.parse(r.inputs) as unknown,
    outputs: JSON.parse(r.outputs) as unknown,
  }));
}
