import { existsSync, mkdtempSync, rmSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { main } from '../../src/cli/main.js';

const dir = mkdtempSync(join(tmpdir(), 'argmin-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs the CLI in-process and captures what it prints. */
async function run(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const log = vi
    .spyOn(console, 'log')
    .mockImplementation((...a: unknown[]) => void out.push(a.join(' ')));
  const error = vi
    .spyOn(console, 'error')
    .mockImplementation((...a: unknown[]) => void err.push(a.join(' ')));
  const write = vi
    .spyOn(process.stdout, 'write')
    .mockImplementation((chunk: string | Uint8Array) => {
      out.push(String(chunk));
      return true;
    });
  try {
    const code = await main(['node', 'argmin', ...args]);
    return { code, stdout: out.join('\n'), stderr: err.join('\n') };
  } finally {
    log.mockRestore();
    error.mockRestore();
    write.mockRestore();
  }
}

/** Runs `argmin cv ... --format json`, expects success and returns the parsed report. */
async function cvReport(...args: string[]) {
  const { code, stdout, stderr } = await run('cv', ...args, '--format', 'json');
  expect(code, stderr).toBe(0);
  return JSON.parse(stdout);
}

describe('argmin cv', () => {
  beforeEach(() => {
    process.exitCode = undefined;
  });
  afterEach(() => {
    process.exitCode = undefined;
  });

  it('cross-validates logistic regression on the credit data and beats the prior baseline', async () => {
    const report = await cvReport('examples/data/credit.csv', '--target', 'Status');
    expect(report.task).toBe('classification');
    expect(report.cv.folds).toHaveLength(5);
    expect(report.cv.mean.roc_auc).toBeGreaterThan(0.75);
    expect(report.baseline.mean.roc_auc).toBeCloseTo(0.5, 5);
    expect(report.cv.mean.accuracy).toBeGreaterThan(report.baseline.mean.accuracy);
  });

  it('prints a table with each metric, its mean, std and the baseline', async () => {
    const { code, stdout, stderr } = await run(
      'cv',
      'examples/data/credit.csv',
      '-t',
      'Status',
      '-k',
      '3',
    );
    expect(code).toBe(0);
    expect(stdout).toMatch(/metric\s+mean\s+std\s+baseline/);
    expect(stdout).toMatch(/roc_auc/);
    expect(stderr).toMatch(/fold 3\/3/);
  });

  it('saves a model that predict and inspect can read back', async () => {
    const model = join(dir, 'credit.argmin');
    await cvReport('examples/data/credit.csv', '-t', 'Status', '-k', '2', '--save', model);
    expect(existsSync(model)).toBe(true);
    const out = join(dir, 'predictions.csv');
    expect(
      (await run('predict', model, 'examples/data/credit.csv', '--proba', '-o', out)).code,
    ).toBe(0);
    const lines = readFileSync(out, 'utf8').trim().split('\n');
    expect(lines[0]).toBe('predicted_Status,proba_bad,proba_good');
    expect(lines).toHaveLength(4454 + 1);
    const inspected = await run('inspect', model, '--format', 'json');
    expect(JSON.parse(inspected.stdout).metrics.cv_roc_auc).toBeGreaterThan(0.7);
  });

  it('regression on the Ames data defaults to ridge and reports RMSE', async () => {
    const report = await cvReport('examples/data/ames.csv', '-t', 'Sale_Price', '-k', '3');
    expect(report.learner).toBe('ridge');
    expect(report.cv.mean.r2).toBeGreaterThan(0.7);
    expect(report.cv.mean.rmse).toBeLessThan(report.baseline.mean.rmse);
  });

  it('a random forest behind tree preprocessing (codes and NaN, no one-hot) beats the baseline', async () => {
    const report = await cvReport(
      'examples/data/credit.csv',
      '-t',
      'Status',
      '-k',
      '3',
      '--learner',
      'random-forest',
    );
    expect(report.learner).toBe('random-forest');
    expect(report.cv.mean.roc_auc).toBeGreaterThan(0.75);
  });

  it('gradient boosting with native categorical splits beats 0.8 AUC and its saved model predicts every row', async () => {
    const model = join(dir, 'gbdt.argmin');
    const report = await cvReport(
      'examples/data/credit.csv',
      '-t',
      'Status',
      '-k',
      '3',
      '--learner',
      'gbdt',
      '--save',
      model,
    );
    expect(report.cv.mean.roc_auc).toBeGreaterThan(0.8);
    const out = join(dir, 'gbdt.csv');
    expect((await run('predict', model, 'examples/data/credit.csv', '-o', out)).code).toBe(0);
    const labels = readFileSync(out, 'utf8').trim().split('\n').slice(1);
    expect(labels).toHaveLength(4454);
    expect(new Set(labels)).toEqual(new Set(['good', 'bad']));
  });

  it('a missing target column is one line naming the file and the columns there are, no stack trace', async () => {
    const { code, stderr } = await run('cv', 'examples/data/credit.csv', '-t', 'Stauts');
    expect(code).toBe(1);
    expect(stderr).toMatch(/ARGMIN_DATA_INVALID/);
    expect(stderr).toMatch(/credit\.csv/);
    expect(stderr).toMatch(/Stauts/);
    expect(stderr).not.toMatch(/\n\s+at /);
  });

  it('a learner that does not fit the task is refused with the choices that do', async () => {
    const { code, stderr } = await run(
      'cv',
      'examples/data/credit.csv',
      '-t',
      'Status',
      '--learner',
      'ridge',
    );
    expect(code).toBe(1);
    expect(stderr).toMatch(/logistic/);
  });

  it('a target with a single class is refused', async () => {
    const path = join(dir, 'one-class.csv');
    writeFileSync(path, 'x,y\n1,a\n2,a\n3,a\n');
    const { code, stderr } = await run('cv', path, '-t', 'y');
    expect(code).toBe(1);
    expect(stderr).toMatch(/one-class\.csv.*only one class/);
  });
});
