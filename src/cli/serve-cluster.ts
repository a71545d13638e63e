import cluster from 'node:cluster';
import type { Worker } from 'node:cluster';
import pc from 'picocolors';
import { AggregatorRegistry } from 'prom-client';
import { InvalidParameterError } from '../errors.js';

// `argmin serve --workers N`: the cluster primary, and how a worker asks it for metrics.

/** A worker's `/metrics`: every worker's metrics, summed by the primary. */
let metricsRequests = 0;
export function askPrimaryForMetrics(): Promise<string> {
  const id = ++metricsRequests;
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      process.off('message', onMessage);
      reject(new Error('the primary did not answer the metrics request within 5 s'));
    }, 5000);
    const onMessage = (message: {
      argmin?: string;
      id?: number;
      text?: string;
      error?: string;
    }) => {
      if (message?.argmin !== 'metrics' || message.id !== id) return;
      clearTimeout(timer);
      process.off('message', onMessage);
      if (message.error !== undefined) reject(new Error(message.error));
      else resolve(message.text ?? '');
    };
    process.on('message', onMessage);
    process.send?.({ argmin: 'metrics', id });
  });
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
  const fork = (): Worker => {
    const worker = cluster.fork();
    worker.on('message', (message: { argmin?: string; id?: number; address?: string }) => {
      if (message?.argmin === 'ready') {
        readyCount++;
        if (readyCount === options.workers)
          console.error(
            `${pc.green('Serving')} at ${pc.bold(message.address ?? '')} with ${options.workers} worker processes (GET /v1/models lists the models)`,
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
