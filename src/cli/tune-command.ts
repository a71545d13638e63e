import { dirname, resolve } from 'node:path';
import type { Command } from 'commander';
import pc from 'picocolors';
import { tune } from '../automl/tune/run-tune.js';
import type { TuneOptions, TuneProgress, TuneResult } from '../automl/tune/run-tune.js';
import type { Task } from '../learners/index.js';
import { FAIL_REASON_KEY } from '../tune/study.js';
import type { FrozenTrial } from '../tune/types.js';
import { InvalidParameterError } from '../errors.js';
import { readConfigFile } from './config-file.js';
import { duration, list, positiveInteger } from './option-parsers.js';
import { formatNumber, renderTable } from './table.js';

interface TuneCliOptions {
  target?: string;
  task?: Task;
  metric?: string;
  time?: number;
  trials?: number;
  concurrency: number;
  learners?: string[];
  cv: number;
  holdout?: string;
  timeColumn?: string;
  test?: string;
  seed: number;
  store?: string;
  study?: string;
  resume?: boolean;
  register?: string;
  ignore?: string[];
  id?: string[];
  nullValues?: string[];
  json?: boolean;
}

/** `argmin tune`: the main job — the best model the budget allows, tracked and registered. */
export function registerTuneCommand(program: Command): void {
  program
    .command('tune')
    .description(
      'search learners and hyper-parameters by cross-validation, then refit, save and register the best model',
    )
    .argument(
      '<data>',
      'CSV, Parquet or JSON file, or a YAML file of these settings (data, target, time, …)',
    )
    .option('-t, --target <column>', 'column to predict')
    .option('--task <task>', 'classification or regression (default: inferred from the target)')
    .option('-m, --metric <name>', 'metric to optimise (default: roc_auc, accuracy or rmse)')
    .option(
      '--time <duration>',
      'wall-clock budget, e.g. 30s, 5m (default 5m unless --trials)',
      duration('--time'),
    )
    .option('--trials <n>', 'most trials to run', positiveInteger('--trials'))
    .option(
      '--concurrency <n>',
      'trials at once, each on its own thread (1 = reproducible)',
      positiveInteger('--concurrency'),
      1,
    )
    .option(
      '--learners <names>',
      'comma-separated learners to consider (default: all for the task)',
      list,
    )
    .option('--cv <k>', 'cross-validation folds', positiveInteger('--cv', 2), 5)
    .option('--holdout <share>', 'validate on one held-out share of rows instead, e.g. 0.2')
    .option('--time-column <column>', 'validate on later rows only, ordered by this column')
    .option('--test <file>', 'score the final model once on this file')
    .option('--seed <n>', 'seed for folds, sampler and learners', positiveInteger('--seed', 0), 0)
    .option('--store <uri>', 'store URI (default: $ARGMIN_STORE or sqlite:./.argmin/argmin.db)')
    .option('--study <name>', 'study name (default: data file name and time)')
    .option('--resume', 'continue the --study after a crash or Ctrl-C, keeping its finished trials')
    .option('--register <name>', 'register the final model under this name')
    .option('--ignore <columns>', 'comma-separated columns to leave out', list)
    .option('--id <columns>', 'comma-separated id columns (kept out of the features)', list)
    .option('--null-values <values>', 'comma-separated strings read as missing, e.g. NA,?', list)
    .option('--json', 'print a machine-readable summary instead of tables')
    .action(async (data: string, options: TuneCliOptions, command: Command) => {
      const settings = CONFIG_FILE.test(data)
        ? await withConfigFile(data, options, command)
        : { data, options };
      const { target } = settings.options;
      if (target === undefined)
        throw new InvalidParameterError(
          'argmin tune',
          '--target',
          'is required: name the column to predict (or set target: in a config file)',
        );
      await runTune(settings.data, { ...settings.options, target });
    });
}

const CONFIG_FILE = /\.ya?ml$/i;

/** How each setting of `argmin tune config.yaml` is read: as its command-line option would be. */
const CONFIG_SETTINGS: Readonly<
  Record<string, { option: keyof TuneCliOptions | 'data'; parse: (value: string) => unknown }>
> = {
  data: { option: 'data', parse: String },
  target: { option: 'target', parse: String },
  task: { option: 'task', parse: String },
  metric: { option: 'metric', parse: String },
  time: { option: 'time', parse: duration('time') },
  trials: { option: 'trials', parse: positiveInteger('trials') },
  concurrency: { option: 'concurrency', parse: positiveInteger('concurrency') },
  learners: { option: 'learners', parse: list },
  cv: { option: 'cv', parse: positiveInteger('cv', 2) },
  holdout: { option: 'holdout', parse: String },
  'time-column': { option: 'timeColumn', parse: String },
  test: { option: 'test', parse: String },
  seed: { option: 'seed', parse: positiveInteger('seed', 0) },
  store: { option: 'store', parse: String },
  study: { option: 'study', parse: String },
  resume: { option: 'resume', parse: (value) => value === 'true' },
  register: { option: 'register', parse: String },
  ignore: { option: 'ignore', parse: list },
  id: { option: 'id', parse: list },
  'null-values': { option: 'nullValues', parse: list },
};

/**
 * `argmin tune config.yaml`: the settings of the file, under any option given on the command
 * line. `data` and `test` are found from the file's folder.
 */
async function withConfigFile(
  path: string,
  cli: TuneCliOptions,
  command: Command,
): Promise<{ data: string; options: TuneCliOptions }> {
  const config = await readConfigFile(path, 'argmin tune', Object.keys(CONFIG_SETTINGS));
  const options: Record<string, unknown> = { ...cli };
  let data: string | undefined;
  for (const [key, value] of Object.entries(config.values)) {
    const { option, parse } = CONFIG_SETTINGS[key];
    if (option !== 'data' && command.getOptionValueSource(option) === 'cli') continue;
    const text = configText(value);
    if (text === undefined)
      throw new InvalidParameterError(
        'argmin tune',
        key,
        `must be a value or a list of values (${config.where(key)})`,
      );
    let parsed: unknown;
    try {
      parsed = parse(text);
    } catch (error) {
      throw new InvalidParameterError(
        'argmin tune',
        key,
        `is invalid: ${(error as Error).message.replace(/\.$/, '')} (${config.where(key)})`,
      );
    }
    if (option === 'data' || option === 'test') parsed = resolve(dirname(path), parsed as string);
    if (option === 'data') data = parsed as string;
    else options[option] = parsed;
  }
  if (data === undefined)
    throw new InvalidParameterError(
      'argmin tune',
      'data',
      `is missing from ${path}: add data: path/to/table.csv (relative to the file)`,
    );
  return { data, options: options as unknown as TuneCliOptions };
}

/** A setting's value as the command line would spell it; undefined for a mapping. */
function configText(value: unknown): string | undefined {
  if (Array.isArray(value))
    return value.every((v) => typeof v !== 'object' || v === null) ? value.join(',') : undefined;
  if (value === null || typeof value === 'object') return undefined;
  return String(value);
}

async function runTune(data: string, options: TuneCliOptions & { target: string }): Promise<void> {
  const controller = new AbortController();
  const status = new StatusLine(options.json === true);
  const onSigint = () => {
    if (controller.signal.aborted) process.exit(130);
    controller.abort();
    status.say(
      pc.yellow(
        'stopping: no new trials; the best model so far will be saved (Ctrl-C again to quit now)',
      ),
    );
  };
  process.on('SIGINT', onSigint);
  const timeMs = options.time ?? (options.trials === undefined ? 5 * 60_000 : undefined);
  const tuneOptions: TuneOptions = {
    data,
    target: options.target,
    cv: options.cv,
    seed: options.seed,
    concurrency: options.concurrency,
    signal: controller.signal,
    ...(options.task === undefined ? {} : { task: options.task }),
    ...(options.metric === undefined ? {} : { metric: options.metric }),
    ...(timeMs === undefined ? {} : { timeMs }),
    ...(options.trials === undefined ? {} : { trials: options.trials }),
    ...(options.learners === undefined ? {} : { learners: options.learners }),
    ...(options.holdout === undefined ? {} : { holdout: Number(options.holdout) }),
    ...(options.timeColumn === undefined ? {} : { timeColumn: options.timeColumn }),
    ...(options.test === undefined ? {} : { testData: options.test }),
    ...(options.store === undefined ? {} : { store: options.store }),
    ...(options.study === undefined ? {} : { study: options.study }),
    ...(options.resume ? { resume: true } : {}),
    ...(options.register === undefined ? {} : { register: options.register }),
    ...(options.ignore === undefined ? {} : { ignore: options.ignore }),
    ...(options.id === undefined ? {} : { id: options.id }),
    ...(options.nullValues === undefined ? {} : { nullValues: options.nullValues }),
    log: (line) => status.say(line),
    onTrial: (trial, progress) => status.update(trial, progress),
  };
  try {
    const result = await tune(tuneOptions);
    status.clear();
    if (options.json) console.log(JSON.stringify(summary(result), null, 2));
    else printReport(result, data, options);
  } finally {
    process.off('SIGINT', onSigint);
    status.clear();
  }
}

/** One live line on a terminal (rewritten in place); one line per trial otherwise. */
class StatusLine {
  readonly #quiet: boolean;
  readonly #tty = process.stderr.isTTY === true;
  #shown = false;

  constructor(quiet: boolean) {
    this.#quiet = quiet;
  }

  say(line: string): void {
    if (this.#quiet) return;
    this.clear();
    process.stderr.write(`${line}\n`);
  }

  update(trial: FrozenTrial, progress: TuneProgress): void {
    if (this.#quiet) return;
    const best = progress.best;
    const used = (progress.elapsedMs / 1000).toFixed(0);
    const left =
      progress.budgetMs === null
        ? ''
        : `, ${Math.max(0, (progress.budgetMs - progress.elapsedMs) / 1000).toFixed(0)} s left`;
    const bestText =
      best === null
        ? 'no complete trial yet'
        : `best ${formatNumber((best.values ?? [])[0])} (${String(best.userAttrs.learner)}, trial ${best.number})`;
    const line = `trials: ${progress.done} done, ${progress.pruned} pruned, ${progress.failed} failed — ${bestText} — ${used} s used${left}`;
    if (this.#tty) {
      process.stderr.write(`\r\x1b[2K${line}`);
      this.#shown = true;
      return;
    }
    const outcome =
      trial.state === 'COMPLETE'
        ? formatNumber((trial.values ?? [])[0])
        : trial.state === 'FAIL'
          ? `FAIL ${String(trial.systemAttrs[FAIL_REASON_KEY] ?? '')}`
          : trial.state;
    process.stderr.write(
      `trial ${trial.number} ${String(trial.userAttrs.learner ?? '')}: ${outcome} | ${line}\n`,
    );
  }

  clear(): void {
    if (!this.#shown) return;
    process.stderr.write('\r\x1b[2K');
    this.#shown = false;
  }
}

function leaderboard(result: TuneResult, top: number) {
  const sign = result.direction === 'minimize' ? 1 : -1;
  return result.trials
    .filter((t) => t.state === 'COMPLETE')
    .sort((a, b) => sign * ((a.values?.[0] ?? 0) - (b.values?.[0] ?? 0)) || a.number - b.number)
    .slice(0, top)
    .map((t) => ({
      trial: t.number,
      learner: String(t.userAttrs.learner),
      params: Object.fromEntries(Object.entries(t.params).filter(([k]) => k !== 'learner')),
      score: (t.values ?? [])[0],
      std: Number(t.userAttrs.cvStd ?? 0),
      fitSeconds: Number(t.userAttrs.fitSeconds ?? 0),
    }));
}

function printReport(result: TuneResult, data: string, options: TuneCliOptions): void {
  const counts = { COMPLETE: 0, PRUNED: 0, FAIL: 0 } as Record<string, number>;
  for (const t of result.trials) counts[t.state] = (counts[t.state] ?? 0) + 1;
  console.log(
    `\n${pc.bold('argmin tune')} — ${result.task}${result.classes === null ? '' : ` (${result.classes.length} classes)`}, ${result.metric} (${result.direction === 'maximize' ? 'higher' : 'lower'} is better), ${result.validation}`,
  );
  console.log(
    `${result.trials.length} trials in ${(result.elapsedMs / 1000).toFixed(1)} s: ${counts.COMPLETE} complete, ${counts.PRUNED} pruned, ${counts.FAIL} failed (stopped: ${result.stoppedBy})\n`,
  );
  const rows = leaderboard(result, 10);
  console.log(
    renderTable(
      ['rank', 'trial', 'learner', `cv ${result.metric}`, '± std', 'fit s', 'parameters'],
      rows.map((r, i) => [
        String(i + 1),
        String(r.trial),
        r.learner,
        formatNumber(r.score),
        formatNumber(r.std),
        r.fitSeconds.toFixed(2),
        Object.entries(r.params)
          .map(
            ([k, v]) =>
              `${k.slice(k.indexOf('.') + 1)}=${typeof v === 'number' ? formatNumber(v) : String(v)}`,
          )
          .join(' '),
      ]),
    ),
  );
  const { model } = result;
  console.log(
    `\n${pc.bold('Winner')}: ${model.description}, cv ${result.metric} ${formatNumber(model.cvScore)}${model.cvStd === null ? ' (out of fold, all rows)' : ` ± ${formatNumber(model.cvStd)}`}${model.testScore === null ? '' : `, test ${result.metric} ${formatNumber(model.testScore)}`}`,
  );
  if (model.featureImportances.length > 0) {
    console.log('\nFeature importances (winner):');
    console.log(
      renderTable(
        ['feature', 'importance'],
        model.featureImportances.slice(0, 10).map((f) => [f.feature, f.importance.toFixed(4)]),
      ),
    );
  }
  const store = options.store === undefined ? '' : ` --store ${options.store}`;
  console.log(`\nSaved ${model.artifactUri} (tune run ${result.parentRunId})`);
  if (model.registered !== null) {
    const r = model.registered;
    console.log(
      `Registered ${pc.bold(`${r.name} version ${r.version}`)}: ${r.champion ? 'now @champion' : `@champion unchanged (${r.detail})`}`,
    );
  }
  console.log('\nNext:');
  if (model.registered !== null) {
    console.log(`  argmin models show ${model.registered.name}${store}`);
    const r = model.registered;
    console.log(`  argmin predict models:/${r.name}/${r.version} --input DATA${store}`);
    console.log(
      `  argmin serve ${r.champion ? `${r.name}@champion` : `${r.name}/${r.version}`}${store}   # HTTP API on port 8080`,
    );
  }
  console.log(`  argmin runs list --experiment ${result.study}${store}`);
  console.log(`  argmin studies show ${result.study}${store}`);
  console.log(
    `  argmin tune ${data} --target ${options.target} --study ${result.study} --resume${store}   # continue this search`,
  );
}

function summary(result: TuneResult) {
  return {
    study: result.study,
    task: result.task,
    classes: result.classes,
    metric: result.metric,
    direction: result.direction,
    validation: result.validation,
    notes: result.notes,
    stoppedBy: result.stoppedBy,
    elapsedSeconds: result.elapsedMs / 1000,
    trials: {
      total: result.trials.length,
      complete: result.trials.filter((t) => t.state === 'COMPLETE').length,
      pruned: result.trials.filter((t) => t.state === 'PRUNED').length,
      failed: result.trials.filter((t) => t.state === 'FAIL').length,
    },
    leaderboard: leaderboard(result, 10),
    winner: result.model,
    tuneRun: result.parentRunId,
  };
}
