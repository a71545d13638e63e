import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import type { Frame } from '../../src/data/index.js';
import { readTable } from '../../src/data/index.js';
import { linearPreprocessor, Pipeline, treePreprocessor } from '../../src/features/index.js';
import { HistGradientBoostingClassifier } from '../../src/learners/gbdt/index.js';
import { LogisticRegression } from '../../src/learners/index.js';
import { saveModel } from '../../src/model/index.js';
import { Registry } from '../../src/registry/index.js';
import type { Store } from '../../src/store/index.js';

export type JsonRecord = Record<string, string | number | boolean | null>;

/** Two credit models saved to files: gradient boosting and logistic regression. */
export interface CreditModels {
  readonly dir: string;
  readonly frame: Frame;
  readonly gbdt: Pipeline;
  readonly logistic: Pipeline;
  readonly gbdtPath: string;
  readonly logisticPath: string;
}

let built: Promise<CreditModels> | undefined;

// Registered when a test file imports the fixture: its models go when that file ends.
afterAll(async () => {
  if (built !== undefined) rmSync((await built).dir, { recursive: true, force: true });
});

/** Fits and saves the models once per test file. */
export function creditModels(): Promise<CreditModels> {
  built ??= (async () => {
    const dir = mkdtempSync(join(tmpdir(), 'argmin-serve-'));
    const frame = await readTable('examples/data/credit.csv', { target: 'Status' });
    const gbdt = new Pipeline({
      preprocessor: treePreprocessor(frame, frame.featureNames),
      learner: new HistGradientBoostingClassifier({ nEstimators: 30, maxDepth: 4 }),
    }).fit(frame, 'Status');
    const logistic = new Pipeline({
      preprocessor: linearPreprocessor(frame, frame.featureNames),
      learner: new LogisticRegression(),
    }).fit(frame, 'Status');
    const gbdtPath = join(dir, 'gbdt.argmin');
    const logisticPath = join(dir, 'logistic.argmin');
    await saveModel(gbdt, gbdtPath, { metrics: { auc: 0.83 } });
    await saveModel(logistic, logisticPath, { metrics: { auc: 0.8 } });
    return { dir, frame, gbdt, logistic, gbdtPath, logisticPath };
  })();
  return built;
}

/** Registers gbdt as credit/1 @champion and logistic as credit/2 @challenger. */
export async function registerCredit(store: Store, models: CreditModels): Promise<Registry> {
  const registry = new Registry(store);
  await registry.createVersion('credit', { artifactUri: models.gbdtPath, createModel: true });
  await registry.createVersion('credit', { artifactUri: models.logisticPath });
  await registry.setAlias('credit', 'champion', 1);
  await registry.setAlias('credit', 'challenger', 2);
  return registry;
}

/** Rows of a frame as JSON records (missing → null), the way a client sends them. */
export function recordsOf(frame: Frame, rows: readonly number[]): JsonRecord[] {
  const names = frame.featureNames;
  return rows.map((i) => {
    const record: JsonRecord = {};
    for (const name of names) {
      const column = frame.column(name);
      if (column.kind === 'categorical') {
        const code = column.codes[i];
        record[name] = code < 0 ? null : column.levels[code];
      } else {
        const v = column.values[i];
        record[name] = Number.isNaN(v) ? null : column.kind === 'boolean' ? v === 1 : v;
      }
    }
    return record;
  });
}
