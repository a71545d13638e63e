import { describe, expect, it } from 'vitest';
import { InvalidParameterError } from '../../src/errors.js';
import { dominates } from '../../src/tune/pareto.js';
import { createStudy } from '../../src/tune/study.js';

describe('multi-objective studies', () => {
  it('return exactly the non-dominated completed trials as bestTrials', async () => {
    const study = createStudy({ directions: ['minimize', 'maximize'] });
    // (cost, accuracy): trials 0, 2 and 4 are the front; 1 is dominated by 0, 3 by 2.
    const points = [
      [1, 0.7],
      [2, 0.6],
      [3, 0.9],
      [4, 0.85],
      [5, 0.95],
    ];
    for (const point of points) await study.tell(await study.ask(), point);
    await study.tell(await study.ask(), 'FAIL');
    expect(study.bestTrials.map((t) => t.number)).toEqual([0, 2, 4]);
  });

  it('leave infeasible trials off the front', async () => {
    const study = createStudy({
      directions: ['minimize', 'minimize'],
      constraints: (t) => [(t.values as number[])[0] < 1 ? 1 : 0],
    });
    await study.tell(await study.ask(), [0.5, 0.5]);
    await study.tell(await study.ask(), [2, 2]);
    expect(study.bestTrials.map((t) => t.number)).toEqual([1]);
  });

  it('refuse a single best trial', async () => {
    const study = createStudy({ directions: ['minimize', 'minimize'] });
    await study.tell(await study.ask(), [1, 1]);
    expect(() => study.bestTrial).toThrow(InvalidParameterError);
    expect(() => study.bestValue).toThrow(/Pareto/);
    expect(() => study.direction).toThrow(InvalidParameterError);
  });

  it('treat equal points as not dominating each other', async () => {
    expect(dominates([1, 1], [1, 1], ['minimize', 'minimize'])).toBe(false);
    expect(dominates([1, 2], [1, 1], ['minimize', 'maximize'])).toBe(true);
  });
});
