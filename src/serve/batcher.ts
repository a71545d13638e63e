import { OverloadedError } from '../errors.js';

export { OverloadedError };

export interface BatcherOptions {
  /** Coalesce requests at all (default true); off, each request is predicted on its own. */
  readonly enabled?: boolean;
  /** Largest batch, in rows (default 256). */
  readonly maxBatchRows?: number;
  /**
   * How long the first queued request may wait for others, ms (default 0: a batch is whatever
   * arrived by the time the event loop turns, which costs no latency when idle).
   */
  readonly maxDelayMs?: number;
  /**
   * Latency objective, ms (default 10): a batch computed for longer shrinks the batch limit
   * multiplicatively; full batches under it grow it additively (Clipper's AIMD on batch
   * processing time; time spent queued is bounded by `queueLimitRows`).
   */
  readonly latencyObjectiveMs?: number;
  /** Adapt the batch limit (AIMD) to the objective (default true). */
  readonly adaptive?: boolean;
  /** Rows queued past which new requests are shed with 503 (default 4,096). */
  readonly queueLimitRows?: number;
}

/** What a batch did, for metrics. */
export interface BatchReport {
  readonly rows: number;
  readonly requests: number;
  readonly computeMs: number;
  readonly oldestWaitMs: number;
  readonly limit: number;
}

interface Pending<I, O> {
  readonly item: I;
  readonly rows: number;
  readonly at: number;
  readonly resolve: (value: O) => void;
  readonly reject: (error: unknown) => void;
}

const ADDITIVE_STEP = 4;
const DECREASE = 0.75;

/**
 * Adaptive batching in front of a synchronous batch function, after Clipper: requests queue;
 * a batch is cut when it reaches the current limit or the oldest has waited `maxDelayMs`
 * (0 = at the next turn of the event loop, so requests that arrived together go together).
 * The limit follows AIMD against the latency objective: +4 rows after a full batch that met
 * it, ×0.75 after one that did not. Past `queueLimitRows` queued rows, requests are refused with
 * {@link OverloadedError} before they queue.
 *
 * @example
 * const batcher = new AdaptiveBatcher((inputs) => predictAll(inputs), { maxBatchRows: 128 });
 * const result = await batcher.submit(input, input.rows);
 */
export class AdaptiveBatcher<I, O> {
  readonly options: Required<BatcherOptions>;
  readonly #run: (items: readonly I[]) => readonly O[];
  readonly #onBatch: ((report: BatchReport) => void) | undefined;
  #queue: Pending<I, O>[] = [];
  #head = 0;
  #queuedRows = 0;
  #limit: number;
  #scheduled = false;
  #timer: NodeJS.Timeout | undefined;

  constructor(
    run: (items: readonly I[]) => readonly O[],
    options: BatcherOptions = {},
    onBatch?: (report: BatchReport) => void,
  ) {
    this.options = {
      enabled: options.enabled ?? true,
      maxBatchRows: options.maxBatchRows ?? 256,
      maxDelayMs: options.maxDelayMs ?? 0,
      latencyObjectiveMs: options.latencyObjectiveMs ?? 10,
      adaptive: options.adaptive ?? true,
      queueLimitRows: options.queueLimitRows ?? 4096,
    };
    for (const key of ['maxBatchRows', 'queueLimitRows'] as const) {
      if (!Number.isInteger(this.options[key]) || this.options[key] < 1)
        throw new RangeError(`${key} must be a positive integer, got ${this.options[key]}`);
    }
    this.#run = run;
    this.#onBatch = onBatch;
    this.#limit = this.options.adaptive
      ? Math.min(this.options.maxBatchRows, 32)
      : this.options.maxBatchRows;
  }

  /** The current batch limit in rows. */
  get limit(): number {
    return this.#limit;
  }

  /** Rows waiting. */
  get queuedRows(): number {
    return this.#queuedRows;
  }

  /** Queues `item` (`rows` rows) and resolves with its share of the batch's output. */
  submit(item: I, rows: number): Promise<O> {
    if (!this.options.enabled) {
      try {
        const started = performance.now();
        const [out] = this.#run([item]);
        this.#report(rows, 1, performance.now() - started, 0);
        return Promise.resolve(out);
      } catch (error) {
        return Promise.reject(error);
      }
    }
    if (this.#queuedRows > 0 && this.#queuedRows + rows > this.options.queueLimitRows)
      return Promise.reject(
        new OverloadedError(
          `the model's queue holds ${this.#queuedRows} rows (limit ${this.options.queueLimitRows})`,
        ),
      );
    return new Promise<O>((resolve, reject) => {
      this.#queue.push({ item, rows, at: performance.now(), resolve, reject });
      this.#queuedRows += rows;
      if (this.#queuedRows >= this.#limit) this.#flushSoon(true);
      else this.#flushSoon(false);
    });
  }

  /** Runs everything queued now (used when draining). */
  drain(): void {
    while (this.#head < this.#queue.length) this.#flushOne();
  }

  #flushSoon(full: boolean): void {
    if (full && this.#timer !== undefined) {
      clearTimeout(this.#timer);
      this.#timer = undefined;
      this.#scheduled = false;
    }
    if (this.#scheduled) return;
    this.#scheduled = true;
    const flush = (): void => {
      this.#scheduled = false;
      this.#timer = undefined;
      this.#flushOne();
      if (this.#head < this.#queue.length) this.#flushSoon(this.#queuedRows >= this.#limit);
    };
    if (full || this.options.maxDelayMs <= 0) setImmediate(flush);
    else this.#timer = setTimeout(flush, this.options.maxDelayMs);
  }

  #flushOne(): void {
    const start = this.#head;
    let end = start;
    let rows = 0;
    while (
      end < this.#queue.length &&
      (end === start || rows + this.#queue[end].rows <= this.#limit)
    ) {
      rows += this.#queue[end].rows;
      end++;
    }
    if (end === start) return;
    const batch = this.#queue.slice(start, end);
    this.#head = end;
    this.#queuedRows -= rows;
    if (this.#head > 1024 && this.#head * 2 > this.#queue.length) {
      this.#queue = this.#queue.slice(this.#head);
      this.#head = 0;
    }
    const started = performance.now();
    let outputs: readonly O[];
    try {
      outputs = this.#run(batch.map((p) => p.item));
    } catch (error) {
      for (const pending of batch) pending.reject(error);
      return;
    }
    const ended = performance.now();
    const oldestWait = started - batch[0].at;
    // The batch's compute time, not its wait: with a backlog every batch's oldest request has
    // waited past the objective, and shrinking the batches for that would cut throughput just
    // when it is needed (the limit collapsed to one row under an open-loop load). The wait is
    // bounded by the queue limit instead.
    this.#adapt(rows, ended - started);
    for (let k = 0; k < batch.length; k++) batch[k].resolve(outputs[k]);
    this.#report(rows, batch.length, ended - started, oldestWait);
  }

  #adapt(rows: number, latencyMs: number): void {
    if (!this.options.adaptive) return;
    if (latencyMs > this.options.latencyObjectiveMs)
      this.#limit = Math.max(1, Math.floor(this.#limit * DECREASE));
    else if (rows >= this.#limit)
      this.#limit = Math.min(this.options.maxBatchRows, this.#limit + ADDITIVE_STEP);
  }

  #report(rows: number, requests: number, computeMs: number, oldestWaitMs: number): void {
    this.#onBatch?.({ rows, requests, computeMs, oldestWaitMs, limit: this.#limit });
  }
}
