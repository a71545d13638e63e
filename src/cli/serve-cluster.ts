import cluster from 'node:cluster';
import type { Worker } from 'node:cluster';
import pc from 'picocolors';
import { AggregatorRegistry } from 'prom-client';
import { ArgminError, InvalidParameterError } from '../errors.js';
import type {
  FeedbackOutcome,
  FeedbackRelay,
  ModelChange,
  ModelServer,
  ModelsRelay,
} from '../serve/index.js';

// `argmin serve --workers N`: the cluster primary, and how a worker asks it for metrics.

/** A message between a worker and the primary: `argmin` names its kind, `id` pairs answers. */
interface ClusterMessage {
  readonly argmin?: string;
  readonly id?: number;
  readonly [field: string]: unknown;
}

let requests = 0;

/** Sends `kind` to the primary and resolves with its answer (same kind and id). */
function askPrimary(
  kind: string,
  fields: object,
  what: string,
  timeoutSeconds = 5,
): Promise<ClusterMessage> {
  const id = ++requests;
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      process.off('message', onMessage);
      reject(
        new Error(`the primary did not answer the ${what} request within ${timeoutSeconds} s`),
      );
    }, timeoutSeconds * 1000);
    const onMessage = (message: ClusterMessage) => {
      if (message?.argmin !== kind || message.id !== id) return;
      clearTimeout(timer);
      process.off('message', onMessage);
      if (typeof message.error === 'string') reject(new Error(message.error));
      else resolve(message);
    };
    process.on('message', onMessage);
    process.send?.({ argmin: kind, id, ...fields });
  });
}

/** A worker's `/metrics`: every worker's metrics, summed by the primary. */
export async function askPrimaryForMetrics(): Promise<string> {
  const answer = await askPrimary('metrics', {}, 'metrics');
  return typeof answer.text === 'string' ? answer.text : '';
}

/** A worker's way to its siblings' bandits, through the primary. */
export const workerFeedbackRelay: FeedbackRelay = {
  async forward(requestId, reward) {
    let answer: ClusterMessage;
    try {
      answer = await askPrimary('feedback', { requestId, reward }, 'feedback');
    } catch {
      // The primary is slow, not gone (a worker without it is stopped): it still has the
      // message and will pass it on.
      return 'pending';
    }
    if (answer.pending === true) return 'pending';
    return (answer.outcome as FeedbackOutcome | null | undefined) ?? null;
  },
  publish(outcome, reward) {
    process.send?.({ argmin: 'reward', outcome, reward });
  },
};

/** How long the workers may take to load a model a sibling loaded through its API. */
const MODEL_CHANGE_SECONDS = 120;

/** A worker's way to make its siblings load or unload what its API was asked to. */
export const workerModelsRelay: ModelsRelay = {
  async share(change) {
    try {
      await askPrimary('models', { change }, 'model change', MODEL_CHANGE_SECONDS + 5);
    } catch (error) {
      const what = 'load' in change ? `loaded ${change.load}` : `unloaded ${change.unload}`;
      throw new ArgminError(
        'ARGMIN_CLUSTER_PARTIAL',
        `${what} in this worker, but not in every worker: ${(error as Error).message}`,
      );
    }
  },
};

/** The changes a worker started in place of another must apply (`ARGMIN_SERVE_CHANGES`). */
export function inheritedChanges(): ModelChange[] {
  const text = process.env.ARGMIN_SERVE_CHANGES;
  return text === undefined || text === '' ? [] : (JSON.parse(text) as ModelChange[]);
}

/**
 * In a worker: answers the primary's feedback claims, applies siblings' rewards, and loads or
 * unloads what a sibling's API was asked to.
 */
export function answerSiblings(server: ModelServer): void {
  process.on('message', (message: ClusterMessage) => {
    if (message?.argmin === 'apply') {
      server.applyModelChange(message.change as ModelChange).then(
        () => process.send?.({ argmin: 'applied', id: message.id }),
        (error: Error) =>
          process.send?.({ argmin: 'applied', id: message.id, error: error.message }),
      );
    } else if (message?.argmin === 'claim') {
      const outcome = server.claimFeedback(String(message.requestId), Number(message.reward));
      process.send?.({ argmin: 'claimed', id: message.id, outcome });
    } else if (message?.argmin === 'reward') {
      const { endpoint, arm } = message.outcome as FeedbackOutcome;
      server.endpoints.rewardArm(endpoint, arm, Number(message.reward));
    }
  });
}

let asks = 0;

/**
 * In the primary: sends `request` (under a fresh id) to every connected worker but `from` and
 * hands each answer of kind `replyKind` with that id to `onReply`, until it returns true (heard
 * enough), every worker has answered or died, or `timeoutMs` passes. `done` then runs once with
 * the number of workers that had not answered, and its message goes to `from` if it is still
 * connected (sending on a closed channel would throw).
 */
function askSiblings(
  from: Worker,
  request: ClusterMessage,
  replyKind: string,
  timeoutMs: number,
  onReply: (reply: ClusterMessage, worker: Worker) => boolean,
  done: (silent: number) => ClusterMessage,
): void {
  const others = Object.values(cluster.workers ?? {}).filter(
    (w): w is Worker => w !== undefined && w !== from && w.isConnected(),
  );
  const id = ++asks;
  let waiting = others.length;
  let finished = false;
  const finish = () => {
    if (finished) return;
    finished = true;
    clearTimeout(timer);
    for (const worker of others) {
      worker.off('message', onMessage);
      worker.off('exit', onExit);
    }
    const answer = done(waiting);
    if (from.isConnected()) from.send(answer);
  };
  const onMessage = function (this: Worker, reply: ClusterMessage) {
    if (reply?.argmin !== replyKind || reply.id !== id) return;
    const enough = onReply(reply, this);
    if (--waiting === 0 || enough) finish();
  };
  const onExit = () => {
    if (--waiting === 0) finish();
  };
  const timer = setTimeout(finish, timeoutMs);
  if (waiting === 0) finish();
  for (const worker of others) {
    worker.on('message', onMessage);
    worker.once('exit', onExit);
    worker.send({ ...request, id });
  }
}

/**
 * In the primary: feedback a worker could not place is offered to every other worker (the
 * first that routed the request rewards it); a reward applied by one worker is passed to the
 * others.
 */
function relayFeedback(from: Worker, message: ClusterMessage): void {
  if (message.argmin === 'reward') {
    for (const worker of Object.values(cluster.workers ?? {}))
      if (worker !== undefined && worker !== from && worker.isConnected()) worker.send(message);
    return;
  }
  let outcome: FeedbackOutcome | null = null;
  askSiblings(
    from,
    { argmin: 'claim', requestId: message.requestId, reward: message.reward },
    'claimed',
    2000,
    (reply) => {
      outcome = (reply.outcome as FeedbackOutcome | null | undefined) ?? null;
      return outcome !== null;
    },
    // A worker that has not answered still holds the claim and applies it when it gets to it;
    // one that died cannot have the request any more (its bandit went with it).
    (silent) => ({
      argmin: 'feedback',
      id: message.id,
      outcome,
      ...(outcome === null && silent > 0 ? { pending: true } : {}),
    }),
  );
}

/**
 * In the primary: a model change one worker made through its API is applied by every other
 * worker; the asking worker hears once all have answered (or died), with the failures named.
 */
function shareModelChange(from: Worker, message: ClusterMessage): void {
  const failures: string[] = [];
  askSiblings(
    from,
    { argmin: 'apply', change: message.change },
    'applied',
    MODEL_CHANGE_SECONDS * 1000,
    (reply, worker) => {
      if (typeof reply.error === 'string') failures.push(`worker ${worker.id}: ${reply.error}`);
      return false;
    },
    (silent) => {
      if (silent > 0)
        failures.push(`${silent} worker(s) did not answer within ${MODEL_CHANGE_SECONDS} s`);
      return {
        argmin: 'models',
        id: message.id,
        ...(failures.length === 0 ? {} : { error: failures.join('; ') }),
      };
    },
  );
}

/**
 * The cluster primary: forks the workers (same command line), restarts one that dies, answers
 * their metrics requests with every worker's metrics aggregated, and on SIGINT/SIGTERM tells
 * each to drain and waits for all.
 */
export async function runPrimary(options: { readonly workers: number }): Promise<void> {
  const aggregator = new AggregatorRegistry();
  let stopping = false;
  let readyCount = 0;
  // Models loaded and unloaded through the API, in order: a worker started in place of one that
  // died applies them before it is ready, so it serves what its siblings serve.
  const changes: ModelChange[] = [];
  const fork = (): Worker => {
    const worker = cluster.fork({ ARGMIN_SERVE_CHANGES: JSON.stringify(changes) });
    worker.on('message', (message: ClusterMessage) => {
      if (message?.argmin === 'feedback' || message?.argmin === 'reward') {
        relayFeedback(worker, message);
      } else if (message?.argmin === 'models') {
        changes.push(message.change as ModelChange);
        shareModelChange(worker, message);
      } else if (message?.argmin === 'ready') {
        readyCount++;
        if (readyCount === options.workers)
          console.error(
            `${pc.green('Serving')} at ${pc.bold(String(message.address ?? ''))} with ${options.workers} worker processes (GET /v1/models lists the models)`,
          );
      } else if (message?.argmin === 'metrics') {
        aggregator.clusterMetrics().then(
          (text) => worker.send({ argmin: 'metrics', id: message.id, text }),
          (error: Error) =>
            worker.send({ argmin: 'metrics', id: message.id, error: error.message }),
        );
      }
    });
    return worker;
  };
  for (let i = 0; i < options.workers; i++) fork();
  await new Promise<void>((resolve, reject) => {
    cluster.on('exit', (worker, code, signal) => {
      const alive = Object.values(cluster.workers ?? {}).filter(
        (w) => w !== undefined && !w.isDead(),
      );
      if (stopping) {
        if (alive.length === 0) resolve();
        return;
      }
      if (readyCount < options.workers) {
        // A worker that fails before serving (bad model, port taken) fails them all.
        stopping = true;
        for (const w of alive) w?.process.kill('SIGTERM');
        reject(
          new InvalidParameterError(
            'argmin serve',
            'workers',
            `worker ${worker.id} exited (${signal ?? code}) before it was ready; see its error above`,
          ),
        );
        return;
      }
      console.error(pc.yellow(`worker ${worker.id} died (${signal ?? code}); starting another`));
      readyCount--;
      fork();
    });
    const stop = (signal: string) => {
      if (stopping) {
        for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill('SIGKILL');
        process.exit(1);
      }
      stopping = true;
      console.error(`${signal}: draining requests in flight in ${options.workers} workers…`);
      for (const worker of Object.values(cluster.workers ?? {}))
        worker?.send({ argmin: 'shutdown' });
    };
    process.on('SIGINT', () => stop('SIGINT'));
    process.on('SIGTERM', () => stop('SIGTERM'));
  });
}
