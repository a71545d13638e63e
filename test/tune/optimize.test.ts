import { describe, expect, it } from 'vitest';
import { InvalidParameterError } from '../../src/errors.js';
import { createStudy, FAIL_REASON_KEY } from '../../src/tune/study.js';
import { TrialPruned } from '../../src/tune/trial-pruned.js';

/** Lets pending work run: optimize yields to the event loop once between trials. */
async function flush(): Promise<void> {
  for (let round = 0; round < 3; round++) await new Promise((resolve) => setImmediate(resolve));
}

describe('Study.optimize', () => {
  it('runs the requested number of trials', async () => {
    const study = createStudy({ seed: 1 });
    await study.optimize((trial) => trial.suggestFloat('x', 0, 1), { trials: 7 });
    expect(study.trials(['COMPLETE'])).toHaveLength(7);
  });

  it('fails a throwing trial with its message and goes on', async () => {
    const study = createStudy();
    await study.optimize(
      (trial) => {
        if (trial.number === 1) throw new Error('diverged');
        return trial.number;
      },
      { trials: 3 },
    );
    expect(study.trials().map((t) => t.state)).toEqual(['COMPLETE', 'FAIL', 'COMPLETE']);
    expect(study.trials()[1].systemAttrs[FAIL_REASON_KEY]).toMatch(/diverged/);
  });

  it('stops and rethrows with catch: false, keeping the trial failed', async () => {
    const study = createStudy();
    const run = study.optimize(
      (trial) => {
        if (trial.number === 1) throw new Error('boom');
        return 1;
      },
      { trials: 5, catch: false },
    );
    await expect(run).rejects.toThrow('boom');
    expect(study.trials().map((t) => t.state)).toEqual(['COMPLETE', 'FAIL']);
  });

  it('fails a trial whose objective returns NaN, with a clear reason', async () => {
    const study = createStudy();
    await study.optimize(() => Number.NaN, { trials: 1 });
    expect(study.trials()[0].state).toBe('FAIL');
    expect(study.trials()[0].systemAttrs[FAIL_REASON_KEY]).toMatch(/NaN/);
  });

  it('fails a trial whose objective returns the wrong number of values', async () => {
    const study = createStudy({ directions: ['minimize', 'minimize'] });
    await study.optimize(() => 1, { trials: 1 });
    expect(study.trials()[0].systemAttrs[FAIL_REASON_KEY]).toMatch(/2 direction/);
  });

  it('marks a trial that throws TrialPruned as PRUNED', async () => {
    const study = createStudy();
    await study.optimize(
      (trial) => {
        trial.report(1, 0);
        throw new TrialPruned();
      },
      { trials: 2 },
    );
    expect(study.trials().map((t) => t.state)).toEqual(['PRUNED', 'PRUNED']);
  });

  it('keeps exactly `concurrency` async objectives in flight', async () => {
    const study = createStudy();
    const pending: Array<(value: number) => void> = [];
    const run = study.optimize(() => new Promise<number>((resolve) => pending.push(resolve)), {
      trials: 6,
      concurrency: 4,
    });
    await flush();
    expect(pending).toHaveLength(4);
    expect(study.trials(['RUNNING'])).toHaveLength(4);
    pending[2](1);
    await flush();
    expect(pending).toHaveLength(5);
    expect(study.trials(['RUNNING'])).toHaveLength(4);
    for (let i = 0; i < pending.length; i++) pending[i](i);
    await flush();
    for (let i = 0; i < pending.length; i++) pending[i](i);
    await run;
    expect(pending).toHaveLength(6);
    expect(study.trials(['COMPLETE'])).toHaveLength(6);
  });

  it('starts no new trial after the timeout', async () => {
    const study = createStudy();
    const started = Date.now();
    await study.optimize(() => new Promise<number>((resolve) => setTimeout(() => resolve(0), 10)), {
      timeout: 60,
    });
    const elapsed = Date.now() - started;
    expect(study.trials().length).toBeGreaterThanOrEqual(1);
    expect(study.trials().length).toBeLessThan(10);
    expect(elapsed).toBeLessThan(60 + 500);
  });

  it.each([
    ['neither trials nor timeout', {}],
    ['zero trials', { trials: 0 }],
    ['a negative timeout', { timeout: -1 }],
    ['a fractional concurrency', { concurrency: 1.5, trials: 1 }],
  ])('rejects %s', async (_, options) => {
    await expect(createStudy().optimize(() => 0, options)).rejects.toThrow(InvalidParameterError);
  });

  it('keeps the value an objective told for its own trial and goes on', async () => {
    const study = createStudy();
    await study.optimize(
      async (trial) => {
        await study.tell(trial, 1);
        return 2;
      },
      { trials: 2 },
    );
    expect(study.trials().map((t) => [t.state, t.values])).toEqual([
      ['COMPLETE', [1]],
      ['COMPLETE', [1]],
    ]);
  });

  it('runs enqueued trials first', async () => {
    const study = createStudy({ seed: 5 });
    await study.enqueueTrial({ x: 0.5 });
    await study.optimize((trial) => trial.suggestFloat('x', 0, 1), { trials: 2 });
    expect(study.trials()[0].params.x).toBe(0.5);
    expect(study.trials()).toHaveLength(2);
  });

  it('finds the minimum of (x − 2)² + (y + 1)² roughly within 60 random trials', async () => {
    const study = createStudy({ seed: 11 });
    await study.optimize(
      (trial) => {
        const x = trial.suggestFloat('x', -10, 10);
        const y = trial.suggestFloat('y', -10, 10);
        return (x - 2) ** 2 + (y + 1) ** 2;
      },
      { trials: 60 },
    );
    // Uniform search over a 20×20 box: each draw lands within distance 4 of the optimum with
    // probability 16π/400 ≈ 0.126, so one of 60 does with probability > 0.999.
    expect(study.bestValue).toBeLessThan(16);
    const { x, y } = study.bestParams as { x: number; y: number };
    expect((x - 2) ** 2 + (y + 1) ** 2).toBe(study.bestValue);
  });

  it('says why it stopped: its trials ran, or its timeout passed', async () => {
    const study = createStudy({ seed: 1 });
    expect(await study.optimize(() => 1, { trials: 3 })).toBe('trials');
    const slow = () => new Promise<number>((resolve) => setTimeout(() => resolve(1), 5));
    expect(await study.optimize(slow, { timeout: 20 })).toBe('timeout');
  });

  it('hands each ended trial, in its final state, to onTrialEnd', async () => {
    const study = createStudy({ seed: 1 });
    const ended: string[] = [];
    await study.optimize(
      (trial) => {
        if (trial.number === 1) throw new TrialPruned();
        if (trial.number === 2) throw new Error('boom');
        return trial.number;
      },
      { trials: 4, onTrialEnd: (t) => ended.push(`${t.number}:${t.state}`) },
    );
    expect(ended).toEqual(['0:COMPLETE', '1:PRUNED', '2:FAIL', '3:COMPLETE']);
  });

  it('starts no new trial once its signal is aborted, and says so', async () => {
    const study = createStudy({ seed: 1 });
    const controller = new AbortController();
    const stop = await study.optimize(
      (trial) => {
        if (trial.number === 2) controller.abort();
        return trial.number;
      },
      { trials: 10, signal: controller.signal },
    );
    expect(stop).toBe('aborted');
    expect(study.trials().map((t) => t.state)).toEqual(['COMPLETE', 'COMPLETE', 'COMPLETE']);
  });

  it('fails a trial that outlives trialTimeout and goes on, even with catch: false', async () => {
    const study = createStudy({ seed: 1 });
    await study.optimize(
      (trial) =>
        new Promise<number>((resolve) =>
          setTimeout(() => resolve(1), trial.number === 0 ? 500 : 1),
        ),
      { trials: 3, trialTimeout: 50, catch: false },
    );
    expect(study.trials().map((t) => t.state)).toEqual(['FAIL', 'COMPLETE', 'COMPLETE']);
    expect(study.trials()[0].systemAttrs[FAIL_REASON_KEY]).toBe(
      'exceeded the per-trial time limit of 50 ms',
    );
  });
});
