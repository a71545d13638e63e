import type { Metric } from '../../metrics/index.js';
import type { Task } from '../../learners/index.js';
import { TrialPruned } from '../../tune/trial-pruned.js';
import type { Trial } from '../../tune/trial.js';
import type { FoldCache } from './fold-cache.js';
import type { LearnerSpec } from './learner-space.js';
import { suggestLearner } from './learner-space.js';
import { predictionsOf, scorePredictions } from './predictions.js';

/** Out-of-fold predictions of the best trials so far, for ensemble selection. */
export class OutOfFoldStore {
  readonly #keep: number;
  readonly #sign: number;
  readonly #entries = new Map<number, { score: number; predictions: Float64Array }>();

  /** Keeps the `keep` best trials' predictions (by score in `direction`). */
  constructor(keep: number, direction: 'minimize' | 'maximize') {
    this.#keep = keep;
    this.#sign = direction === 'minimize' ? 1 : -1;
  }

  offer(trialNumber: number, score: number, predictions: Float64Array): void {
    this.#entries.set(trialNumber, { score, predictions });
    if (this.#entries.size <= this.#keep) return;
    let worst = -1;
    let worstScore = -Infinity;
    for (const [number, entry] of this.#entries) {
      if (this.#sign * entry.score > worstScore) {
        worstScore = this.#sign * entry.score;
        worst = number;
      }
    }
    this.#entries.delete(worst);
  }

  get(trialNumber: number): Float64Array | undefined {
    return this.#entries.get(trialNumber)?.predictions;
  }

  trialNumbers(): number[] {
    return [...this.#entries.keys()];
  }
}

export interface CvObjectiveContext {
  readonly task: Task;
  readonly classCount: number;
  readonly metric: Metric;
  readonly learners: readonly LearnerSpec[];
  readonly cache: FoldCache;
  /** All rows' targets (codes or values), to lay out out-of-fold predictions. */
  readonly y: Float64Array;
  readonly seed: number;
  /** True once the search must stop (time budget, Ctrl-C): the trial ends at its next fold. */
  readonly shouldStop: () => boolean;
  readonly outOfFold: Pick<OutOfFoldStore, 'offer'>;
}

/** Why a trial stopped between folds. */
export const STOPPED_REASON =
  'the search stopped (time budget or interrupt) before this trial finished';

/**
 * The objective of `argmin tune`: pick a learner and its parameters, then cross-validate it on
 * the cached preprocessed folds, reporting the running mean score after each fold (so a pruner
 * can stop hopeless configurations after one or two folds — data as the resource), and keep its
 * out-of-fold predictions for ensembling. Records the learner, per-fold scores, their standard
 * deviation and the fit time as user attributes for the leaderboard.
 */
export function cvObjective(context: CvObjectiveContext): (trial: Trial) => number {
  const { cache, classCount, metric, y } = context;
  const width = context.task === 'classification' ? classCount : 1;
  return (trial) => {
    const { spec, params } = suggestLearner(trial, context.learners);
    trial.setUserAttr('learner', spec.name);
    const outOfFold = new Float64Array(y.length * width);
    const scores: number[] = [];
    let fitSeconds = 0;
    for (let k = 0; k < cache.folds; k++) {
      if (context.shouldStop()) throw new Error(STOPPED_REASON);
      const fold = cache.get(spec.family, k);
      const started = performance.now();
      const learner = spec.build(context.task, params, context.seed + k);
      learner.fit(fold.Xtrain, fold.ytrain, {
        ...(fold.categoricalFeatures.length > 0
          ? { categoricalFeatures: fold.categoricalFeatures }
          : {}),
      });
      fitSeconds += (performance.now() - started) / 1000;
      const predicted = predictionsOf(learner, fold.Xtest, classCount);
      for (let i = 0; i < fold.test.length; i++)
        outOfFold.set(predicted.subarray(i * width, (i + 1) * width), fold.test[i] * width);
      scores.push(scorePredictions(metric, fold.ytest, predicted, classCount));
      const mean = scores.reduce((s, v) => s + v, 0) / scores.length;
      trial.report(mean, k);
      if (k < cache.folds - 1 && trial.shouldPrune()) throw new TrialPruned();
    }
    const mean = scores.reduce((s, v) => s + v, 0) / scores.length;
    const std =
      scores.length > 1
        ? Math.sqrt(scores.reduce((s, v) => s + (v - mean) ** 2, 0) / (scores.length - 1))
        : 0;
    trial.setUserAttr('foldScores', scores);
    trial.setUserAttr('cvStd', std);
    trial.setUserAttr('fitSeconds', fitSeconds);
    context.outOfFold.offer(trial.number, mean, outOfFold);
    return mean;
  };
}
