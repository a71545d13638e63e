import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readTable } from '../../data/index.js';
import { DataValidationError } from '../../errors.js';
import { linearPreprocessor, Pipeline, treePreprocessor } from '../../features/index.js';
import type { Metric } from '../../metrics/index.js';
import { saveModel } from '../../model/index.js';
import { Registry } from '../../registry/index.js';
import type { Store } from '../../store/index.js';
import type { Study } from '../../tune/study.js';
import type { FrozenTrial } from '../../tune/types.js';
import { scorePipeline } from '../score-pipeline.js';
import type { OutOfFoldStore } from './cv-objective.js';
import type { LearnerSpec } from './learner-space.js';
import type { PreparedData } from './prepare-data.js';

export interface FinishModelInput {
  readonly store: Store;
  readonly prepared: PreparedData;
  readonly metric: Metric;
  readonly learners: readonly LearnerSpec[];
  readonly study: Study;
  readonly best: FrozenTrial;
  readonly outOfFold: OutOfFoldStore;
  readonly parentRunId: string;
  readonly seed: number;
  readonly data: string;
  readonly target: string;
  readonly testData?: string;
  readonly register?: string;
}

export interface Registration {
  readonly name: string;
  readonly version: number;
  /** Whether @champion now points at this version. */
  readonly champion: boolean;
  /** Why not, when it does not (the holder scored better). */
  readonly detail: string;
}

export interface FinishedModel {
  /** e.g. `gbdt (trial 17)`. */
  readonly description: string;
  readonly learner: string;
  readonly trial: number;
  readonly params: Readonly<Record<string, unknown>>;
  readonly cvScore: number;
  readonly cvStd: number;
  readonly testScore: number | null;
  /** `runs:/<tune run>/model.argmin`. */
  readonly artifactUri: string;
  readonly registered: Registration | null;
  /** Largest first; the features of the data (one-hot groups summed back), when the learner has them. */
  readonly featureImportances: readonly { feature: string; importance: number }[];
}

/**
 * Refits the best trial's learner on every row, scores it on the test file when one is given,
 * saves it in the tune run's artifacts with its lineage, and registers it last — so a failure
 * anywhere before leaves nothing half-registered. @champion moves only when the new version
 * beats the holder's cross-validated score.
 */
export async function finishModel(input: FinishModelInput): Promise<FinishedModel> {
  const { prepared, metric, best, store, target } = input;
  const learnerName = String(best.userAttrs.learner);
  const spec = input.learners.find((s) => s.name === learnerName) as LearnerSpec;
  const params = Object.fromEntries(
    Object.entries(best.params).filter(([key]) => key.startsWith(`${spec.name}.`)),
  ) as Record<string, number | string>;
  const preprocess = spec.family === 'tree' ? treePreprocessor : linearPreprocessor;
  const pipeline = new Pipeline({
    preprocessor: preprocess(prepared.frame, prepared.features),
    learner: spec.build(prepared.task, params, input.seed),
  }).fit(prepared.frame, target);
  const cvScore = (best.values as readonly number[])[0];
  const cvStd = Number(best.userAttrs.cvStd ?? 0);
  const testScore =
    input.testData === undefined ? null : await scoreTestFile(pipeline, input, metric);
  const metrics: Record<string, number> = {
    [`cv_${metric.name}`]: cvScore,
    [`cv_${metric.name}_std`]: cvStd,
    ...(testScore === null ? {} : { [`test_${metric.name}`]: testScore }),
  };
  const folder = mkdtempSync(join(tmpdir(), 'argmin-tune-'));
  try {
    const file = join(folder, 'model.argmin');
    await saveModel(pipeline, file, {
      metrics,
      trainingFrame: prepared.frame,
      lineage: {
        study: input.study.name,
        trial: String(best.number),
        tuneRun: input.parentRunId,
        data: input.data,
      },
    });
    await store.artifacts.putFile(input.parentRunId, 'model.argmin', file);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
  const artifactUri = `runs:/${input.parentRunId}/model.argmin`;
  const registered =
    input.register === undefined
      ? null
      : await register(store, input.register, artifactUri, pipeline, metrics, input, metric);
  return {
    description: `${spec.name} (trial ${best.number})`,
    learner: spec.name,
    trial: best.number,
    params,
    cvScore,
    cvStd,
    testScore,
    artifactUri,
    registered,
    featureImportances: importancesOf(pipeline, prepared.features),
  };
}

async function scoreTestFile(
  pipeline: Pipeline,
  input: FinishModelInput,
  metric: Metric,
): Promise<number> {
  const file = input.testData as string;
  const test = await readTable(file, { target: input.target });
  const missing = [...input.prepared.features, input.target].filter((name) => !test.has(name));
  if (missing.length > 0)
    throw new DataValidationError(
      { file },
      `the test file lacks column${missing.length === 1 ? '' : 's'} ${missing.join(', ')} that the training data has; it must hold the same columns (and the target).`,
    );
  return scorePipeline(pipeline, test, input.target, [metric.name])[metric.name];
}

async function register(
  store: Store,
  name: string,
  artifactUri: string,
  pipeline: Pipeline,
  metrics: Record<string, number>,
  input: FinishModelInput,
  metric: Metric,
): Promise<Registration> {
  const registry = new Registry(store);
  const version = await registry.createVersion(name, {
    artifactUri,
    runId: input.parentRunId,
    signature: pipeline.signature,
    metrics,
    createModel: true,
    description: `argmin tune: ${String(input.best.userAttrs.learner)}, trial ${input.best.number} of study ${input.study.name}`,
    tags: { 'argmin.study': input.study.name, 'argmin.trial': String(input.best.number) },
  });
  const promotion = await registry.promote(name, version.version, {
    alias: 'champion',
    mustBeat: 'champion',
    metric: `cv_${metric.name}`,
    direction: metric.direction,
    reason: `argmin tune (study ${input.study.name})`,
  });
  const failed = promotion.checks.filter((c) => !c.passed).map((c) => c.detail);
  return {
    name,
    version: version.version,
    champion: promotion.promoted,
    detail: promotion.promoted ? 'now @champion' : failed.join('; '),
  };
}

/** Importances per input feature: preprocessed columns mapped back by name prefix and summed. */
function importancesOf(
  pipeline: Pipeline,
  features: readonly string[],
): { feature: string; importance: number }[] {
  const learner = pipeline.learner as unknown as {
    featureImportances?: Float64Array | ((kind?: string) => Float64Array);
  };
  const raw =
    typeof learner.featureImportances === 'function'
      ? learner.featureImportances('gain')
      : learner.featureImportances;
  if (raw === undefined) return [];
  const names = pipeline.preprocessor.featureNames;
  const totals = new Map<string, number>();
  names.forEach((column, j) => {
    const feature =
      features.find(
        (f) => column === f || column.startsWith(`${f}_`) || column.startsWith(`${f}=`),
      ) ?? column;
    totals.set(feature, (totals.get(feature) ?? 0) + (raw[j] ?? 0));
  });
  const sum = [...totals.values()].reduce((s, v) => s + v, 0) || 1;
  return [...totals]
    .map(([feature, value]) => ({ feature, importance: value / sum }))
    .sort((a, b) => b.importance - a.importance);
}
