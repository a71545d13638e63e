import { mkdtempSync, rmSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Frame } from '../../src/data/index.js';
import { readTable } from '../../src/data/index.js';
import { ArtifactError, SchemaMismatchError } from '../../src/errors.js';
import { linearPreprocessor, Pipeline } from '../../src/features/index.js';
import { LogisticRegression, Ridge } from '../../src/learners/index.js';
import { loadModel, MODEL_FORMAT_VERSION, saveModel } from '../../src/model/index.js';

const dir = mkdtempSync(join(tmpdir(), 'argmin-model-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let credit: Frame;
let pipeline: Pipeline;

beforeAll(async () => {
  credit = await readTable('examples/data/credit.csv', { target: 'Status' });
  const features = credit.featureNames;
  pipeline = new Pipeline({
    preprocessor: linearPreprocessor(credit, features),
    learner: new LogisticRegression(),
  }).fit(credit, 'Status');
});

describe('saveModel / loadModel', () => {
  it('a single .argmin file loads back into a pipeline with bit-identical probabilities', async () => {
    const path = join(dir, 'credit.argmin');
    await saveModel(pipeline, path, { metrics: { cv_roc_auc: 0.83 }, trainingFrame: credit });
    const { pipeline: loaded, manifest } = await loadModel(path);
    expect(Array.from(loaded.predictProba(credit).proba.data)).toEqual(
      Array.from(pipeline.predictProba(credit).proba.data),
    );
    expect(loaded.predict(credit)).toEqual(pipeline.predict(credit));
    expect(manifest.metrics.cv_roc_auc).toBe(0.83);
  });

  it('a directory artifact holds manifest.json and model.bin and loads the same model', async () => {
    const path = join(dir, 'credit-dir');
    await saveModel(pipeline, path);
    expect(JSON.parse(readFileSync(join(path, 'manifest.json'), 'utf8')).format).toBe(
      'argmin-model',
    );
    const { pipeline: loaded } = await loadModel(path);
    expect(loaded.predict(credit)).toEqual(pipeline.predict(credit));
  });

  it('the manifest records task, target, classes, signature, fingerprint and profile', async () => {
    const path = join(dir, 'manifest.argmin');
    const manifest = await saveModel(pipeline, path, { trainingFrame: credit });
    expect(manifest.formatVersion).toBe(MODEL_FORMAT_VERSION);
    expect(manifest.task).toBe('classification');
    expect(manifest.target).toBe('Status');
    expect(manifest.output.classes).toEqual(['bad', 'good']);
    const home = manifest.signature.find((c) => c.name === 'Home');
    expect(home?.kind).toBe('categorical');
    expect(home?.levels).toContain('rent');
    expect(manifest.signature.map((c) => c.name)).not.toContain('Status');
    expect(manifest.trainingData?.rows).toBe(credit.rows);
    expect(manifest.trainingData?.fingerprint).toMatch(/^[0-9a-f]{64}$/);
    expect(manifest.profile).toBeDefined();
  });

  it('a regression pipeline round-trips too', async () => {
    const ames = await readTable('examples/data/ames.csv', { target: 'Sale_Price' });
    const ridge = new Pipeline({
      preprocessor: linearPreprocessor(ames, ames.featureNames),
      learner: new Ridge({ alpha: 10 }),
    }).fit(ames, 'Sale_Price');
    const path = join(dir, 'ames.argmin');
    await saveModel(ridge, path);
    const { pipeline: loaded, manifest } = await loadModel(path);
    expect(manifest.output.kind).toBe('value');
    expect(loaded.predict(ames)).toEqual(ridge.predict(ames));
  });

  it('a loaded model rejects input that lacks a signature column, naming it', async () => {
    const path = join(dir, 'schema.argmin');
    await saveModel(pipeline, path);
    const { pipeline: loaded } = await loadModel(path);
    expect(() => loaded.predict(credit.drop(['Income']))).toThrow(SchemaMismatchError);
    expect(() => loaded.predict(credit.drop(['Income']))).toThrow(/Income/);
  });
});

describe('loadModel on damaged files', () => {
  async function savedBytes(): Promise<Buffer> {
    const path = join(dir, 'good.argmin');
    await saveModel(pipeline, path);
    return readFileSync(path);
  }

  it('a truncated file names the file and says it is truncated', async () => {
    const bytes = await savedBytes();
    const path = join(dir, 'truncated.argmin');
    writeFileSync(path, bytes.subarray(0, bytes.length - 100));
    await expect(loadModel(path)).rejects.toThrow(ArtifactError);
    await expect(loadModel(path)).rejects.toThrow(/truncated\.argmin.*truncated/);
  });

  it('a flipped byte in the data section fails the checksum', async () => {
    const bytes = Buffer.from(await savedBytes());
    bytes[bytes.length - 5] ^= 0xff;
    const path = join(dir, 'corrupt.argmin');
    writeFileSync(path, bytes);
    await expect(loadModel(path)).rejects.toThrow(/corrupt/);
  });

  it('a file that is not a model says so', async () => {
    const path = join(dir, 'not-a-model.argmin');
    writeFileSync(path, 'hello, this is text and no model at all');
    await expect(loadModel(path)).rejects.toThrow(/not an argmin model/);
  });

  it('a model from a future format version asks for a newer argmin', async () => {
    const path = join(dir, 'future');
    await saveModel(pipeline, path);
    const manifest = JSON.parse(readFileSync(join(path, 'manifest.json'), 'utf8'));
    manifest.formatVersion = MODEL_FORMAT_VERSION + 1;
    writeFileSync(join(path, 'manifest.json'), JSON.stringify(manifest));
    await expect(loadModel(path)).rejects.toThrow(/newer argmin.*Upgrade argmin/);
  });

  it('an unknown learner type is refused instead of being looked up anywhere', async () => {
    const path = join(dir, 'evil');
    await saveModel(pipeline, path);
    const manifest = JSON.parse(readFileSync(join(path, 'manifest.json'), 'utf8'));
    manifest.pipeline.params.learner.type = 'constructor';
    writeFileSync(join(path, 'manifest.json'), JSON.stringify(manifest));
    await expect(loadModel(path)).rejects.toThrow(ArtifactError);
    await expect(loadModel(path)).rejects.toThrow(/unknown learner type "constructor"/);
  });

  it('a missing path is a clear error', async () => {
    await expect(loadModel(join(dir, 'nope.argmin'))).rejects.toThrow(/nope\.argmin: no such file/);
  });
});
