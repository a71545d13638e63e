import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { tune } from '../../../src/automl/tune/run-tune.js';
import type { TuneOptions } from '../../../src/automl/tune/run-tune.js';
import { DataValidationError, StoreConflictError } from '../../../src/errors.js';
import { loadModel, Registry } from '../../../src/registry/index.js';
import type { Store } from '../../../src/store/index.js';
import { openStore } from '../../../src/store/index.js';

const folder = mkdtempSync(join(tmpdir(), 'argmin-tune-test-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

const creditLines = readFileSync(
  resolve(import.meta.dirname, '../../../examples/data/credit.csv'),
  'utf8',
)
  .trim()
  .split('\n');

let files = 0;
/** A CSV in the temp folder with these lines. */
function csv(lines: readonly string[]): string {
  const path = join(folder, `data-${files++}.csv`);
  writeFileSync(path, `${lines.join('\n')}\n`);
  return path;
}

/** The credit header and 400 of its rows: enough to learn, quick to fit. */
const credit = csv(creditLines.slice(0, 401));

const stores: Store[] = [];
afterEach(async () => {
  for (const store of stores.splice(0)) await store.close();
});

async function freshStore(): Promise<Store> {
  const dir = mkdtempSync(join(folder, 'store-'));
  const store = await openStore(`sqlite:${join(dir, 'argmin.db')}`, {
    artifactRoot: join(dir, 'artifacts'),
    handleExit: false,
  });
  stores.push(store);
  return store;
}

function options(store: Store, extra: Partial<TuneOptions> = {}): TuneOptions {
  return {
    data: credit,
    target: 'Status',
    trials: 5,
    cv: 3,
    learners: ['gbdt', 'logistic'],
    store,
    ...extra,
  };
}

describe('tune', () => {
  it('searches, saves and registers a model, every trial a run under the tune run', async () => {
    const store = await freshStore();
    const result = await tune(options(store, { register: 'credit' }));
    expect(result.task).toBe('classification');
    expect(result.metric).toBe('roc_auc');
    expect(result.trials).toHaveLength(5);
    expect(result.best.state).toBe('COMPLETE');
    if (result.model.ensemble === null) {
      expect(result.model.cvScore).toBe(result.best.values?.[0]);
      expect(result.model.cvStd).toBeGreaterThan(0);
    } else {
      expect(result.model.ensemble.length).toBeGreaterThanOrEqual(2);
      // One out-of-fold score over every row: there is no spread of fold scores to report.
      expect(result.model.cvStd).toBeNull();
    }
    const runs = await store.listRuns(result.study);
    const children = runs.filter((r) => r.info.parentRunId === result.parentRunId);
    expect(children).toHaveLength(5);
    const tuneRun = runs.find((r) => r.info.runId === result.parentRunId);
    expect(tuneRun?.info.status).toBe('FINISHED');
    expect(tuneRun?.metrics.cv_roc_auc.last).toBe(result.model.cvScore);
    const version = await new Registry(store).getByAlias('credit', 'champion');
    expect(version.version).toBe(1);
    const loaded = await loadModel('models:/credit@champion', { store });
    expect(loaded.manifest.lineage?.study).toBe(result.study);
    expect(loaded.manifest.metrics.cv_roc_auc).toBe(result.model.cvScore);
    expect(loaded.manifest.metrics.cv_roc_auc_std).toBe(result.model.cvStd ?? undefined);
  });

  it('tries each learner with its default settings first', async () => {
    const store = await freshStore();
    const result = await tune(options(store, { trials: 2 }));
    expect(result.trials.map((t) => t.params.learner)).toEqual(['gbdt', 'logistic']);
    expect(result.trials[1].params['logistic.C']).toBe(1);
  });

  it('gives the same leaderboard for the same seed', async () => {
    const run = async () => {
      const result = await tune(options(await freshStore(), { seed: 3 }));
      return result.trials.map((t) => [t.state, t.params, t.values]);
    };
    expect(await run()).toEqual(await run());
  });

  it('resumes a study without repeating its finished trials', async () => {
    const store = await freshStore();
    const first = await tune(options(store, { study: 'resumable', trials: 3 }));
    const resumed = await tune(options(store, { study: 'resumable', trials: 2, resume: true }));
    expect(resumed.trials).toHaveLength(5);
    expect(resumed.trials.slice(0, 3).map((t) => [t.params, t.values])).toEqual(
      first.trials.map((t) => [t.params, t.values]),
    );
    await expect(tune(options(store, { study: 'resumable' }))).rejects.toThrow(StoreConflictError);
    await expect(
      tune(options(store, { study: 'resumable', resume: true, target: 'Home' })),
    ).rejects.toThrow(/tuned target "Status", not "Home"/);
  });

  it('runs trials on two threads with --concurrency 2, keeping their predictions for the ensemble', async () => {
    const store = await freshStore();
    const result = await tune(options(store, { trials: 6, concurrency: 2 }));
    expect(result.trials).toHaveLength(6);
    expect(result.trials.filter((t) => t.state === 'COMPLETE').length).toBeGreaterThanOrEqual(2);
    for (const trial of result.trials) expect(trial.userAttrs.learner).toMatch(/gbdt|logistic/);
    expect(result.model.artifactUri).toMatch(/^runs:\//);
  });

  it('starts no trial after its signal aborts and still saves the best so far', async () => {
    const store = await freshStore();
    const controller = new AbortController();
    const result = await tune(
      options(store, {
        trials: 50,
        signal: controller.signal,
        onTrial: (_trial, progress) => {
          if (progress.done >= 2) controller.abort();
        },
      }),
    );
    expect(result.trials.length).toBeLessThan(50);
    expect(result.stoppedBy).toBe('aborted');
    expect(result.model.artifactUri).toMatch(/^runs:\//);
  });
});

describe('tune (bad input)', () => {
  it.each([
    ['a missing target column', () => csv(creditLines.slice(0, 100)), 'Nope', /does not exist/],
    [
      'a constant target',
      () =>
        csv([
          creditLines[0],
          ...creditLines.slice(1, 200).map((l) => l.replace(/^"bad"/, '"good"')),
        ]),
      'Status',
      /only one class \("good"\)/,
    ],
    ['fewer than 20 rows', () => csv(creditLines.slice(0, 12)), 'Status', /only 11 rows/],
    [
      'a class with one member for stratified CV',
      () => csv([...creditLines.slice(0, 100), creditLines[1].replace(/^"good"/, '"unknown"')]),
      'Status',
      /class "unknown" has 1 row; stratified 3-fold CV needs at least 3/,
    ],
    [
      'only constant or id-like features',
      () =>
        csv([
          'id,country,label',
          ...Array.from({ length: 40 }, (_, i) => `${i + 1},NZ,${i % 2 === 0 ? 'a' : 'b'}`),
        ]),
      'label',
      /no usable feature is left: id \(id-like\), country \(constant\)/,
    ],
  ])('refuses %s with a clear message', async (_, makeFile, target, message) => {
    const store = await freshStore();
    const attempt = tune(options(store, { data: makeFile(), target }));
    await expect(attempt).rejects.toThrow(DataValidationError);
    await expect(tune(options(store, { data: makeFile(), target }))).rejects.toThrow(message);
  });

  it('refuses an unreadable file, naming it', async () => {
    const store = await freshStore();
    await expect(tune(options(store, { data: join(folder, 'missing.csv') }))).rejects.toThrow(
      /missing\.csv/,
    );
  });

  it('refuses a test file whose columns differ, and registers nothing', async () => {
    const store = await freshStore();
    const header = creditLines[0].split(',');
    const test = csv(
      [creditLines[0], ...creditLines.slice(401, 500)].map((line) =>
        line.split(',').slice(0, -1).join(','),
      ),
    );
    expect(header.length).toBeGreaterThan(2);
    await expect(
      tune(options(store, { trials: 2, testData: test, register: 'credit' })),
    ).rejects.toThrow(/test file lacks column Price/);
    const models = await new Registry(store).listModels();
    expect(models.models).toEqual([]);
  });
});
