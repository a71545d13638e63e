import { Worker } from 'node:worker_threads';
import type { Column } from '../data/column.js';
import type { Frame } from '../data/frame.js';
import { ArgminError } from '../errors.js';
import type { ScoreCsvOptions } from './score-csv.js';

/**
 * The thread's program, kept as source (loaded with `eval`) so it imports the built modules next
 * to this file: the package's `dist/src/model` and `dist/src/data`.
 */
const threadSource = `
const { parentPort, workerData } = require('node:worker_threads');
(async () => {
  const { loadModel } = await import(workerData.modelModule);
  const { Frame } = await import(workerData.dataModule);
  const { scoreCsv } = await import(workerData.scoreModule);
  const { pipeline } = await loadModel(workerData.path);
  parentPort.postMessage({ ready: true });
  parentPort.on('message', ({ id, rows, columns, options }) => {
    try {
      parentPort.postMessage({ id, text: scoreCsv(pipeline, new Frame(columns, { rows }), options) });
    } catch (error) {
      parentPort.postMessage({ id, error: String(error && error.message || error), code: error && error.code });
    }
  });
})().catch((error) => parentPort.postMessage({ fatal: String(error && error.message || error) }));
`;

/**
 * The URL of a module next to this one, as built JavaScript: from TypeScript sources (tests run
 * them) a thread cannot load `.ts`, so it loads the same module from `dist/`.
 */
function builtModule(relative: string): string {
  const href = new URL(relative, import.meta.url).href;
  return import.meta.url.endsWith('.ts')
    ? href.replace(/\/src\/(?!.*\/src\/)/, '/dist/src/')
    : href;
}

interface Pending {
  readonly resolve: (text: string) => void;
  readonly reject: (error: Error) => void;
}

/**
 * Scores frames on worker threads, each holding its own copy of the model (loaded from the
 * artifact file), so batch scoring uses every core. Columns move to the thread without copying
 * (transferred); answers come back the same way. Used by `argmin predict --threads N`.
 */
export class ParallelScorer {
  readonly #workers: Worker[];
  readonly #pending = new Map<number, Pending>();
  readonly #busy: number[];
  #next = 0;
  #failed: Error | undefined;

  private constructor(workers: Worker[]) {
    this.#workers = workers;
    this.#busy = workers.map(() => 0);
    for (const worker of workers) {
      worker.on(
        'message',
        (message: { id: number; error?: string; code?: unknown; text?: string }) => {
          const pending = this.#pending.get(message.id);
          if (pending === undefined) return;
          this.#pending.delete(message.id);
          // The thread's argmin error keeps its code (one line, exit 1, like any other).
          if (message.error !== undefined)
            pending.reject(
              new ArgminError(
                typeof message.code === 'string' && message.code.startsWith('ARGMIN_')
                  ? message.code
                  : 'ARGMIN_SCORING_FAILED',
                `scoring a chunk failed: ${message.error}`,
              ),
            );
          else pending.resolve(message.text ?? '');
        },
      );
      worker.on('error', (error) => this.#fail(error));
    }
  }

  /** Starts `threads` threads, each loading the model at `path`; resolves once all are ready. */
  static async open(path: string, threads: number): Promise<ParallelScorer> {
    const workerData = {
      path,
      modelModule: builtModule('../model/index.js'),
      dataModule: builtModule('../data/index.js'),
      scoreModule: builtModule('./score-csv.js'),
    };
    const workers = Array.from(
      { length: threads },
      () => new Worker(threadSource, { eval: true, workerData }),
    );
    try {
      await Promise.all(
        workers.map(
          (worker) =>
            new Promise<void>((resolve, reject) => {
              worker.once('message', (message: { ready?: boolean; fatal?: string }) =>
                message.ready === true
                  ? resolve()
                  : reject(
                      new Error(`a scoring thread could not load the model: ${message.fatal}`),
                    ),
              );
              worker.once('error', reject);
            }),
        ),
      );
    } catch (error) {
      await Promise.all(workers.map((w) => w.terminate()));
      throw error;
    }
    return new ParallelScorer(workers);
  }

  /**
   * Scores one frame on the least busy thread, resolving with its CSV lines (see
   * {@link scoreCsv}); the frame's column arrays are handed over (unusable after).
   */
  score(frame: Frame, options: ScoreCsvOptions): Promise<string> {
    if (this.#failed !== undefined) return Promise.reject(this.#failed);
    let k = 0;
    for (let j = 1; j < this.#busy.length; j++) if (this.#busy[j] < this.#busy[k]) k = j;
    const id = this.#next++;
    const columns = frame.columns.map(plainColumn);
    const transfer = [
      ...new Set(columns.map((c) => ('codes' in c ? c.codes.buffer : c.values.buffer))),
    ].filter((b): b is ArrayBuffer => b instanceof ArrayBuffer);
    this.#busy[k]++;
    return new Promise<string>((resolve, reject) => {
      const done = () => this.#busy[k]--;
      this.#pending.set(id, {
        resolve: (text) => {
          done();
          resolve(text);
        },
        reject: (error) => {
          done();
          reject(error);
        },
      });
      this.#workers[k].postMessage({ id, rows: frame.rows, columns, options }, transfer);
    });
  }

  async close(): Promise<void> {
    await Promise.all(this.#workers.map((w) => w.terminate()));
  }

  #fail(error: Error): void {
    this.#failed = error;
    for (const pending of this.#pending.values()) pending.reject(error);
    this.#pending.clear();
  }
}

/** A column as structured-clonable data (frozen column objects clone fine; levels as an array). */
function plainColumn(column: Column): Column {
  return column.kind === 'categorical'
    ? { kind: 'categorical', name: column.name, codes: column.codes, levels: [...column.levels] }
    : ({ kind: column.kind, name: column.name, values: column.values } as Column);
}
