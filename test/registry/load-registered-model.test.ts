import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Frame } from '../../src/data/index.js';
import { readTable } from '../../src/data/index.js';
import { StoreError, StoreNotFoundError, UnsafePathError } from '../../src/errors.js';
import { linearPreprocessor, Pipeline } from '../../src/features/index.js';
import { LogisticRegression } from '../../src/learners/index.js';
import { saveModel } from '../../src/model/index.js';
import { loadModel, loadRegisteredModel } from '../../src/registry/index.js';
import { forEachDialect } from '../store/dialects.js';
import { useRegistry } from './registry-fixture.js';

const dir = mkdtempSync(join(tmpdir(), 'argmin-registry-load-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const modelPath = join(dir, 'credit.argmin');
let credit: Frame;
let pipeline: Pipeline;

beforeAll(async () => {
  credit = await readTable('examples/data/credit.csv', { target: 'Status' });
  pipeline = new Pipeline({
    preprocessor: linearPreprocessor(credit, credit.featureNames),
    learner: new LogisticRegression(),
  }).fit(credit, 'Status');
  await saveModel(pipeline, modelPath, { metrics: { cv_roc_auc: 0.83 } });
});

forEachDialect((target) => {
  describe('loadRegisteredModel', () => {
    const fixture = useRegistry(target);

    it('loads the version under an alias and predicts exactly as the saved pipeline', async () => {
      const { registry } = fixture();
      await registry.createVersion('credit', { artifactUri: modelPath, createModel: true });
      await registry.setAlias('credit', 'champion', 1);
      const loaded = await loadRegisteredModel('models:/credit@champion', { registry });
      expect(loaded.version).toMatchObject({ name: 'credit', version: 1 });
      expect(loaded.manifest.metrics.cv_roc_auc).toBe(0.83);
      expect(Array.from(loaded.pipeline.predictProba(credit).proba.data)).toEqual(
        Array.from(pipeline.predictProba(credit).proba.data),
      );
    });

    it('loadModel takes models:/ references through the registry and paths directly', async () => {
      const { registry } = fixture();
      await registry.createVersion('credit', { artifactUri: modelPath, createModel: true });
      await registry.setAlias('credit', 'champion', 1);
      const viaRegistry = await loadModel('models:/credit@champion', { registry });
      const viaPath = await loadModel(modelPath);
      expect('version' in viaRegistry && viaRegistry.version.version).toBe(1);
      expect('version' in viaPath).toBe(false);
      expect(Array.from(viaRegistry.pipeline.predictProba(credit).proba.data)).toEqual(
        Array.from(viaPath.pipeline.predictProba(credit).proba.data),
      );
      await expect(loadModel('models:/credit@nobody', { registry })).rejects.toThrow(/nobody/);
    });

    it('builds its own registry from a store and follows file:// URIs', async () => {
      const { registry, store } = fixture();
      await registry.createVersion('credit-file', {
        artifactUri: pathToFileURL(modelPath).href,
        createModel: true,
      });
      const loaded = await loadRegisteredModel('credit-file/1', { store });
      expect(loaded.pipeline.predict(credit)).toEqual(pipeline.predict(credit));
    });

    it("follows runs:/ URIs into the run's artifact folder and refuses to leave it", async () => {
      const { registry, store } = fixture();
      const now = Date.now();
      await store.db
        .insertInto('experiments')
        .values({
          experiment_id: 'e1',
          name: 'loading',
          description: null,
          lifecycle_stage: 'active',
          created_at: now,
          updated_at: now,
        })
        .execute();
      await store.db
        .insertInto('runs')
        .values({
          run_id: 'r1',
          experiment_id: 'e1',
          name: 'fit',
          status: 'FINISHED',
          start_time: now,
          end_time: now,
          parent_run_id: null,
          source_commit: null,
          source_command: null,
          argmin_version: '0.1.0',
          host: null,
          lifecycle_stage: 'active',
          artifact_uri: pathToFileURL(dir).href,
        })
        .execute();
      await registry.createVersion('credit-run', {
        artifactUri: 'runs:/r1/credit.argmin',
        runId: 'r1',
        createModel: true,
      });
      await registry.createVersion('credit-run', { artifactUri: 'runs:/r1/../../etc/passwd' });
      await registry.createVersion('credit-run', { artifactUri: 'runs:/nope/credit.argmin' });
      const loaded = await loadRegisteredModel('credit-run/1', { registry });
      expect(loaded.pipeline.predict(credit)).toEqual(pipeline.predict(credit));
      await expect(loadRegisteredModel('credit-run/2', { registry })).rejects.toThrow(
        UnsafePathError,
      );
      await expect(loadRegisteredModel('credit-run/3', { registry })).rejects.toThrow(/Run "nope"/);
    });

    it('says which scheme it cannot load from', async () => {
      const { registry } = fixture();
      await registry.createVersion('remote', {
        artifactUri: 's3://bucket/credit.argmin',
        createModel: true,
      });
      await expect(loadRegisteredModel('remote/1', { registry })).rejects.toThrow(StoreError);
      await expect(loadRegisteredModel('remote/1', { registry })).rejects.toThrow(/"s3"/);
    });

    it('names the missing alias', async () => {
      const { registry } = fixture();
      await expect(loadRegisteredModel('credit@staging', { registry })).rejects.toThrow(
        StoreNotFoundError,
      );
    });
  });
});
