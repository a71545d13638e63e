import { describe, expect, it } from 'vitest';
import { InvalidParameterError } from '../../../src/errors.js';
import { MedianPruner } from '../../../src/tune/schedulers/median-pruner.js';
import type { MedianPrunerOptions } from '../../../src/tune/schedulers/median-pruner.js';
import { createStudy } from '../../../src/tune/study.js';
import type { Direction } from '../../../src/tune/types.js';

/** A study whose completed trials reported these curves (value at step i = curve[i]). */
async function studyWithCurves(
  curves: number[][],
  options: MedianPrunerOptions,
  direction: Direction = 'minimize',
) {
  const study = createStudy({ direction, pruner: new MedianPruner(options) });
  for (const curve of curves) {
    const trial = await study.ask();
    curve.forEach((value, step) => trial.report(value, step));
    await study.tell(trial, curve[curve.length - 1]);
  }
  return study;
}

const curves = [
  [10, 8, 6],
  [9, 7, 5],
  [8, 6, 4],
  [7, 5, 3],
  [6, 4, 2],
];

describe('MedianPruner', () => {
  it('prunes a trial worse than the median at the step it falls behind', async () => {
    const study = await studyWithCurves(curves, { nStartupTrials: 5 });
    const trial = await study.ask();
    // Medians by step: 8, 6, 4. The trial is better at step 0 and worse from step 1.
    trial.report(7.5, 0);
    expect(trial.shouldPrune()).toBe(false);
    trial.report(6.5, 1);
    expect(trial.shouldPrune()).toBe(true);
  });

  it('compares the best value so far, not the latest', async () => {
    const study = await studyWithCurves(curves, { nStartupTrials: 5 });
    const trial = await study.ask();
    trial.report(3, 0);
    trial.report(6.5, 1);
    expect(trial.shouldPrune()).toBe(false);
  });

  it('does not prune before nStartupTrials trials completed', async () => {
    const study = await studyWithCurves(curves.slice(0, 4), { nStartupTrials: 5 });
    const trial = await study.ask();
    trial.report(100, 0);
    expect(trial.shouldPrune()).toBe(false);
  });

  it('does not prune during the warm-up steps', async () => {
    const study = await studyWithCurves(curves, { nStartupTrials: 5, nWarmupSteps: 2 });
    const trial = await study.ask();
    trial.report(100, 0);
    trial.report(100, 1);
    expect(trial.shouldPrune()).toBe(false);
    trial.report(100, 2);
    expect(trial.shouldPrune()).toBe(true);
  });

  it('judges only at the first report of each interval', async () => {
    const study = await studyWithCurves(curves, { nStartupTrials: 5, intervalSteps: 2 });
    const trial = await study.ask();
    trial.report(100, 0);
    expect(trial.shouldPrune()).toBe(true);
    trial.report(100, 1);
    expect(trial.shouldPrune()).toBe(false);
  });

  it('prunes a trial that reported only NaN', async () => {
    const study = await studyWithCurves(curves, { nStartupTrials: 5 });
    const trial = await study.ask();
    trial.report(Number.NaN, 0);
    expect(trial.shouldPrune()).toBe(true);
  });

  it('prunes the lower values when maximising', async () => {
    const study = await studyWithCurves(curves, { nStartupTrials: 5 }, 'maximize');
    const low = await study.ask();
    low.report(7.5, 0);
    expect(low.shouldPrune()).toBe(true);
    const high = await study.ask();
    high.report(8.5, 0);
    expect(high.shouldPrune()).toBe(false);
  });

  it.each([[{ nStartupTrials: -1 }], [{ nWarmupSteps: 0.5 }], [{ intervalSteps: 0 }]])(
    'rejects %o',
    (options) => {
      expect(() => new MedianPruner(options)).toThrow(InvalidParameterError);
    },
  );
});
