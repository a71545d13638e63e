/**
 * The sampler conformance suite: every sampler's test file runs it with a factory from seed
 * to sampler.
 */
import { describe, expect, it } from 'vitest';
import type { Distribution, ParamValue } from '../../../src/tune/distributions.js';
import {
  categoricalDistribution,
  contains,
  floatDistribution,
  intDistribution,
} from '../../../src/tune/distributions.js';
import type { Sampler } from '../../../src/tune/types.js';
import type { Suggest } from './study-double.js';
import { StudyDouble } from './study-double.js';

const SPACE: Readonly<Record<string, Distribution>> = {
  x: floatDistribution('x', -3, 2),
  lr: floatDistribution('lr', 1e-5, 1e-1, { log: true }),
  frac: floatDistribution('frac', 0.1, 0.95, { step: 0.05 }),
  depth: intDistribution('depth', 1, 12),
  leaves: intDistribution('leaves', 2, 1024, { log: true }),
  width: intDistribution('width', 8, 100, { step: 4 }),
  kind: categoricalDistribution('kind', ['tree', 'linear', null, 3]),
};
const CONDITIONAL: Readonly<Record<string, Distribution>> = {
  alpha: floatDistribution('alpha', 0, 10),
  trees: intDistribution('trees', 10, 500, { log: true }),
};

/** A mixed objective over SPACE with a conditional branch: numbers in, number out. */
function objective(suggest: Suggest): number {
  let loss = 0;
  for (const [name, distribution] of Object.entries(SPACE)) {
    const value = suggest(name, distribution);
    loss += typeof value === 'number' ? Math.abs(Math.log1p(Math.abs(value))) : 1;
  }
  const kind = suggest('kind', SPACE.kind);
  if (kind === 'linear') loss += (suggest('alpha', CONDITIONAL.alpha) as number) / 10;
  if (kind === 'tree') loss += Math.log(suggest('trees', CONDITIONAL.trees) as number);
  return loss;
}

function runParams(
  make: (seed: number) => Sampler,
  seed: number,
  trials = 30,
): Record<string, ParamValue>[] {
  const study = new StudyDouble(make(seed));
  study.optimize(objective, trials);
  return study.trials().map((t) => ({ ...t.params }));
}

/** Runs the shared sampler behaviours against `make(seed)`. */
export function describeSamplerConformance(name: string, make: (seed: number) => Sampler): void {
  describe(`${name} (sampler conformance)`, () => {
    it('suggests the same values under the same seed', () => {
      expect(runParams(make, 11)).toEqual(runParams(make, 11));
    });

    it('suggests different values under different seeds', () => {
      expect(runParams(make, 11)).not.toEqual(runParams(make, 12));
    });

    it('keeps every value inside its distribution (bounds, log, step, int, categorical)', () => {
      const study = new StudyDouble(make(5));
      study.optimize(objective, 30);
      for (const trial of study.trials()) {
        for (const [param, value] of Object.entries(trial.params)) {
          const distribution = SPACE[param] ?? CONDITIONAL[param];
          expect(contains(distribution, value), `${param}=${String(value)}`).toBe(true);
        }
      }
    });

    it('suggests a conditional parameter only on its branch, and both branches get explored', () => {
      const study = new StudyDouble(make(9));
      study.optimize(objective, 30);
      const trials = study.trials();
      for (const trial of trials) {
        expect('alpha' in trial.params).toBe(trial.params.kind === 'linear');
        expect('trees' in trial.params).toBe(trial.params.kind === 'tree');
      }
      expect(trials.some((t) => 'alpha' in t.params)).toBe(true);
      expect(trials.some((t) => 'trees' in t.params)).toBe(true);
    });

    it('handles a range holding a single value', () => {
      const study = new StudyDouble(make(3));
      study.optimize((suggest) => {
        expect(suggest('fixed', floatDistribution('fixed', 2, 2))).toBe(2);
        expect(suggest('one', intDistribution('one', 4, 4))).toBe(4);
        return suggest('x', SPACE.x) as number;
      }, 15);
      expect(study.trials(['COMPLETE'])).toHaveLength(15);
    });
  });
}
