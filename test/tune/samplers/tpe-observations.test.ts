import { describe, expect, it } from 'vitest';
import { floatDistribution } from '../../../src/tune/distributions.js';
import {
  RandomSampler,
  defaultGamma,
  defaultWeights,
  splitObservations,
} from '../../../src/tune/samplers/index.js';
import { StudyDouble } from './study-double.js';

const x = floatDistribution('x', 0, 10);

/** Trials with x = 0..9 and value = x, so the best have the smallest x. */
function rankedStudy(): StudyDouble {
  const study = new StudyDouble(new RandomSampler({ seed: 1 }));
  for (let i = 0; i < 10; i++) {
    const trial = study.start();
    trial.suggest('x', x);
    trial.complete(0);
  }
  return study;
}

describe('splitObservations', () => {
  it('puts the best gamma(n) complete trials below, in trial order', () => {
    const study = new StudyDouble(new RandomSampler({ seed: 1 }));
    study.optimize((suggest) => suggest('x', x) as number, 20);
    const split = splitObservations(study, ['x'], [x], false, () => 5);
    expect(split.nBelow).toBe(5);
    expect(split.nAbove).toBe(15);
    const values = study.trials().map((t) => t.params.x as number);
    const best = [...values].sort((p, q) => p - q).slice(0, 5);
    expect([...split.below].sort((p, q) => p - q)).toEqual(best);
    expect([...split.below]).toEqual(values.filter((v) => best.includes(v)));
  });

  it('ranks pruned trials after complete ones, later steps first', () => {
    const study = rankedStudy();
    const early = study.start();
    early.suggest('x', x);
    early.prune(1, -100);
    const late = study.start();
    const lateX = late.suggest('x', x) as number;
    late.prune(5, 50);
    const split = splitObservations(study, ['x'], [x], false, () => 11);
    expect(split.nBelow).toBe(11);
    expect([...split.below]).toContain(lateX);
  });

  it('counts running trials as above only with the constant liar', () => {
    const study = rankedStudy();
    study.start().suggest('x', x);
    expect(splitObservations(study, ['x'], [x], false, () => 1).nAbove).toBe(9);
    expect(splitObservations(study, ['x'], [x], true, () => 1).nAbove).toBe(10);
  });

  it('ranks every trial but keeps only those holding the parameter, as Optuna 3.1 does', () => {
    const study = rankedStudy();
    // The best trial overall never suggested x: it takes the one "below" place, leaving x's
    // below set empty (its branch has produced nothing good yet).
    study.start().complete(-5);
    const split = splitObservations(study, ['x'], [x], false, () => 1);
    expect(split.nBelow).toBe(0);
    expect(split.nAbove).toBe(10);
    const two = splitObservations(study, ['x'], [x], false, () => 2);
    expect([two.nBelow, two.nAbove]).toEqual([1, 9]);
  });
});

describe('TPE defaults', () => {
  it('take the best tenth of observations as good, at most 25', () => {
    expect([1, 10, 11, 100, 1000].map(defaultGamma)).toEqual([1, 1, 2, 10, 25]);
  });

  it('weigh the 25 newest observations fully and ramp older ones up from 1/n', () => {
    expect([...defaultWeights(10)]).toEqual(new Array(10).fill(1));
    const weights = defaultWeights(100);
    expect(weights[0]).toBeCloseTo(0.01, 12);
    for (let i = 1; i < 75; i++) expect(weights[i]).toBeGreaterThan(weights[i - 1]);
    expect([...weights.slice(74)]).toEqual(new Array(26).fill(1));
  });
});
