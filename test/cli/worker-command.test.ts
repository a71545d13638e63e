import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/index.js';
import { requireStudy } from '../../src/tune/storage/study-rows.js';
import { FAIL_REASON_KEY } from '../../src/tune/study.js';
import type { FrozenTrial } from '../../src/tune/types.js';
import { openStudy } from '../../src/tune/open-study.js';
import { startWriter } from '../store/child-process.js';
import { forEachDialect } from '../store/dialects.js';

const argmin = resolve(import.meta.dirname, '../../bin/argmin.js');
const objective = resolve(import.meta.dirname, 'fixtures/worker-objective.mjs');
const folder = mkdtempSync(join(tmpdir(), 'argmin-worker-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

let logs = 0;
function trialLog(): string {
  return join(folder, `trials-${logs++}.log`);
}

/** Trial number → the processes that started it, from the objective's log. */
function starts(log: string): Map<number, string[]> {
  const byTrial = new Map<number, string[]>();
  for (const line of readFileSync(log, 'utf8').trim().split('\n')) {
    const [number, pid] = line.split(' ');
    byTrial.set(Number(number), [...(byTrial.get(Number(number)) ?? []), pid]);
  }
  return byTrial;
}

async function createStudy(uri: string, name: string, ...flags: string[]): Promise<void> {
  const created = await startWriter(argmin, [
    'studies',
    'create',
    name,
    '--store',
    uri,
    '--objective',
    objective,
    ...flags,
  ]).exited;
  expect(created.code, created.stderr).toBe(0);
}

async function storedTrials(uri: string, name: string): Promise<readonly FrozenTrial[]> {
  const store = await openStore(uri, { handleExit: false });
  try {
    const record = await requireStudy(store.db, name);
    const study = await openStudy({ store, name, directions: record.directions });
    const trials = study.trials();
    await study.close();
    return trials;
  } finally {
    await store.close();
  }
}

forEachDialect((target) => {
  describe('argmin worker', () => {
    it('lets two workers complete the budget between them with no trial run twice', async () => {
      const uri = await target.freshUri();
      await createStudy(uri, 'shared', '--max-trials', '20');
      const log = trialLog();
      const env = { TRIAL_LOG: log, SLEEP_MS: '60' };
      const workers = [0, 1].map(() =>
        startWriter(argmin, ['worker', '--study', 'shared', '--store', uri], env),
      );
      const results = await Promise.all(workers.map((w) => w.exited));
      for (const result of results) expect(result.code, result.stderr).toBe(0);
      const byTrial = starts(log);
      expect([...byTrial.keys()].sort((a, b) => a - b)).toEqual([...Array(20).keys()]);
      for (const [, pids] of byTrial) expect(pids).toHaveLength(1);
      // Both took part: the trials were shared, not run by one while the other waited.
      expect(new Set([...byTrial.values()].flat()).size).toBe(2);
      const trials = await storedTrials(uri, 'shared');
      expect(trials.filter((t) => t.state === 'COMPLETE')).toHaveLength(20);
      const shown = await startWriter(argmin, ['studies', 'show', 'shared', '--store', uri]).exited;
      expect(shown.code, shown.stderr).toBe(0);
      expect(shown.stdout).toMatch(/trials: 20 complete/);
      expect(shown.stdout).toMatch(/parameter importance[\s\S]*x\s+1\.000/);
    }, 60_000);

    it('finishes the study after a worker is killed mid-trial: completed trials kept, the orphan failed', async () => {
      const uri = await target.freshUri();
      await createStudy(uri, 'killed', '--max-trials', '6', '--heartbeat', '100ms');
      const log = trialLog();
      const doomed = startWriter(argmin, ['worker', '--study', 'killed', '--store', uri], {
        TRIAL_LOG: log,
        HANG_TRIAL: '2',
      });
      await doomed.waitFor(/^started 2$/);
      const beforeKill = await storedTrials(uri, 'killed');
      doomed.child.kill('SIGKILL');
      expect((await doomed.exited).signal).toBe('SIGKILL');
      const survivor = await startWriter(argmin, ['worker', '--study', 'killed', '--store', uri], {
        TRIAL_LOG: log,
      }).exited;
      expect(survivor.code, survivor.stderr).toBe(0);
      expect(survivor.stdout).toMatch(/no trial is left running/);
      const trials = await storedTrials(uri, 'killed');
      expect(trials.map((t) => t.state)).toEqual([
        'COMPLETE',
        'COMPLETE',
        'FAIL',
        'COMPLETE',
        'COMPLETE',
        'COMPLETE',
      ]);
      // The killed worker's finished trials are kept as they were.
      for (const number of [0, 1]) {
        expect(trials[number].values).toEqual(beforeKill[number].values);
        expect(trials[number].params).toEqual(beforeKill[number].params);
      }
      expect(String(trials[2].systemAttrs[FAIL_REASON_KEY])).toMatch(/stopped sending heartbeats/);
      expect(starts(log).get(2)).toHaveLength(1);
    }, 60_000);
  });
});

describe('argmin worker (bad input)', () => {
  it('names the missing study', async () => {
    const uri = `sqlite:${join(folder, 'empty.db')}`;
    const result = await startWriter(argmin, ['worker', '--study', 'nope', '--store', uri]).exited;
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/Study "nope" does not exist/);
  });

  it('asks for an objective when the study has none', async () => {
    const uri = `sqlite:${join(folder, 'bare.db')}`;
    const created = await startWriter(argmin, ['studies', 'create', 'bare', '--store', uri]).exited;
    expect(created.code, created.stderr).toBe(0);
    const result = await startWriter(argmin, ['worker', '--study', 'bare', '--store', uri]).exited;
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/--objective.*is needed/);
  });

  it('refuses a module without an objective export, listing what it exports', async () => {
    const uri = `sqlite:${join(folder, 'wrong.db')}`;
    const module = join(folder, 'no-objective.mjs');
    writeFileSync(module, 'export const learningRate = 0.1;\n');
    await startWriter(argmin, ['studies', 'create', 'wrong', '--store', uri]).exited;
    const result = await startWriter(argmin, [
      'worker',
      '--study',
      'wrong',
      '--store',
      uri,
      '--objective',
      module,
    ]).exited;
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      /must export a function named objective \(it exports: learningRate\)/,
    );
  });
});
