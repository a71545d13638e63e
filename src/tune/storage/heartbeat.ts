import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import { parseStoreUri } from '../../store/connect.js';

/**
 * The thread's program. It runs beside the objective, so a trial whose objective keeps the main
 * thread busy for minutes (a synchronous model fit) still shows signs of life; only a dead
 * process, or one that cannot reach the store, stops beating. Kept as source text so tests (run
 * from TypeScript) and the built package start the same code.
 */
const threadSource = `
const { parentPort, workerData } = require('node:worker_threads');
const { dialect, target, modulePath, studyId, workerId, intervalMs } = workerData;
const statement =
  'update trials set heartbeat_at = %1 where study_id = %2 and worker_id = %3 and state = %4';
let beat;
let close;
if (dialect === 'sqlite') {
  const Database = require(modulePath);
  const db = new Database(target, { timeout: 30000 });
  const update = db.prepare(statement.replace(/%\\d/g, '?'));
  beat = async () => update.run(Date.now(), studyId, workerId, 'RUNNING');
  close = async () => db.close();
} else {
  const { Client } = require(modulePath);
  const client = new Client({ connectionString: target });
  // Errors on an idle connection (server restart) must not end the thread; beats report theirs.
  client.on('error', () => undefined);
  const ready = client.connect().then(() => true, (error) => error);
  const text = statement.replace(/%(\\d)/g, '$$$1');
  beat = async () => {
    const connected = await ready;
    if (connected !== true) throw connected;
    await client.query(text, [Date.now(), studyId, workerId, 'RUNNING']);
  };
  close = async () => {
    await ready;
    await client.end();
  };
}
let busy = false;
const tick = async () => {
  if (busy) return;
  busy = true;
  try {
    await beat();
  } catch (error) {
    parentPort.postMessage({ error: String(error && error.message ? error.message : error) });
  } finally {
    busy = false;
  }
};
const timer = setInterval(tick, intervalMs);
parentPort.on('message', async (message) => {
  if (message !== 'stop') return;
  clearInterval(timer);
  try { await close(); } catch {}
  process.exit(0);
});
`;

export interface HeartbeatOptions {
  readonly storeUri: string;
  readonly studyId: string;
  readonly workerId: string;
  readonly intervalMs: number;
  /** Called with the message of a failed beat (the next beat tries again). */
  readonly onError?: (message: string) => void;
}

/**
 * Marks, every `intervalMs`, every RUNNING trial of this worker as alive (`heartbeat_at`), from
 * a thread of its own with its own connection.
 *
 * @example
 * const heartbeat = new Heartbeat({ storeUri, studyId, workerId, intervalMs: 5000 });
 * await heartbeat.stop();
 */
export class Heartbeat {
  readonly #worker: Worker;
  readonly #exited: Promise<void>;

  constructor(options: HeartbeatOptions) {
    const { dialect, target } = parseStoreUri(options.storeUri);
    const require = createRequire(import.meta.url);
    const modulePath = require.resolve(dialect === 'sqlite' ? 'better-sqlite3' : 'pg');
    this.#worker = new Worker(threadSource, {
      eval: true,
      workerData: {
        dialect,
        target,
        modulePath,
        studyId: options.studyId,
        workerId: options.workerId,
        intervalMs: options.intervalMs,
      },
    });
    // The heartbeat must never keep a finished program alive.
    this.#worker.unref();
    this.#worker.on('message', (message: { error?: string }) => {
      if (message.error !== undefined) options.onError?.(message.error);
    });
    // A crashed thread means no more beats: its trials will be failed as orphans, as they
    // would be if the process had died. Say so, but do not take the process down.
    this.#worker.on('error', (error) => options.onError?.(error.message));
    this.#exited = new Promise((resolve) => this.#worker.once('exit', () => resolve()));
  }

  async stop(): Promise<void> {
    // Held again while it closes its connection, so the program waits for that (an unref'd
    // thread would let the process end with this promise pending).
    this.#worker.ref();
    this.#worker.postMessage('stop');
    await this.#exited;
  }
}
