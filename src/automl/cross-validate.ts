import type { Fold } from '../data/index.js';
import type { Frame } from '../data/frame.js';
import type { Pipeline } from '../features/index.js';
import { scorePipeline } from './score-pipeline.js';

export interface FoldResult {
  readonly fold: number;
  readonly scores: Readonly<Record<string, number>>;
  readonly fitSeconds: number;
}

export interface CrossValidationResult {
  readonly metrics: readonly string[];
  readonly folds: readonly FoldResult[];
  readonly mean: Readonly<Record<string, number>>;
  /** Sample standard deviation over folds (n − 1). */
  readonly std: Readonly<Record<string, number>>;
}

export interface CrossValidateOptions {
  readonly folds: readonly Fold[];
  readonly metrics: readonly string[];
  /** Called after each fold, e.g. to show progress. */
  readonly onFold?: (result: FoldResult, total: number) => void;
}

/**
 * Fits a fresh pipeline on each fold's training rows only and scores it on the held-out rows:
 * every statistic a transformer learns comes from training rows, so nothing leaks.
 *
 * @example
 * const folds = stratifiedKFold(frame.column('Status'), { k: 5, seed: 0 });
 * const cv = crossValidate(() => makePipeline(), frame, 'Status', { folds, metrics: ['roc_auc'] });
 * cv.mean.roc_auc;
 */
export function crossValidate(
  makePipeline: () => Pipeline,
  frame: Frame,
  target: string,
  options: CrossValidateOptions,
): CrossValidationResult {
  const folds: FoldResult[] = [];
  options.folds.forEach((fold, i) => {
    const started = process.hrtime.bigint();
    const pipeline = makePipeline().fit(frame.take(fold.train), target);
    const fitSeconds = Number(process.hrtime.bigint() - started) / 1e9;
    const result = {
      fold: i,
      scores: scorePipeline(pipeline, frame.take(fold.test), target, options.metrics),
      fitSeconds,
    };
    folds.push(result);
    options.onFold?.(result, options.folds.length);
  });
  const mean: Record<string, number> = {};
  const std: Record<string, number> = {};
  for (const name of options.metrics) {
    const values = folds.map((f) => f.scores[name]);
    const m = values.reduce((s, v) => s + v, 0) / values.length;
    mean[name] = m;
    std[name] =
      values.length > 1
        ? Math.sqrt(values.reduce((s, v) => s + (v - m) ** 2, 0) / (values.length - 1))
        : 0;
  }
  return { metrics: [...options.metrics], folds, mean, std };
}
