import type { Metric } from '../../metrics/index.js';
import { scorePredictions } from './predictions.js';

export interface EnsembleCandidate {
  readonly id: number;
  /** Out-of-fold predictions over every row, in the layout of `predictionsOf`. */
  readonly predictions: Float64Array;
}

export interface SelectedEnsemble {
  /** Member id → weight (times chosen ÷ rounds), weights summing to 1. */
  readonly weights: ReadonlyMap<number, number>;
  /** The ensemble's out-of-fold score. */
  readonly score: number;
}

/**
 * Greedy ensemble selection with replacement (Caruana et al., 2004): start from the best single
 * candidate, then repeatedly add whichever candidate (again, possibly) most improves the
 * out-of-fold score of the running average, for `rounds` steps, keeping the best step.
 * Choosing with replacement gives the weights; ties go to the earlier candidate so the result
 * is deterministic.
 *
 * @example
 * const { weights, score } = selectEnsemble(candidates, y, getMetric('roc_auc'), 2);
 */
export function selectEnsemble(
  candidates: readonly EnsembleCandidate[],
  yTrue: Float64Array,
  metric: Metric,
  classCount: number,
  rounds = 25,
): SelectedEnsemble {
  const sign = metric.direction === 'maximize' ? 1 : -1;
  const width = candidates[0].predictions.length;
  const sum = new Float64Array(width);
  const trial = new Float64Array(width);
  const chosen = new Map<number, number>();
  let bestScore = -Infinity;
  let bestChosen = new Map<number, number>();
  for (let round = 1; round <= rounds; round++) {
    let pick = -1;
    let pickScore = -Infinity;
    for (let c = 0; c < candidates.length; c++) {
      const predictions = candidates[c].predictions;
      for (let j = 0; j < width; j++) trial[j] = (sum[j] + predictions[j]) / round;
      const score = sign * scorePredictions(metric, yTrue, trial, classCount);
      if (score > pickScore) {
        pickScore = score;
        pick = c;
      }
    }
    const predictions = candidates[pick].predictions;
    for (let j = 0; j < width; j++) sum[j] += predictions[j];
    const id = candidates[pick].id;
    chosen.set(id, (chosen.get(id) ?? 0) + 1);
    if (pickScore > bestScore) {
      bestScore = pickScore;
      bestChosen = new Map(chosen);
    }
  }
  const total = [...bestChosen.values()].reduce((s, n) => s + n, 0);
  return {
    weights: new Map([...bestChosen].map(([id, n]) => [id, n / total])),
    score: sign * bestScore,
  };
}
