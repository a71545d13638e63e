import { InvalidParameterError } from '../errors.js';
import type { Objective, OptimizeStop } from './optimize.js';
import type { Study } from './study.js';
import type { FrozenTrial } from './types.js';

export interface WorkOptions {
  /** Most trials this worker runs; default: until the study's budget is spent. */
  readonly trials?: number;
  /** Milliseconds after which this worker starts no new trial. */
  readonly timeout?: number;
  /** Trials this worker runs at once (async objectives interleave); default 1. */
  readonly concurrency?: number;
  /** How often to look again while other workers' trials are still running, ms. Default 1,000. */
  readonly pollMs?: number;
  readonly onTrialEnd?: (trial: FrozenTrial) => void;
}

const sleep = (ms: number) => new Promise((wake) => setTimeout(wake, ms));

/**
 * Works on a persisted study alongside any other workers: runs trials until the study's trial
 * budget is spent and then stays until no other worker's trial is still running — failing the
 * trials of workers that died (their heartbeats stopped) and running the ones re-queued for a
 * retry — so that when every worker has returned, the study is finished. Stops earlier when this
 * worker's own `trials` or `timeout` runs out.
 *
 * @example
 * const study = await openStudy({ name: 'credit-gbdt', store: 'postgres://…', maxTrials: 200 });
 * await work(study, objective, { onTrialEnd: (t) => console.log(t.number, t.state) });
 */
export async function work(
  study: Study,
  objective: Objective,
  options: WorkOptions = {},
): Promise<OptimizeStop> {
  const { trials = Number.MAX_SAFE_INTEGER, timeout = Infinity, pollMs = 1000 } = options;
  if (!(pollMs > 0))
    throw new InvalidParameterError('work', 'pollMs', `must be > 0 (got ${pollMs})`);
  const deadline = Date.now() + timeout;
  let ran = 0;
  for (;;) {
    if (ran >= trials) return 'trials';
    const left = deadline - Date.now();
    if (left <= 0) return 'timeout';
    const stop = await study.optimize(objective, {
      trials: trials - ran,
      timeout: Number.isFinite(left) ? left : undefined,
      concurrency: options.concurrency,
      onTrialEnd: (trial) => {
        ran++;
        options.onTrialEnd?.(trial);
      },
    });
    if (stop !== 'budget') return stop;
    await study.refresh({ failOrphans: true });
    if (study.trials(['WAITING']).length > 0) continue;
    if (study.trials(['RUNNING']).length === 0) return 'budget';
    await sleep(Math.min(pollMs, Math.max(0, deadline - Date.now())));
  }
}
