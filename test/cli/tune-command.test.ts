import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/index.js';
import { Registry } from '../../src/registry/index.js';
import { runArgmin as run, stopChildren } from './cli-child.js';

const folder = mkdtempSync(join(tmpdir(), 'argmin-tune-cli-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

/** The credit header and 600 rows. */
const data = join(folder, 'credit-600.csv');
writeFileSync(
  data,
  readFileSync(resolve(import.meta.dirname, '../../examples/data/credit.csv'), 'utf8')
    .split('\n')
    .slice(0, 601)
    .join('\n') + '\n',
);

let stores = 0;
function storeUri(): string {
  return `sqlite:${join(folder, `store-${stores++}`, 'argmin.db')}`;
}

// A test that fails before stopping its argmin process must not leave it running.
afterEach(stopChildren);

describe('argmin tune', () => {
  it('keeps to its time budget and prints a leaderboard, the winner and what to run next', async () => {
    const store = storeUri();
    const result = await run([
      'tune',
      data,
      '--target',
      'Status',
      '--time',
      '6s',
      '--store',
      store,
      '--register',
      'credit',
    ]).done;
    expect(result.code, result.stderr).toBe(0);
    // The issue's promise: within 5% or 10 s of the budget, whichever is larger.
    expect(result.seconds).toBeLessThan(6 + 10);
    expect(result.stdout).toMatch(/rank\s+trial\s+learner\s+cv roc_auc/);
    expect(result.stdout).toMatch(
      /Winner: (\w[\w-]* \(trial \d+\)|ensemble of \d+: .+), cv roc_auc 0\.\d+/,
    );
    expect(result.stdout).toMatch(/Registered credit version 1: now @champion/);
    expect(result.stdout).toContain(`argmin models show credit --store ${store}`);
    expect(result.stdout).toMatch(
      /argmin tune \S+credit-600\.csv --target Status --study \S+ --resume --store/,
    );
    const opened = await openStore(store, { handleExit: false });
    try {
      expect((await new Registry(opened).getByAlias('credit', 'champion')).version).toBe(1);
    } finally {
      await opened.close();
    }
  }, 60_000);

  it('on Ctrl-C starts no new trial, keeps the finished ones and still saves the best model', async () => {
    const store = storeUri();
    const child = run([
      'tune',
      data,
      '--target',
      'Status',
      '--time',
      '5m',
      '--store',
      store,
      '--study',
      'interrupted',
    ]);
    await child.stderrMatches(/^trial 3 /m);
    child.interrupt();
    const result = await child.done;
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toMatch(/stopping: no new trials/);
    expect(result.stdout).toMatch(/stopped: aborted/);
    expect(result.stdout).toMatch(/Saved runs:\/[0-9a-f]+\/model\.argmin/);
    expect(result.seconds).toBeLessThan(60);
    const resumed = await run([
      'tune',
      data,
      '--target',
      'Status',
      '--trials',
      '1',
      '--store',
      store,
      '--study',
      'interrupted',
      '--resume',
      '--json',
    ]).done;
    expect(resumed.code, resumed.stderr).toBe(0);
    const summary = JSON.parse(resumed.stdout) as { trials: { total: number } };
    expect(summary.trials.total).toBeGreaterThanOrEqual(5);
  }, 120_000);

  it('explains a missing target column and exits 1', async () => {
    const result = await run([
      'tune',
      data,
      '--target',
      'Statu',
      '--trials',
      '2',
      '--store',
      storeUri(),
    ]).done;
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      /target column "Statu" does not exist; columns are: Status, Seniority/,
    );
  }, 30_000);

  it('reads its settings from a YAML file, options on the command line taking precedence', async () => {
    const dir = mkdtempSync(join(folder, 'config-'));
    // The data path is relative to the file, not to the working directory.
    writeFileSync(join(dir, 'credit.csv'), readFileSync(data));
    const config = join(dir, 'tune.yaml');
    writeFileSync(
      config,
      'data: credit.csv\ntarget: Status\ntrials: 4\ncv: 2\nlearners: [logistic]\nregister: from-yaml\n',
    );
    const store = storeUri();
    const result = await run(['tune', config, '--trials', '2', '--store', store, '--json']).done;
    expect(result.code, result.stderr).toBe(0);
    const summary = JSON.parse(result.stdout) as {
      validation: string;
      trials: { total: number };
      leaderboard: { learner: string }[];
      winner: { registered: { name: string } | null };
    };
    expect(summary.trials.total).toBe(2);
    expect(summary.validation).toBe('stratified 2-fold CV');
    expect(new Set(summary.leaderboard.map((t) => t.learner))).toEqual(new Set(['logistic']));
    expect(summary.winner.registered?.name).toBe('from-yaml');
  }, 60_000);

  it('points at the line and column of a mistake in its YAML file, and exits 1', async () => {
    const cases: [string, RegExp][] = [
      [
        'data: credit.csv\ntarget: Status\ntrails: 3\n',
        /option "trails" is not a setting of its config file \(.*bad\.yaml line 3, column 1\); known: data, target/,
      ],
      [
        'data: credit.csv\ntarget: Status\ncv: one\n',
        /option "cv" is invalid: cv must be a whole number ≥ 2, got "one" \(.*bad\.yaml line 3, column 5\)/,
      ],
      ['data: credit.csv\ntarget: [Status\n', /bad\.yaml is not valid YAML \(line 3, column 1\)/],
      ['target: Status\n', /option "data" is missing from .*bad\.yaml/],
      ['data: credit.csv\n', /option "--target" is required/],
    ];
    const config = join(folder, 'bad.yaml');
    for (const [text, message] of cases) {
      writeFileSync(config, text);
      const result = await run(['tune', config, '--store', storeUri()]).done;
      expect(result.code, text).toBe(1);
      expect(result.stderr, text).toMatch(message);
    }
  }, 60_000);
});
