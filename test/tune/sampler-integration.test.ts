import { describe, expect, it } from 'vitest';
import type { Distribution, ParamValue } from '../../src/tune/distributions.js';
import { fromInternal, internalBounds } from '../../src/tune/distributions.js';
import { createStudy, FAIL_REASON_KEY } from '../../src/tune/study.js';
import type { FrozenTrial, Sampler, StudyView } from '../../src/tune/types.js';

/** Proposes every parameter at its lower bound, and `x` jointly at its upper bound. */
class EdgeSampler implements Sampler {
  readonly finished: number[] = [];

  inferRelativeSearchSpace(): Record<string, Distribution> {
    return { x: { kind: 'float', low: 0, high: 1, log: false, step: null } };
  }

  sampleRelative(
    _study: StudyView,
    _trial: FrozenTrial,
    space: Readonly<Record<string, Distribution>>,
  ): Record<string, ParamValue> {
    return { x: fromInternal(space.x, internalBounds(space.x)[1]) };
  }

  sampleIndependent(_s: StudyView, _t: FrozenTrial, _n: string, d: Distribution): ParamValue {
    return fromInternal(d, internalBounds(d)[0]);
  }

  afterTrial(_study: StudyView, trial: FrozenTrial): void {
    this.finished.push(trial.number);
  }
}

describe('a study with a custom sampler', () => {
  it('takes relatively sampled values for the relative space and asks independently otherwise', async () => {
    const study = createStudy({ sampler: new EdgeSampler() });
    const trial = await study.ask();
    expect(trial.suggestFloat('x', 0, 1)).toBe(1);
    expect(trial.suggestFloat('y', 2, 3)).toBe(2);
  });

  it('samples independently when the suggested distribution differs from the relative one', async () => {
    const trial = await createStudy({ sampler: new EdgeSampler() }).ask();
    expect(trial.suggestFloat('x', 0, 5)).toBe(0);
  });

  it('calls afterTrial once per finished trial', async () => {
    const sampler = new EdgeSampler();
    const study = createStudy({ sampler });
    await study.optimize((t) => t.suggestFloat('x', 0, 1), { trials: 3 });
    expect(sampler.finished).toEqual([0, 1, 2]);
  });

  it('fails the new trial when relative sampling throws', async () => {
    const study = createStudy({
      sampler: {
        inferRelativeSearchSpace: () => ({ x: { kind: 'categorical', choices: [1] } }),
        sampleRelative: () => {
          throw new Error('singular covariance');
        },
        sampleIndependent: () => 0,
      },
    });
    await expect((async () => await study.ask())()).rejects.toThrow('singular covariance');
    expect(study.trials()[0].state).toBe('FAIL');
    expect(study.trials()[0].systemAttrs[FAIL_REASON_KEY]).toMatch(/singular covariance/);
  });

  it('reproduces the same parameters with the same seed', async () => {
    const run = async (seed: number) => {
      const study = createStudy({ seed });
      await study.optimize(
        (t) => t.suggestFloat('x', -1, 1) + t.suggestInt('n', 1, 100, { log: true }),
        {
          trials: 5,
        },
      );
      return study.trials().map((t) => t.params);
    };
    expect(await run(3)).toEqual(await run(3));
    expect(await run(3)).not.toEqual(await run(4));
  });
});
