import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { InvalidParameterError } from '../../src/errors.js';
import { createStudy, FAIL_REASON_KEY } from '../../src/tune/study.js';
import { ThreadObjective } from '../../src/tune/thread-objective.js';

const module = join(import.meta.dirname, 'fixtures/thread-objective.mjs');
const pools: ThreadObjective[] = [];
afterEach(async () => {
  for (const pool of pools.splice(0)) await pool.close();
});

function pool(options: ConstructorParameters<typeof ThreadObjective>[1]): ThreadObjective {
  const created = new ThreadObjective(module, options);
  pools.push(created);
  return created;
}

function sharedData(value: number): SharedArrayBuffer {
  const buffer = new SharedArrayBuffer(8);
  new Float64Array(buffer)[0] = value;
  return buffer;
}

describe('ThreadObjective', () => {
  it('runs trials on two threads with conditional parameters, reports and shared data', async () => {
    const threads = pool({ threads: 2, shared: { data: sharedData(10) } });
    const study = createStudy({ seed: 4 });
    await study.optimize(threads.objective, { trials: 8, concurrency: threads.threads });
    const trials = study.trials();
    expect(trials.map((t) => t.state)).toEqual(Array(8).fill('COMPLETE'));
    for (const t of trials) {
      const x = t.params.x as number;
      const shift = t.params.kind === 'shifted' ? (t.params.shift as number) : 0;
      expect('shift' in t.params).toBe(t.params.kind === 'shifted');
      expect(t.values).toEqual([x * x + shift + 10]);
      expect([...t.intermediateValues.values()]).toEqual([x * x, x * x + 1, x * x + 2]);
    }
    expect(new Set(trials.map((t) => t.userAttrs.thread)).size).toBe(2);
  });

  it('fails a trial whose objective throws and prunes one that throws TrialPruned', async () => {
    const threads = pool({ threads: 1, shared: { data: sharedData(0), failOn: 1, pruneOn: 2 } });
    const study = createStudy({ seed: 1 });
    await study.optimize(threads.objective, { trials: 4 });
    expect(study.trials().map((t) => t.state)).toEqual(['COMPLETE', 'FAIL', 'PRUNED', 'COMPLETE']);
    expect(study.trials()[1].systemAttrs[FAIL_REASON_KEY]).toMatch(/planned failure/);
  });

  it("carries the main thread's errors (a bad suggestion) into the failed trial", async () => {
    const threads = pool({ threads: 1, exportName: 'invertedRange' });
    const study = createStudy({ seed: 1 });
    await study.optimize(threads.objective, { trials: 1 });
    expect(study.trials()[0].state).toBe('FAIL');
    expect(study.trials()[0].systemAttrs[FAIL_REASON_KEY]).toMatch(/"x".*low/i);
  });

  it('fails trials with a message naming the exports when the export is missing', async () => {
    const threads = pool({ threads: 1, exportName: 'nope' });
    const study = createStudy({ seed: 1 });
    await study.optimize(threads.objective, { trials: 2 });
    expect(study.trials().map((t) => t.state)).toEqual(['FAIL', 'FAIL']);
    expect(study.trials()[0].systemAttrs[FAIL_REASON_KEY]).toMatch(
      /no function "nope" \(it exports: invertedRange, objective, stuckFirst\)/,
    );
  });

  it('stops a stuck synchronous trial at its time limit, fails it, and goes on', async () => {
    const threads = pool({ threads: 1, exportName: 'stuckFirst', timeLimitMs: 1000 });
    const study = createStudy({ seed: 1 });
    await study.optimize(threads.objective, { trials: 3 });
    expect(study.trials().map((t) => t.state)).toEqual(['FAIL', 'COMPLETE', 'COMPLETE']);
    expect(study.trials()[0].systemAttrs[FAIL_REASON_KEY]).toMatch(
      /per-trial time limit of 1000 ms \(its thread was stopped\)/,
    );
  });

  it.each([0, 1.5, -1])('refuses %d threads', (threads) => {
    expect(() => new ThreadObjective(module, { threads })).toThrow(InvalidParameterError);
  });
});
