import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readTable } from '../../src/data/index.js';
import { InvalidParameterError } from '../../src/errors.js';
import {
  EnsemblePipeline,
  linearPreprocessor,
  Pipeline,
  treePreprocessor,
} from '../../src/features/index.js';
import { DecisionTreeClassifier, LogisticRegression } from '../../src/learners/index.js';
import { loadModel, saveModel } from '../../src/model/index.js';

const folder = mkdtempSync(join(tmpdir(), 'argmin-ensemble-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

const frame = (
  await readTable(join(import.meta.dirname, '../../examples/data/credit.csv'), {
    target: 'Status',
  })
).take(Int32Array.from({ length: 600 }, (_, i) => i));
const features = frame.featureNames.filter((n) => n !== 'Status');

function members(): Pipeline[] {
  return [
    new Pipeline({
      preprocessor: linearPreprocessor(frame, features),
      learner: new LogisticRegression({ C: 1 }),
    }).fit(frame, 'Status'),
    new Pipeline({
      preprocessor: treePreprocessor(frame, features),
      learner: new DecisionTreeClassifier({ maxDepth: 4 }),
    }).fit(frame, 'Status'),
  ];
}

describe('EnsemblePipeline', () => {
  it('asks for every column some member reads, once', () => {
    const [linear] = members();
    const narrow = new Pipeline({
      preprocessor: treePreprocessor(frame, ['Age', 'Home']),
      learner: new DecisionTreeClassifier({ maxDepth: 2 }),
    }).fit(frame, 'Status');
    expect(narrow.signature.map((c) => c.name)).toEqual(
      features.filter((n) => n === 'Age' || n === 'Home'),
    );
    const ensemble = new EnsemblePipeline({ members: [narrow, linear], weights: [1, 1] });
    const names = ensemble.signature.map((c) => c.name);
    expect(new Set(names)).toEqual(new Set(features));
    expect(names).toHaveLength(features.length);
    expect(names.slice(0, 2)).toEqual(narrow.signature.map((c) => c.name));
  });

  it('averages its members’ probabilities with the normalised weights', () => {
    const [linear, tree] = members();
    const ensemble = new EnsemblePipeline({ members: [linear, tree], weights: [3, 1] });
    expect(ensemble.weights).toEqual([0.75, 0.25]);
    const { classes, proba } = ensemble.predictProba(frame);
    const a = linear.predictProba(frame);
    const b = tree.predictProba(frame);
    expect(classes).toEqual(a.classes);
    for (let i = 0; i < 20; i++)
      for (let c = 0; c < 2; c++)
        expect(proba.data[i * 2 + c]).toBeCloseTo(
          0.75 * a.proba.data[i * 2 + c] + 0.25 * b.proba.data[i * 2 + c],
          12,
        );
    const labels = ensemble.predict(frame) as string[];
    expect(labels[0]).toBe(proba.data[0] > proba.data[1] ? classes[0] : classes[1]);
  });

  it('saves and loads as a model artifact that predicts the same', async () => {
    const ensemble = new EnsemblePipeline({ members: members(), weights: [0.5, 0.5] });
    const path = join(folder, 'ensemble.argmin');
    await saveModel(ensemble, path);
    const { pipeline } = await loadModel(path);
    expect(pipeline).toBeInstanceOf(EnsemblePipeline);
    expect(pipeline.predictProba(frame).proba.data).toEqual(
      ensemble.predictProba(frame).proba.data,
    );
  });

  it.each([
    [{ members: [], weights: [] }, /members/],
    [{ members: members(), weights: [1] }, /one weight per member/],
    [{ members: members(), weights: [0, 0] }, /not all be 0/],
    [{ members: members(), weights: [-1, 2] }, /≥ 0/],
  ])('refuses bad options (%#)', (options, message) => {
    expect(() => new EnsemblePipeline(options)).toThrow(InvalidParameterError);
    expect(() => new EnsemblePipeline(options)).toThrow(message);
  });
});
