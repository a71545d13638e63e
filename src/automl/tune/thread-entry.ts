/**
 * The objective `argmin tune --concurrency N` runs on worker threads (see ThreadObjective):
 * each thread reads and prepares the data once, keeps its own fold cache, and returns each
 * trial's out-of-fold predictions beside its score so the main thread can build the ensemble.
 */
import { getMetric } from '../../metrics/index.js';
import type { Trial } from '../../tune/trial.js';
import { cvObjective } from './cv-objective.js';
import { FoldCache } from './fold-cache.js';
import { learnersFor } from './learner-space.js';
import type { DataOptions } from './prepare-data.js';
import { prepareData } from './prepare-data.js';

/** What the main thread hands every thread. */
export interface ThreadTuneData {
  readonly data: DataOptions;
  readonly metric: string;
  readonly learners: readonly string[];
  readonly seed: number;
  /** Int32 slot 0 set to 1 by the main thread when the search must stop. */
  readonly stop: SharedArrayBuffer;
}

let prepared: Promise<{
  run: (trial: Trial) => number;
  last: { predictions: Float64Array | null };
}> | null = null;

async function setUp(shared: ThreadTuneData) {
  const data = await prepareData(shared.data);
  const stop = new Int32Array(shared.stop);
  const last: { predictions: Float64Array | null } = { predictions: null };
  const run = cvObjective({
    task: data.task,
    classCount: data.classes?.length ?? 0,
    metric: getMetric(shared.metric),
    learners: learnersFor(data.task, shared.learners),
    cache: new FoldCache(data.frame, data.features, data.y, data.folds),
    y: data.y,
    seed: shared.seed,
    shouldStop: () => Atomics.load(stop, 0) === 1,
    outOfFold: {
      offer: (_trial, _score, predictions) => {
        last.predictions = predictions;
      },
    },
  });
  return { run, last };
}

export async function objective(
  trial: Trial,
  shared: ThreadTuneData,
): Promise<{ value: number; extras: Float64Array | null }> {
  prepared ??= setUp(shared);
  const { run, last } = await prepared;
  last.predictions = null;
  const value = run(trial);
  return { value, extras: last.predictions };
}
