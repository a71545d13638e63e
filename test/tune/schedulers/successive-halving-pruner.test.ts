import { describe, expect, it } from 'vitest';
import { Rng } from '../../../src/data/rng.js';
import { InvalidParameterError } from '../../../src/errors.js';
import {
  rungKey,
  SuccessiveHalvingPruner,
} from '../../../src/tune/schedulers/successive-halving-pruner.js';
import type { SuccessiveHalvingPrunerOptions } from '../../../src/tune/schedulers/successive-halving-pruner.js';
import { createStudy } from '../../../src/tune/study.js';
import type { Direction } from '../../../src/tune/types.js';

function ashaStudy(options: SuccessiveHalvingPrunerOptions, direction: Direction = 'minimize') {
  return createStudy({ direction, pruner: new SuccessiveHalvingPruner(options) });
}

describe('SuccessiveHalvingPruner', () => {
  it('promotes a trial at a rung exactly when it ranks in the top ⌊n/η⌋ of the n values there', async () => {
    const study = ashaStudy({ minResource: 1, reductionFactor: 3 });
    const rng = new Rng(9);
    const seen: number[] = [];
    for (let i = 0; i < 30; i++) {
      const value = rng.next();
      seen.push(value);
      const trial = await study.ask();
      trial.report(value, 1);
      const rank = seen.filter((v) => v < value).length; // 0 = best
      const promoted = rank < Math.max(1, Math.floor(seen.length / 3));
      expect(trial.shouldPrune()).toBe(!promoted);
      await study.tell(trial, 'PRUNED');
    }
  });

  it('passes exactly the values within the top third of nine at a rung', async () => {
    const recorded = [5, 3, 9, 1, 7, 2, 8, 4];
    const promoted = await Promise.all(
      [1, 2, 3, 3.5, 4].map(async (value) => {
        const study = ashaStudy({ minResource: 1, reductionFactor: 3 });
        for (const v of recorded) {
          const trial = await study.ask();
          trial.report(v, 1);
          study.setTrialSystemAttr(trial.number, rungKey(0), v);
          await study.tell(trial, v);
        }
        const probe = await study.ask();
        probe.report(value, 1);
        return !probe.shouldPrune();
      }),
    );
    // With the probe, nine values: ⌊9/3⌋ = 3 pass, so the probe must rank third or better.
    expect(promoted).toEqual([true, true, true, false, false]);
  });

  it('does not judge a trial before its first rung and records the rung value when it does', async () => {
    const study = ashaStudy({ minResource: 2, reductionFactor: 2, minEarlyStoppingRate: 1 });
    const trial = await study.ask();
    trial.report(0.5, 3);
    expect(trial.shouldPrune()).toBe(false);
    expect(study.trials()[0].systemAttrs[rungKey(0)]).toBeUndefined();
    trial.report(0.4, 4);
    expect(trial.shouldPrune()).toBe(false);
    expect(study.trials()[0].systemAttrs[rungKey(0)]).toBe(0.4);
  });

  it('climbs several rungs in one call when the trial skipped ahead', async () => {
    const study = ashaStudy({ minResource: 1, reductionFactor: 3 });
    const trial = await study.ask();
    trial.report(0.1, 9);
    expect(trial.shouldPrune()).toBe(false);
    const attrs = study.trials()[0].systemAttrs;
    expect([attrs[rungKey(0)], attrs[rungKey(1)], attrs[rungKey(2)]]).toEqual([0.1, 0.1, 0.1]);
  });

  it('keeps the highest values when maximising', async () => {
    const study = ashaStudy({ minResource: 1, reductionFactor: 2 }, 'maximize');
    const first = await study.ask();
    first.report(0.5, 1);
    expect(first.shouldPrune()).toBe(false);
    const worse = await study.ask();
    worse.report(0.4, 1);
    expect(worse.shouldPrune()).toBe(true);
    const better = await study.ask();
    better.report(0.9, 1);
    expect(better.shouldPrune()).toBe(false);
  });

  it('prunes a NaN value at a rung', async () => {
    const trial = await ashaStudy({ minResource: 1 }).ask();
    trial.report(Number.NaN, 1);
    expect(trial.shouldPrune()).toBe(true);
  });

  it('with minResource "auto" waits for a completed trial, then uses 1% of its length', async () => {
    const study = ashaStudy({ minResource: 'auto', reductionFactor: 3 });
    const early = await study.ask();
    early.report(1, 5);
    expect(early.shouldPrune()).toBe(false);
    await study.tell(early, 1);
    const long = await study.ask();
    for (let step = 0; step < 300; step++) long.report(1, step);
    await study.tell(long, 1);
    const probe = await study.ask();
    probe.report(5, 2);
    expect(probe.shouldPrune()).toBe(false); // rung 0 is at step 3 = 300 // 100
    probe.report(5, 3);
    expect(probe.shouldPrune()).toBe(false); // first value at the rung: the best so far
    expect(study.trials()[2].systemAttrs[rungKey(0)]).toBe(5);
  });

  it.each([[{ minResource: 0 }], [{ reductionFactor: 1 }], [{ minEarlyStoppingRate: -1 }]])(
    'rejects %o',
    (options) => {
      expect(() => new SuccessiveHalvingPruner(options)).toThrow(InvalidParameterError);
    },
  );
});
