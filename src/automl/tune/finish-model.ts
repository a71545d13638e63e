import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readTable } from '../../data/index.js';
import { DataValidationError } from '../../errors.js';
import {
  EnsemblePipeline,
  linearPreprocessor,
  Pipeline,
  treePreprocessor,
} from '../../features/index.js';
import type { FittedModel } from '../../features/index.js';
import { selectEnsemble } from './ensemble-selection.js';
import { scorePredictions } from './predictions.js';
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
  /** Time (ms since the epoch) by which the model must be saved; an ensemble that would not be refitted by then is skipped. */
  readonly deadline?: number;
  readonly log?: (line: string) => void;
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
  /**
   * Spread of the fold scores; null for an ensemble, whose score is one out-of-fold score over
   * every row.
   */
  readonly cvStd: number | null;
  readonly testScore: number | null;
  /** `runs:/<tune run>/model.argmin`. */
  readonly artifactUri: string;
  readonly registered: Registration | null;
  /** Largest first; the features of the data (one-hot groups summed back), when the learner has them. */
  readonly featureImportances: readonly { feature: string; importance: number }[];
  /** The members and weights when the final model is an ensemble of trials; null otherwise. */
  readonly ensemble: readonly { trial: number; learner: string; weight: number }[] | null;
}

/**
 * Refits the best trial's learner on every row, scores it on the test file when one is given,
 * saves it in the tune run's artifacts with its lineage, and registers it last — so a failure
 * anywhere before leaves nothing half-registered. @champion moves only when the new version
 * beats the holder's cross-validated score.
 */
export async function finishModel(input: FinishModelInput): Promise<FinishedModel> {
  const { prepared, best, store } = input;
  const chosen = chooseEnsemble(input);
  const members = chosen === null ? [{ trial: best, weight: 1 }] : chosen.members;
  const fitted = members.map(({ trial }) => refit(input, trial));
  const pipeline: FittedModel =
    fitted.length === 1
      ? fitted[0].pipeline
      : new EnsemblePipeline({
          members: fitted.map((f) => f.pipeline),
          weights: members.map((m) => m.weight),
        });
  const metric = input.metric;
  const cvScore = chosen === null ? (best.values as readonly number[])[0] : chosen.score;
  const cvStd = chosen === null ? Number(best.userAttrs.cvStd ?? 0) : null;
  const spec = fitted[0].spec;
  const params = fitted.length === 1 ? fitted[0].params : {};
  const testScore =
    input.testData === undefined ? null : await scoreTestFile(pipeline, input, metric);
  const metrics: Record<string, number> = {
    [`cv_${metric.name}`]: cvScore,
    ...(cvStd === null ? {} : { [`cv_${metric.name}_std`]: cvStd }),
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
  const importances = new Map<string, number>();
  fitted.forEach(({ pipeline: member }, m) => {
    for (const { feature, importance } of importancesOf(member, prepared.features))
      importances.set(feature, (importances.get(feature) ?? 0) + members[m].weight * importance);
  });
  return {
    description:
      chosen === null
        ? `${spec.name} (trial ${best.number})`
        : `ensemble of ${members.length}: ${members.map((m, i) => `${fitted[i].spec.name} #${m.trial.number} ×${m.weight.toFixed(2)}`).join(', ')}`,
    learner: chosen === null ? spec.name : 'ensemble',
    trial: best.number,
    params,
    cvScore,
    cvStd,
    testScore,
    artifactUri,
    registered,
    featureImportances: [...importances]
      .map(([feature, importance]) => ({ feature, importance }))
      .sort((a, b) => b.importance - a.importance),
    ensemble:
      chosen === null
        ? null
        : members.map((m, i) => ({
            trial: m.trial.number,
            learner: fitted[i].spec.name,
            weight: m.weight,
          })),
  };
}

/** A trial's learner, with its parameters, fitted on every row. */
function refit(input: FinishModelInput, trial: FrozenTrial) {
  const { prepared } = input;
  const spec = input.learners.find(
    (s) => s.name === String(trial.userAttrs.learner),
  ) as LearnerSpec;
  const params = Object.fromEntries(
    Object.entries(trial.params).filter(([key]) => key.startsWith(`${spec.name}.`)),
  ) as Record<string, number | string>;
  const preprocess = spec.family === 'tree' ? treePreprocessor : linearPreprocessor;
  const pipeline = new Pipeline({
    preprocessor: preprocess(prepared.frame, prepared.features),
    learner: spec.build(prepared.task, params, input.seed),
  }).fit(prepared.frame, input.target);
  return { spec, params, pipeline };
}

/**
 * Greedy ensemble selection over the kept out-of-fold predictions of the best trials; the
 * ensemble is used only when its out-of-fold score beats the best single trial's (scored the
 * same way) and its members can be refitted before the deadline.
 */
function chooseEnsemble(
  input: FinishModelInput,
): { members: { trial: FrozenTrial; weight: number }[]; score: number } | null {
  const { study, metric, prepared, outOfFold } = input;
  const sign = metric.direction === 'maximize' ? 1 : -1;
  const trials = outOfFold
    .trialNumbers()
    .map((number) => study.trials()[number])
    .filter((t) => t !== undefined && t.state === 'COMPLETE')
    .sort((a, b) => sign * ((b.values?.[0] ?? 0) - (a.values?.[0] ?? 0)) || a.number - b.number);
  if (trials.length < 2) return null;
  const classCount = prepared.classes?.length ?? 0;
  const candidates = trials.map((t) => ({
    id: t.number,
    predictions: outOfFold.get(t.number) as Float64Array,
  }));
  const single = scorePredictions(metric, prepared.y, candidates[0].predictions, classCount);
  const selected = selectEnsemble(candidates, prepared.y, metric, classCount);
  if (selected.weights.size < 2 || !(sign * (selected.score - single) > 1e-6)) return null;
  const members = [...selected.weights].map(([number, weight]) => ({
    trial: study.trials()[number],
    weight,
  }));
  const refitSeconds = members.reduce(
    (s, m) => s + (1.25 * Number(m.trial.userAttrs.fitSeconds ?? 0)) / prepared.folds.length,
    0,
  );
  if (input.deadline !== undefined && Date.now() + 1000 * refitSeconds > input.deadline) {
    input.log?.(
      `an ensemble scored better but would not be refitted within the budget; keeping the best single model`,
    );
    return null;
  }
  input.log?.(
    `an ensemble of ${members.length} trials scores ${selected.score.toFixed(4)} out of fold vs ${single.toFixed(4)} for the best single trial`,
  );
  return { members, score: selected.score };
}

async function scoreTestFile(
  pipeline: FittedModel,
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
  pipeline: FittedModel,
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
