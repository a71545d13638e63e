import { basename, dirname, extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { InvalidParameterError, StoreConflictError, StoreNotFoundError } from '../../errors.js';
import type { Task } from '../../learners/index.js';
import { getMetric } from '../../metrics/index.js';
import type { Metric } from '../../metrics/index.js';
import type { Store } from '../../store/index.js';
import { openStore } from '../../store/index.js';
import { openStudy } from '../../tune/open-study.js';
import { TpeSampler } from '../../tune/samplers/tpe-sampler.js';
import { MedianPruner } from '../../tune/schedulers/median-pruner.js';
import { findStudy } from '../../tune/storage/study-rows.js';
import type { Study } from '../../tune/study.js';
import type { FrozenTrial } from '../../tune/types.js';
import { ThreadObjective } from '../../tune/thread-objective.js';
import type { ThreadTuneData } from './thread-entry.js';
import { defaultMetrics } from '../score-pipeline.js';
import { OutOfFoldStore, cvObjective } from './cv-objective.js';
import { FoldCache } from './fold-cache.js';
import { defaultEnqueues } from './learner-defaults.js';
import { learnersFor } from './learner-space.js';
import type { DataOptions, PreparedData } from './prepare-data.js';
import { prepareData } from './prepare-data.js';
import { finishModel } from './finish-model.js';
import type { FinishedModel } from './finish-model.js';

export interface TuneOptions extends DataOptions {
  /** Metric to optimise; default roc_auc (binary), accuracy (multiclass), rmse (regression). */
  readonly metric?: string;
  /** Wall-clock budget in ms (the whole command, refit and save included). */
  readonly timeMs?: number;
  /** Most trials to run (this session). */
  readonly trials?: number;
  /**
   * Trials at once, each on a worker thread with its own copy of the data (default 1, which
   * is also the only setting whose results do not depend on timing).
   */
  readonly concurrency?: number;
  /** Learner names to consider; default all for the task. */
  readonly learners?: readonly string[];
  /** A file scored once by the final model. */
  readonly testData?: string;
  readonly store?: string | Store;
  /** Study name; default `<data file name>-<time>`. */
  readonly study?: string;
  /** Continue this study (same data and target), skipping its finished trials. */
  readonly resume?: boolean;
  /** Register the final model under this name (and move @champion when it beats the holder). */
  readonly register?: string;
  /** Once aborted (Ctrl-C), no new trial starts; the best so far is still saved. */
  readonly signal?: AbortSignal;
  /** Called after each trial with the study so far. */
  readonly onTrial?: (trial: FrozenTrial, progress: TuneProgress) => void;
  /** Lines about what is happening (data notes, phases). */
  readonly log?: (line: string) => void;
}

export interface TuneProgress {
  readonly done: number;
  readonly failed: number;
  readonly pruned: number;
  readonly best: FrozenTrial | null;
  readonly elapsedMs: number;
  readonly budgetMs: number | null;
}

export interface TuneResult {
  readonly study: string;
  readonly task: Task;
  readonly classes: readonly string[] | null;
  readonly metric: string;
  readonly direction: 'minimize' | 'maximize';
  readonly validation: string;
  readonly notes: PreparedData['notes'];
  readonly trials: readonly FrozenTrial[];
  readonly best: FrozenTrial;
  readonly model: FinishedModel;
  readonly stoppedBy: string;
  readonly elapsedMs: number;
  readonly parentRunId: string;
}

/** Seconds kept back from the search for the final refit and save, at least. */
const RESERVE_MS = 2000;

/**
 * Model selection end to end: read and screen the data, search learners and their
 * hyper-parameters with TPE and median pruning over cross-validation folds (preprocessing cached
 * per fold), every trial a run of the study, then refit the winner — or an ensemble of the best
 * trials when it scores better — on all rows, save it with its lineage, and register it.
 *
 * @example
 * const result = await tune({ data: 'credit.csv', target: 'Status', timeMs: 60_000, register: 'credit' });
 */
export async function tune(options: TuneOptions): Promise<TuneResult> {
  const started = Date.now();
  const log = options.log ?? (() => undefined);
  if (options.timeMs === undefined && options.trials === undefined)
    throw new InvalidParameterError('argmin tune', '--time', 'or --trials must be given');
  const owned = typeof options.store !== 'object';
  const store =
    typeof options.store === 'object'
      ? options.store
      : await openStore(options.store, { handleExit: false });
  try {
    // The study first: resuming with other data or target is refused before reading anything.
    const studyName = await resolveStudyName(store, options);
    const prepared = await prepareData(options);
    for (const note of prepared.notes)
      log(`left out ${note.column}: ${note.reason} (${note.detail})`);
    const classCount = prepared.classes?.length ?? 0;
    const metricName = options.metric ?? defaultMetrics(prepared.task, classCount)[0];
    const metric = getMetric(metricName);
    if (metric.task !== prepared.task)
      throw new InvalidParameterError(
        'argmin tune',
        '--metric',
        `"${metricName}" is a ${metric.task} metric but the task is ${prepared.task}`,
      );
    const learners = learnersFor(prepared.task, options.learners);
    return await search(options, studyName, prepared, metric, learners, store, started, log);
  } finally {
    if (owned) await store.close();
  }
}

async function search(
  options: TuneOptions,
  studyName: string,
  prepared: PreparedData,
  metric: Metric,
  learners: ReturnType<typeof learnersFor>,
  store: Store,
  started: number,
  log: (line: string) => void,
): Promise<TuneResult> {
  const seed = options.seed ?? 0;
  const config = {
    data: options.data,
    target: options.target,
    task: prepared.task,
    metric: metric.name,
    learners: learners.map((l) => l.name).join(','),
    validation: prepared.validation,
    seed,
  };
  const parent = await store.startRun({
    experiment: studyName,
    name: 'tune',
    params: config,
    tags: { 'argmin.study': studyName, 'argmin.role': 'tune' },
  });
  let study: Study | undefined;
  let pool: ThreadObjective | null = null;
  try {
    study = await openStudy({
      store,
      name: studyName,
      direction: metric.direction,
      sampler: new TpeSampler({ seed }),
      pruner: new MedianPruner({ nStartupTrials: 5, nWarmupSteps: 1 }),
      loadIfExists: options.resume === true,
      handleExit: false,
      parentRunId: parent.id,
      userAttrs: config,
    });
    if (!options.resume)
      for (const params of defaultEnqueues(learners)) await study.enqueueTrial(params);
    const cache = new FoldCache(prepared.frame, prepared.features, prepared.y, prepared.folds);
    const outOfFold = new OutOfFoldStore(20, metric.direction);
    const budgetMs = options.timeMs ?? null;
    // Trials stop early enough to leave the final fit its time: refitting a few ensemble
    // members on all rows costs about four of the slowest folds seen so far (a fold trains on
    // (k-1)/k of the rows), plus a fixed reserve for saving and registering.
    let slowestFoldMs = 0;
    const searchDeadline = () =>
      budgetMs === null
        ? Infinity
        : started + budgetMs - Math.max(RESERVE_MS, 0.03 * budgetMs) - 4 * slowestFoldMs;
    const counts = { done: 0, failed: 0, pruned: 0 };
    // The deadline moves earlier as slower folds are seen; once it passes, no new trial starts.
    const outOfTime = new AbortController();
    const stopSearch =
      options.signal === undefined
        ? outOfTime.signal
        : AbortSignal.any([options.signal, outOfTime.signal]);
    const shouldStop = () => {
      if (!stopSearch.aborted && Date.now() > searchDeadline()) outOfTime.abort();
      return stopSearch.aborted;
    };
    const concurrency = options.concurrency ?? 1;
    const threadResults = new Map<number, Float64Array>();
    const stopFlag = new Int32Array(new SharedArrayBuffer(4));
    stopSearch.addEventListener('abort', () => Atomics.store(stopFlag, 0, 1));
    pool =
      concurrency > 1
        ? new ThreadObjective(threadEntryPath(), {
            threads: concurrency,
            shared: {
              data: dataOptionsOf(options),
              metric: metric.name,
              learners: learners.map((l) => l.name),
              seed,
              stop: stopFlag.buffer as SharedArrayBuffer,
            } satisfies ThreadTuneData,
            onExtras: (number, predictions) => {
              if (predictions instanceof Float64Array) threadResults.set(number, predictions);
            },
          })
        : null;
    const objective =
      pool?.objective ??
      cvObjective({
        task: prepared.task,
        classCount: prepared.classes?.length ?? 0,
        metric,
        learners,
        cache,
        y: prepared.y,
        seed,
        shouldStop,
        outOfFold,
      });
    const remaining = searchDeadline() - Date.now();
    const stoppedBy = await study.optimize(objective, {
      ...(options.trials === undefined ? {} : { trials: options.trials }),
      ...(Number.isFinite(remaining) ? { timeout: Math.max(1, remaining) } : {}),
      concurrency,
      signal: stopSearch,
      onTrialEnd: (trial) => {
        if (trial.state === 'COMPLETE') counts.done++;
        else if (trial.state === 'PRUNED') counts.pruned++;
        else counts.failed++;
        const seconds = Number(trial.userAttrs.fitSeconds ?? 0);
        slowestFoldMs = Math.max(slowestFoldMs, (1000 * seconds) / prepared.folds.length);
        const predictions = threadResults.get(trial.number);
        threadResults.delete(trial.number);
        if (trial.state === 'COMPLETE' && predictions !== undefined)
          outOfFold.offer(trial.number, (trial.values as readonly number[])[0], predictions);
        shouldStop();
        options.onTrial?.(trial, {
          ...counts,
          best: bestOf(study as Study),
          elapsedMs: Date.now() - started,
          budgetMs,
        });
      },
    });
    const stopReason =
      stoppedBy === 'aborted' && options.signal?.aborted !== true ? 'time budget' : stoppedBy;
    const best = bestOf(study);
    if (best === null)
      throw new StoreNotFoundError(
        `A completed trial in study`,
        `${studyName} (every trial failed or was pruned; see argmin studies show ${studyName})`,
      );
    log(`search stopped (${stopReason}); refitting the winner on all ${prepared.frame.rows} rows`);
    const model = await finishModel({
      store,
      prepared,
      metric,
      learners,
      study,
      best,
      outOfFold,
      parentRunId: parent.id,
      seed,
      data: options.data,
      target: options.target,
      log,
      ...(budgetMs === null ? {} : { deadline: started + budgetMs - 1000 }),
      ...(options.testData === undefined ? {} : { testData: options.testData }),
      ...(options.register === undefined ? {} : { register: options.register }),
    });
    parent.logMetric(`cv_${metric.name}`, model.cvScore);
    if (model.testScore !== null) parent.logMetric(`test_${metric.name}`, model.testScore);
    await parent.setTag('argmin.winner', model.description);
    await parent.end('FINISHED');
    return {
      study: studyName,
      task: prepared.task,
      classes: prepared.classes,
      metric: metric.name,
      direction: metric.direction,
      validation: prepared.validation,
      notes: prepared.notes,
      trials: study.trials(),
      best,
      model,
      stoppedBy: stopReason,
      elapsedMs: Date.now() - started,
      parentRunId: parent.id,
    };
  } catch (error) {
    await parent.end('FAILED').catch(() => undefined);
    throw error;
  } finally {
    await pool?.close();
    await study?.close();
  }
}

/** The data options alone, as plain data a thread can receive. */
function dataOptionsOf(options: TuneOptions): DataOptions {
  const keys = [
    'data',
    'target',
    'task',
    'ignore',
    'id',
    'nullValues',
    'cv',
    'holdout',
    'timeColumn',
    'seed',
  ] as const;
  return Object.fromEntries(
    keys.filter((key) => options[key] !== undefined).map((key) => [key, options[key]]),
  ) as unknown as DataOptions;
}

/**
 * The thread objective's module file. From the built package it sits beside this one; when this
 * file runs as TypeScript source (tests), the built copy under dist/ is the one a thread can load.
 */
function threadEntryPath(): string {
  const here = fileURLToPath(import.meta.url);
  const built = here.replace(
    /^(.*)([\\/])src\2(.*)run-tune\.ts$/,
    '$1$2dist$2src$2$3thread-entry.js',
  );
  return built === here ? join(dirname(here), 'thread-entry.js') : built;
}

function bestOf(study: Study): FrozenTrial | null {
  return study.trials(['COMPLETE']).length === 0 ? null : study.bestTrial;
}

async function resolveStudyName(store: Store, options: TuneOptions): Promise<string> {
  if (options.study !== undefined) {
    const existing = await findStudy(store.db, options.study);
    if (existing !== undefined && !options.resume)
      throw new StoreConflictError(
        `Study "${options.study}" exists; pass --resume to continue it, or choose another --study name`,
      );
    if (existing === undefined && options.resume)
      throw new StoreNotFoundError('Study', options.study);
    if (existing !== undefined) checkSameProblem(existing.userAttrs, options);
    return options.study;
  }
  if (options.resume)
    throw new InvalidParameterError(
      'argmin tune',
      '--resume',
      'needs --study NAME: the study to continue',
    );
  const stem = basename(options.data, extname(options.data)).replace(/[^A-Za-z0-9_-]+/g, '-');
  const stamp = new Date().toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
  return `${stem}-${stamp}`;
}

function checkSameProblem(stored: Readonly<Record<string, unknown>>, options: TuneOptions): void {
  for (const key of ['data', 'target'] as const) {
    if (stored[key] !== undefined && stored[key] !== options[key])
      throw new StoreConflictError(
        `Study "${options.study}" tuned ${key} ${JSON.stringify(stored[key])}, not ${JSON.stringify(options[key])}; resume it with the same data and target`,
      );
  }
}
