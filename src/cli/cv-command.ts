import type { Command } from 'commander';
import pc from 'picocolors';
import { crossValidate, defaultMetrics } from '../automl/index.js';
import type { Column } from '../data/index.js';
import { kFold, stratifiedKFold } from '../data/index.js';
import type { Task } from '../learners/index.js';
import { getMetric } from '../metrics/index.js';
import { saveModel } from '../model/index.js';
import { defaultLearner, learnerNames, pipelineFactory } from './learner-choices.js';
import { list, positiveInteger } from './option-parsers.js';
import { readTrainingData } from './read-data.js';
import { renderTable } from './table.js';

interface CvOptions {
  target: string;
  learner?: string;
  task?: Task;
  folds: number;
  seed: number;
  metrics?: string[];
  ignore?: string[];
  id?: string[];
  nullValues?: string[];
  save?: string;
  format: 'table' | 'json';
}

export function registerCvCommand(program: Command): void {
  program
    .command('cv')
    .description(
      'cross-validate a pipeline (preprocessing + learner) on a table, next to a baseline, and optionally save it',
    )
    .argument('<data>', 'CSV, Parquet or JSON file (or http(s) URL)')
    .requiredOption('-t, --target <column>', 'column to predict')
    .option(
      '-l, --learner <name>',
      `learner: ${learnerNames().join(', ')} (default: logistic or ridge by task)`,
    )
    .option('--task <task>', 'classification or regression (default: inferred from the target)')
    .option('-k, --folds <k>', 'number of folds', positiveInteger('--folds'), 5)
    .option('--seed <n>', 'seed for the fold assignment', positiveInteger('--seed', 0), 0)
    .option('-m, --metrics <names>', 'comma-separated metrics (default: by task)', list)
    .option('--ignore <columns>', 'comma-separated columns to leave out', list)
    .option('--id <columns>', 'comma-separated id columns (kept out of the features)', list)
    .option('--null-values <values>', 'comma-separated strings read as missing, e.g. NA,?', list)
    .option(
      '-s, --save <path>',
      'fit on all rows and save the model here (.argmin file or a directory)',
    )
    .option('--format <format>', 'table or json', 'table')
    .action(async (data: string, options: CvOptions) => {
      await runCv(data, options);
    });
}

async function runCv(data: string, options: CvOptions): Promise<void> {
  const log = (line: string): void => {
    if (options.format === 'table') console.error(line);
  };
  const { frame, task } = await readTrainingData(
    data,
    { ...options, ...(options.task ? { task: options.task } : {}) },
    log,
  );
  const target = options.target;
  const learner = options.learner ?? defaultLearner(task);
  const makePipeline = pipelineFactory(learner, task, frame, target);
  const makeBaseline = pipelineFactory('dummy', task, frame, target);
  const folds =
    task === 'classification'
      ? stratifiedKFold(frame.column(target), { k: options.folds, seed: options.seed })
      : kFold(frame.rows, { k: options.folds, seed: options.seed });
  const classCount = task === 'classification' ? distinctValues(frame.column(target)) : 0;
  const metrics = options.metrics ?? defaultMetrics(task, classCount);

  const result = crossValidate(makePipeline, frame, target, {
    folds,
    metrics,
    onFold: (fold, total) =>
      log(
        `  fold ${fold.fold + 1}/${total}: ${metrics[0]} ${fold.scores[metrics[0]].toFixed(4)} (fit ${fold.fitSeconds.toFixed(2)} s)`,
      ),
  });
  const baseline = crossValidate(makeBaseline, frame, target, { folds, metrics });

  let saved: string | undefined;
  if (options.save !== undefined) {
    const pipeline = makePipeline().fit(frame, target);
    await saveModel(pipeline, options.save, {
      metrics: prefixed(result.mean, 'cv_'),
      trainingFrame: frame,
    });
    saved = options.save;
  }

  if (options.format === 'json') {
    console.log(
      JSON.stringify(
        {
          data,
          target,
          task,
          learner,
          folds: folds.length,
          seed: options.seed,
          cv: result,
          baseline: { mean: baseline.mean, std: baseline.std },
          saved: saved ?? null,
        },
        null,
        2,
      ),
    );
    return;
  }
  console.log(
    `\n${pc.bold(learner)} — ${folds.length}-fold ${task === 'classification' ? 'stratified ' : ''}cross-validation, seed ${options.seed}`,
  );
  console.log(
    renderTable(
      ['metric', 'mean', 'std', 'baseline', 'better'],
      metrics.map((m) => [m, result.mean[m], result.std[m], baseline.mean[m], direction(m)]),
    ),
  );
  if (saved !== undefined)
    console.log(`\nSaved the model fitted on all ${frame.rows} rows to ${pc.bold(saved)}`);
}

/** Number of distinct non-missing values (classes) of a target column. */
function distinctValues(column: Column): number {
  if (column.kind !== 'categorical')
    return new Set(column.values.filter((v) => !Number.isNaN(v))).size;
  return new Set(column.codes.filter((c) => c >= 0)).size;
}

function prefixed(
  scores: Readonly<Record<string, number>>,
  prefix: string,
): Record<string, number> {
  return Object.fromEntries(Object.entries(scores).map(([k, v]) => [`${prefix}${k}`, v]));
}

function direction(metric: string): string {
  return getMetric(metric).direction === 'maximize' ? 'higher' : 'lower';
}
