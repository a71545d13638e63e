/**
 * Objectives on worker threads: each thread loads the user's module once and runs one trial at
 * a time, so CPU-bound objectives (model fits) use every core while the study, its sampler and
 * its storage stay on the main thread. The trial a thread sees is a proxy: `suggest*`,
 * `shouldPrune` and `report` are synchronous calls answered by the main thread through a
 * SharedArrayBuffer (the thread sleeps in `Atomics.wait` until the answer is there), so the
 * objective reads exactly like one run in-process, conditional spaces and pruning included.
 */
import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { InvalidParameterError } from '../errors.js';
import type { Objective } from './optimize.js';
import type { Trial } from './trial.js';
import { TrialPruned } from './trial-pruned.js';

/** Bytes for one answer (JSON) from the main thread to a worker thread. */
const ANSWER_BYTES = 1 << 20;

/** The thread's program, kept as source so tests (TypeScript) and the package run the same. */
const threadSource = `
const { parentPort, workerData } = require('node:worker_threads');
const { moduleUrl, exportName, answer, shared } = workerData;
const flag = new Int32Array(answer, 0, 2);
const bytes = new Uint8Array(answer, 8);
const decoder = new TextDecoder();

function call(method, args) {
  Atomics.store(flag, 0, 0);
  parentPort.postMessage({ type: 'call', method, args });
  Atomics.wait(flag, 0, 0);
  const reply = JSON.parse(decoder.decode(bytes.slice(0, Atomics.load(flag, 1))));
  if (reply.error !== undefined) {
    const error = new Error(reply.error.message);
    error.name = reply.error.name;
    if (reply.error.code !== undefined) error.code = reply.error.code;
    throw error;
  }
  return reply.value;
}

function trialProxy(number) {
  return {
    number,
    suggestFloat: (...args) => call('suggestFloat', args),
    suggestInt: (...args) => call('suggestInt', args),
    suggestCategorical: (...args) => call('suggestCategorical', args),
    report: (...args) => call('report', args),
    shouldPrune: () => call('shouldPrune', []),
    setUserAttr: (...args) => call('setUserAttr', args),
    get params() { return call('params', []); },
  };
}

const loaded = import(moduleUrl).then((module) => {
  const objective = module[exportName];
  if (typeof objective !== 'function')
    throw new Error('module exports no function "' + exportName + '" (it exports: ' + (Object.keys(module).join(', ') || 'nothing') + ')');
  return objective;
});

parentPort.on('message', async ({ number }) => {
  try {
    const objective = await loaded;
    // The time limit counts from here: loading the module is not the trial's time.
    parentPort.postMessage({ type: 'started' });
    const value = await objective(trialProxy(number), shared);
    // { value, extras }: the value, plus data for the main thread (e.g. predictions).
    if (value !== null && typeof value === 'object' && !Array.isArray(value) && 'value' in value)
      parentPort.postMessage({ type: 'result', value: value.value, extras: value.extras });
    else parentPort.postMessage({ type: 'result', value });
  } catch (error) {
    const pruned = error && (error.code === 'ARGMIN_TRIAL_PRUNED' || error.name === 'TrialPruned');
    parentPort.postMessage({ type: 'result', pruned, error: String(error && error.message !== undefined ? error.message : error) });
  }
});
`;

export interface ThreadObjectiveOptions {
  /** The module's export to call as `objective(trial, shared)`; default 'objective'. */
  readonly exportName?: string;
  /** Threads; default one per core. Run the study with `concurrency` equal to it. */
  readonly threads?: number;
  /**
   * Milliseconds a trial may run before its thread is terminated (and replaced) and the trial
   * failed: the one way to stop a synchronous objective. Default: no limit.
   */
  readonly timeLimitMs?: number;
  /**
   * Receives what an objective returned beside its value, when it returns
   * `{ value, extras }` (structured-cloned: typed arrays arrive as copies).
   */
  readonly onExtras?: (trialNumber: number, extras: unknown) => void;
  /**
   * Data every thread receives as the objective's second argument, once, when it starts:
   * structured-cloned, except SharedArrayBuffers (and typed arrays over them), which all threads
   * share without copies — put training data there.
   */
  readonly shared?: unknown;
}

interface Slot {
  readonly worker: Worker;
  readonly flag: Int32Array;
  readonly bytes: Uint8Array;
  /** The trial it runs now, with the promise to settle; null when idle. */
  job: {
    trial: Trial;
    resolve: (value: number | readonly number[]) => void;
    reject: (error: unknown) => void;
    timer: NodeJS.Timeout | undefined;
  } | null;
  /** Set when the time limit terminated the thread, so its exit explains itself. */
  expired: boolean;
}

/**
 * A pool of threads running one module's objective, as an {@link Objective} for
 * `study.optimize`. Close it when the study is done.
 *
 * @example
 * const pool = new ThreadObjective('./objective.js', { threads: 2, shared: { x: sharedColumn } });
 * await study.optimize(pool.objective, { trials: 100, concurrency: pool.threads });
 * await pool.close();
 */
export class ThreadObjective {
  readonly threads: number;
  readonly objective: Objective;
  readonly #slots: Slot[] = [];
  readonly #encoder = new TextEncoder();
  readonly #module: string;
  readonly #options: ThreadObjectiveOptions;
  #closed = false;

  constructor(modulePath: string, options: ThreadObjectiveOptions = {}) {
    const threads = options.threads ?? availableParallelism();
    if (!Number.isInteger(threads) || threads < 1)
      throw new InvalidParameterError(
        'ThreadObjective',
        'threads',
        `must be a whole number ≥ 1 (got ${threads})`,
      );
    if (options.timeLimitMs !== undefined && !(options.timeLimitMs > 0))
      throw new InvalidParameterError(
        'ThreadObjective',
        'timeLimitMs',
        `must be a positive number of milliseconds (got ${options.timeLimitMs})`,
      );
    if (typeof modulePath !== 'string' || modulePath === '')
      throw new InvalidParameterError('ThreadObjective', 'modulePath', 'must be a file path');
    this.threads = threads;
    this.#module = pathToFileURL(resolve(modulePath)).href;
    this.#options = options;
    this.objective = (trial) => this.#run(trial);
  }

  async close(): Promise<void> {
    this.#closed = true;
    await Promise.all(this.#slots.splice(0).map((slot) => slot.worker.terminate()));
  }

  #run(trial: Trial): Promise<number | readonly number[]> {
    if (this.#closed) throw new InvalidParameterError('ThreadObjective', 'pool', 'is closed');
    const slot = this.#slots.find((s) => s.job === null) ?? this.#spawn();
    return new Promise((resolve, reject) => {
      slot.job = { trial, resolve, reject, timer: undefined };
      slot.worker.postMessage({ number: trial.number });
    });
  }

  #spawn(): Slot {
    if (this.#slots.length >= this.threads)
      throw new InvalidParameterError(
        'ThreadObjective',
        'concurrency',
        `exceeds the pool's ${this.threads} thread(s): optimize with concurrency ≤ threads`,
      );
    const answer = new SharedArrayBuffer(8 + ANSWER_BYTES);
    const worker = new Worker(threadSource, {
      eval: true,
      workerData: {
        moduleUrl: this.#module,
        exportName: this.#options.exportName ?? 'objective',
        answer,
        shared: this.#options.shared,
      },
    });
    const slot: Slot = {
      worker,
      flag: new Int32Array(answer, 0, 2),
      bytes: new Uint8Array(answer, 8),
      job: null,
      expired: false,
    };
    worker.on('message', (message: ThreadMessage) => this.#onMessage(slot, message));
    worker.on('error', (error) => this.#finish(slot, (job) => job.reject(error)));
    worker.on('exit', (code) => {
      this.#slots.splice(this.#slots.indexOf(slot), 1);
      this.#finish(slot, (job) =>
        job.reject(
          new Error(
            slot.expired
              ? `exceeded the per-trial time limit of ${this.#options.timeLimitMs} ms (its thread was stopped)`
              : `the objective's thread exited (code ${code}) during the trial`,
          ),
        ),
      );
    });
    this.#slots.push(slot);
    return slot;
  }

  #onMessage(slot: Slot, message: ThreadMessage): void {
    const job = slot.job;
    if (job === null) return;
    if (message.type === 'started') {
      const limit = this.#options.timeLimitMs;
      if (limit !== undefined)
        job.timer = setTimeout(() => {
          slot.expired = true;
          void slot.worker.terminate();
        }, limit);
      return;
    }
    if (message.type === 'call') {
      let reply: { value?: unknown; error?: { name: string; message: string; code?: string } };
      try {
        reply = { value: callTrial(job.trial, message.method, message.args) };
      } catch (error) {
        const e = error as Error & { code?: string };
        reply = { error: { name: e.name, message: e.message, code: e.code } };
      }
      this.#answer(slot, reply);
      return;
    }
    this.#finish(slot, (finished) => {
      if (message.pruned) finished.reject(new TrialPruned());
      else if (message.error !== undefined) finished.reject(new Error(message.error));
      else {
        if (message.extras !== undefined)
          this.#options.onExtras?.(finished.trial.number, message.extras);
        finished.resolve(message.value as number | readonly number[]);
      }
    });
  }

  #answer(slot: Slot, reply: unknown): void {
    let encoded = this.#encoder.encode(JSON.stringify(reply) ?? '{}');
    if (encoded.length > ANSWER_BYTES)
      encoded = this.#encoder.encode(
        JSON.stringify({ error: { name: 'Error', message: 'answer too large for the thread' } }),
      );
    slot.bytes.set(encoded);
    Atomics.store(slot.flag, 1, encoded.length);
    Atomics.store(slot.flag, 0, 1);
    Atomics.notify(slot.flag, 0);
  }

  #finish(slot: Slot, settle: (job: NonNullable<Slot['job']>) => void): void {
    const job = slot.job;
    if (job === null) return;
    slot.job = null;
    clearTimeout(job.timer);
    settle(job);
  }
}

type ThreadMessage =
  | { type: 'started' }
  | { type: 'call'; method: string; args: unknown[] }
  | { type: 'result'; value?: unknown; extras?: unknown; pruned?: boolean; error?: string };

/** The trial methods a thread may call, by name. */
function callTrial(trial: Trial, method: string, args: unknown[]): unknown {
  switch (method) {
    case 'suggestFloat':
      return trial.suggestFloat(...(args as Parameters<Trial['suggestFloat']>));
    case 'suggestInt':
      return trial.suggestInt(...(args as Parameters<Trial['suggestInt']>));
    case 'suggestCategorical':
      return trial.suggestCategorical(...(args as Parameters<Trial['suggestCategorical']>));
    case 'report':
      return trial.report(...(args as Parameters<Trial['report']>));
    case 'shouldPrune':
      return trial.shouldPrune();
    case 'setUserAttr':
      return trial.setUserAttr(...(args as Parameters<Trial['setUserAttr']>));
    case 'params':
      return trial.params;
    default:
      throw new InvalidParameterError(
        'thread trial',
        'method',
        `"${method}" is not a trial method`,
      );
  }
}
