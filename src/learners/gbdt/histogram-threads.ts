/**
 * Histogram building on several threads over shared memory. The bin codes, the grower's row
 * order, the gradients and every histogram live in SharedArrayBuffers; for each node the main
 * thread fills the first block of features and each worker one of the others, so a bin is
 * always summed by one thread in row order and the model does not depend on the thread count.
 *
 * Nodes are small (a depth-6 tree builds ~30 histograms, often in well under a millisecond), so
 * a message per node would cost more than the work: commands go through a shared Int32Array
 * instead, workers spin on it briefly before sleeping in `Atomics.wait`, and the main thread
 * spins until they are done. New buffers (one per histogram, the codes, gradients) reach the
 * workers as messages they read synchronously with `receiveMessageOnPort` when a command names
 * a buffer they do not know yet.
 */
import { availableParallelism } from 'node:os';
import { MessageChannel, Worker } from 'node:worker_threads';
import type { MessagePort } from 'node:worker_threads';
import type { HistogramEngine } from './grower.js';
import { orderedScratch } from './grower.js';
import type { HistogramInput, NodeHistogram } from './histogram.js';
import { buildHistogram, fillHistogram, histogramLength } from './histogram.js';

// Control block layout (Int32 slots).
const GENERATION = 0;
const DONE = 1;
const PARTICIPANTS = 2;
const N_FEATURES = 3;
const BIN_STRIDE = 4;
const MISSING_BIN = 5;
const START = 6;
const END = 7;
const FEATURE_COUNT = 8;
/** Set by a worker whose command threw; the main thread then stops waiting and throws. */
const FAILED = 9;
/** Then (buffer id, element offset, length) triples for: */
const REFS = 10;
const REF_NAMES = [
  'codes',
  'binCount',
  'rows',
  'gradients',
  'hessians',
  'features',
  'sums',
  'counts',
];
const CONTROL_SLOTS = REFS + REF_NAMES.length * 3;
/** Rows × features below which one thread is faster than waking the others (~30 µs of work). */
const MIN_SHARED_WORK = 32768;
/** Polls of a shared counter before a thread sleeps in Atomics.wait (tens of microseconds). */
const SPIN_LIMIT = 20000;

/** The worker's program: fillHistogram's own source plus the command loop. */
function workerSource(): string {
  return `
const { workerData, receiveMessageOnPort } = require('node:worker_threads');
const fillHistogram = ${fillHistogram.toString()};
const control = new Int32Array(workerData.control);
const port = workerData.port;
const index = workerData.index;
const buffers = new Map();
const KINDS = { i32: Int32Array, f64: Float64Array, u8: Uint8Array };
function view(slot) {
  const id = control[slot];
  if (id < 0) return null;
  let entry = buffers.get(id);
  while (entry === undefined) {
    const message = receiveMessageOnPort(port);
    if (message === undefined) continue;
    const { id: newId, buffer, kind, release } = message.message;
    if (release !== undefined) { for (const r of release) buffers.delete(r); continue; }
    buffers.set(newId, { buffer, kind });
    entry = buffers.get(id);
  }
  return new KINDS[entry.kind](entry.buffer, control[slot + 1] * KINDS[entry.kind].BYTES_PER_ELEMENT, control[slot + 2]);
}
let ordered = new Float64Array(0);
let seen = 0;
for (;;) {
  let spins = 0;
  while (Atomics.load(control, ${GENERATION}) === seen) {
    if (++spins > ${SPIN_LIMIT * 10}) { Atomics.wait(control, ${GENERATION}, seen); spins = 0; }
  }
  seen = Atomics.load(control, ${GENERATION});
  const participants = control[${PARTICIPANTS}];
  if (participants === 0) break;
  if (index < participants) {
    const count = control[${FEATURE_COUNT}];
    const from = Math.floor((index * count) / participants);
    const to = Math.floor(((index + 1) * count) / participants);
    try {
      const refs = [];
      for (let r = 0; r < ${REF_NAMES.length}; r++) refs.push(view(${REFS} + r * 3));
      const rows = control[${END}] - control[${START}];
      if (ordered.length < 2 * rows) ordered = new Float64Array(Math.max(2 * rows, 2 * ordered.length));
      fillHistogram(refs[0], control[${N_FEATURES}], control[${BIN_STRIDE}], control[${MISSING_BIN}], refs[1],
        refs[2], control[${START}], control[${END}], refs[3], refs[4], refs[5], from, to, refs[6], refs[7], ordered);
    } catch (error) {
      Atomics.store(control, ${FAILED}, 1);
    }
    Atomics.add(control, ${DONE}, 1);
    Atomics.notify(control, ${DONE});
  }
}
`;
}

type Kind = 'i32' | 'f64' | 'u8';

interface Registered {
  readonly id: number;
  readonly kind: Kind;
}

/** The process's idle workers, reused across fits (starting one costs tens of milliseconds). */
interface Pool {
  readonly control: Int32Array;
  readonly workers: Worker[];
  readonly ports: MessagePort[];
}

let pool: Pool | null = null;

function ensurePool(workers: number): Pool {
  if (pool === null) {
    pool = {
      control: new Int32Array(new SharedArrayBuffer(CONTROL_SLOTS * 4)),
      workers: [],
      ports: [],
    };
  }
  while (pool.workers.length < workers) {
    const { port1, port2 } = new MessageChannel();
    const worker = new Worker(workerSource(), {
      eval: true,
      workerData: { control: pool.control.buffer, port: port2, index: pool.workers.length + 1 },
      transferList: [port2],
    });
    // Idle workers must never keep a finished program alive.
    worker.unref();
    port1.unref();
    pool.workers.push(worker);
    pool.ports.push(port1);
  }
  return pool;
}

/** Threads to use for `threads`: 0 means one per available core. */
export function resolveThreads(threads: number): number {
  return threads === 0 ? Math.max(1, availableParallelism()) : threads;
}

/**
 * A {@link HistogramEngine} whose buffers are shared with `threads − 1` workers. Create one per
 * fit and call {@link ThreadedHistograms.release} when the fit ends (the workers then drop
 * their references to this fit's buffers; the workers themselves stay for the next fit).
 */
export class ThreadedHistograms implements HistogramEngine {
  readonly #threads: number;
  readonly #pool: Pool;
  readonly #ids = new WeakMap<ArrayBufferLike, Registered>();
  readonly #issued: number[] = [];
  #featureScratch: Int32Array | null = null;
  #ordered = new Float64Array(0);
  #binCount: Int32Array | null = null;
  #binCountSource: Int32Array | null = null;

  constructor(threads: number) {
    this.#threads = threads;
    this.#pool = ensurePool(threads - 1);
  }

  /** A zeroed Float64Array in shared memory, known to the workers. */
  float64(length: number): Float64Array {
    return new Float64Array(this.#register(new SharedArrayBuffer(length * 8), 'f64'));
  }

  int32(length: number): Int32Array {
    return new Int32Array(this.#register(new SharedArrayBuffer(length * 4), 'i32'));
  }

  /** A shared copy of `values`. */
  shareBytes(values: Uint8Array): Uint8Array {
    const out = new Uint8Array(this.#register(new SharedArrayBuffer(values.length), 'u8'));
    out.set(values);
    return out;
  }

  allocate(nFeatures: number, binStride: number, counted: boolean): NodeHistogram {
    return {
      sums: this.float64(histogramLength(nFeatures, binStride)),
      counts: counted ? this.float64(nFeatures * binStride) : null,
    };
  }

  build(input: HistogramInput, out: NodeHistogram): void {
    const { codes, nFeatures, shape, rows, start, end, gradients, hessians, features } = input;
    const control = this.#pool.control;
    // Tiny nodes are not worth waking anyone.
    const participants = (end - start) * features.length < MIN_SHARED_WORK ? 1 : this.#threads;
    if (participants > 1) {
      const binCount = this.#sharedBinCount(shape.binCount);
      const featureList = this.#sharedFeatures(features);
      const refs = [codes, binCount, rows, gradients, hessians, featureList, out.sums, out.counts];
      for (let r = 0; r < refs.length; r++) this.#writeRef(REFS + r * 3, refs[r]);
      control[PARTICIPANTS] = participants;
      control[N_FEATURES] = nFeatures;
      control[BIN_STRIDE] = shape.binStride;
      control[MISSING_BIN] = shape.missingBin;
      control[START] = start;
      control[END] = end;
      control[FEATURE_COUNT] = features.length;
      Atomics.store(control, DONE, 0);
      Atomics.add(control, GENERATION, 1);
      Atomics.notify(control, GENERATION);
    }
    const to = Math.floor(features.length / participants);
    this.#ordered = orderedScratch(this.#ordered, end - start);
    // This thread's block is the first one; the workers fill the rest.
    buildHistogram(input, out, this.#ordered, 0, to);
    if (participants === 1) return;
    // Spin first (the workers' share takes about as long as ours), then sleep: on a busy
    // machine a spinning thread only steals the core the worker needs.
    let spins = 0;
    for (let done = Atomics.load(control, DONE); done < participants - 1;) {
      if (++spins > SPIN_LIMIT) Atomics.wait(control, DONE, done, 1);
      done = Atomics.load(control, DONE);
    }
    if (Atomics.load(control, FAILED) !== 0) {
      Atomics.store(control, FAILED, 0);
      throw new Error('a histogram worker thread failed; fit again with threads: 1');
    }
  }

  /** Tells the workers to forget this fit's buffers. */
  release(): void {
    for (const port of this.#pool.ports) port.postMessage({ release: this.#issued });
    this.#issued.length = 0;
  }

  #register(buffer: SharedArrayBuffer, kind: Kind): SharedArrayBuffer {
    const id = nextBufferId++;
    this.#ids.set(buffer, { id, kind });
    this.#issued.push(id);
    for (const port of this.#pool.ports) port.postMessage({ id, buffer, kind });
    return buffer;
  }

  /** `features` in shared memory: copied into one reused buffer (a few hundred ints at most). */
  #sharedFeatures(features: Int32Array): Int32Array {
    if (this.#ids.has(features.buffer)) return features;
    if (this.#featureScratch === null || this.#featureScratch.length < features.length)
      this.#featureScratch = this.int32(Math.max(features.length, 64));
    this.#featureScratch.set(features);
    return this.#featureScratch.subarray(0, features.length);
  }

  /** The fit's bins per feature in shared memory, copied once. */
  #sharedBinCount(binCount: Int32Array): Int32Array {
    if (this.#ids.has(binCount.buffer)) return binCount;
    if (this.#binCountSource !== binCount || this.#binCount === null) {
      this.#binCount = this.int32(binCount.length);
      this.#binCount.set(binCount);
      this.#binCountSource = binCount;
    }
    return this.#binCount;
  }

  #writeRef(slot: number, array: ArrayLike<number> | null): void {
    const control = this.#pool.control;
    if (array === null) {
      control[slot] = -1;
      return;
    }
    const typed = array as Float64Array | Int32Array | Uint8Array;
    const registered = this.#ids.get(typed.buffer);
    if (registered === undefined)
      throw new Error('histogram buffer is not shared with the workers');
    control[slot] = registered.id;
    control[slot + 1] = typed.byteOffset / typed.BYTES_PER_ELEMENT;
    control[slot + 2] = typed.length;
  }
}

// Buffer ids are never reused, so a late release can never drop a newer fit's buffer.
let nextBufferId = 0;
