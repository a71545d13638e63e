import type { Distribution } from '../distributions.js';
import { sameDistribution } from '../distributions.js';
import type { FrozenTrial, StudyView } from '../types.js';

/**
 * Parameters present, with one and the same distribution, in every completed trial (Optuna's
 * intersection search space), sorted by name. Single-valued ranges are left out: there is
 * nothing to sample jointly.
 */
export function intersectionSearchSpace(study: StudyView): Record<string, Distribution> {
  let space: Map<string, Distribution> | null = null;
  for (const trial of study.trials(['COMPLETE'])) {
    if (space === null) {
      space = new Map(Object.entries(trial.distributions));
      continue;
    }
    for (const [name, distribution] of space) {
      const other = trial.distributions[name];
      if (other === undefined || !sameDistribution(distribution, other)) space.delete(name);
    }
  }
  return sortedSpace(space ?? new Map());
}

/** The parameters of one trial, sorted by name, single-valued ones left out. */
export function trialSearchSpace(trial: FrozenTrial): Record<string, Distribution> {
  return sortedSpace(new Map(Object.entries(trial.distributions)));
}

function sortedSpace(space: Map<string, Distribution>): Record<string, Distribution> {
  const out: Record<string, Distribution> = {};
  for (const name of [...space.keys()].sort()) {
    const distribution = space.get(name) as Distribution;
    if (!isSingleValued(distribution)) out[name] = distribution;
  }
  return out;
}

function isSingleValued(d: Distribution): boolean {
  if (d.kind === 'categorical') return d.choices.length === 1;
  return d.low === d.high;
}
