import { randomInt } from 'node:crypto';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Command } from 'commander';
import { Option } from 'commander';
import { InvalidParameterError } from '../errors.js';
import { openStore } from '../store/index.js';
import { openStudy } from '../tune/open-study.js';
import type { Objective } from '../tune/optimize.js';
import { SAMPLER_NAMES, samplerByName } from '../tune/sampler-names.js';
import { requireStudy } from '../tune/storage/study-rows.js';
import { FAIL_REASON_KEY } from '../tune/study.js';
import type { FrozenTrial } from '../tune/types.js';
import { work } from '../tune/worker.js';
import { duration, positiveInteger } from './option-parsers.js';
import { formatNumber } from './table.js';
import { bestTrials, countStates, formatParams } from './studies-command.js';

interface WorkerOptions {
  study: string;
  store?: string;
  objective?: string;
  trials?: number;
  timeout?: number;
  concurrency: number;
  sampler: string;
  seed?: number;
  quiet?: boolean;
}

/** `argmin worker`: join a study in the store and run its trials until it is finished. */
export function registerWorkerCommand(program: Command): void {
  program
    .command('worker')
    .description(
      'run trials of a stored study beside other workers (same machine on SQLite, many on PostgreSQL)',
    )
    .requiredOption('--study <name>', 'the study (create it with argmin studies create)')
    .option('--store <uri>', 'store URI (default: $ARGMIN_STORE or sqlite:./.argmin/argmin.db)')
    .option('--objective <file>', "module exporting objective(trial) (default: the study's)")
    .option('--trials <n>', 'most trials this worker runs', positiveInteger('--trials'))
    .option(
      '--timeout <duration>',
      'start no trial after this long (30s, 5m, 1h)',
      duration('--timeout'),
    )
    .option(
      '--concurrency <n>',
      'trials at once (async objectives)',
      positiveInteger('--concurrency'),
      1,
    )
    .addOption(
      new Option('--sampler <name>', 'how parameters are chosen')
        .choices([...SAMPLER_NAMES])
        .default('tpe'),
    )
    .option(
      '--seed <n>',
      'sampler seed (default: random, so workers differ)',
      positiveInteger('--seed', 0),
    )
    .option('--quiet', 'print only the summary')
    .action(async (options: WorkerOptions) => {
      const objective = await loadObjective(options);
      const study = await openStudy({
        store: options.store,
        name: options.study,
        directions: (await studyRecord(options)).directions,
        sampler: samplerByName(options.sampler, options.seed ?? randomInt(2 ** 31)),
      });
      const mine: FrozenTrial[] = [];
      try {
        const stoppedBy = await work(study, objective, {
          ...(options.trials === undefined ? {} : { trials: options.trials }),
          ...(options.timeout === undefined ? {} : { timeout: options.timeout }),
          concurrency: options.concurrency,
          pollMs: Math.min(1000, (await studyRecord(options)).settings.heartbeatIntervalMs),
          onTrialEnd: (trial) => {
            mine.push(trial);
            if (!options.quiet) console.log(trialLine(trial));
          },
        });
        await study.refresh();
        console.log(
          `worker stopped (${stopReason[stoppedBy]}) after ${mine.length} trial(s): ${countStates(mine)}`,
        );
        const [best] = bestTrials(study, study.directions, 1);
        if (best !== undefined)
          console.log(
            `study ${study.name}: ${countStates(study.trials())}; best ${(best.values ?? []).map(formatNumber).join(', ')} at trial ${best.number} (${formatParams(best)})`,
          );
      } finally {
        await study.close();
      }
    });
}

const stopReason = {
  trials: 'its --trials ran',
  timeout: 'its --timeout passed',
  budget: "the study's trial budget is spent and no trial is left running",
  aborted: 'it was interrupted',
} as const;

function trialLine(trial: FrozenTrial): string {
  const seconds =
    trial.startedAt === null || trial.completedAt === null
      ? ''
      : ` (${((trial.completedAt - trial.startedAt) / 1000).toFixed(2)} s)`;
  const outcome =
    trial.state === 'COMPLETE'
      ? (trial.values ?? []).map(formatNumber).join(', ')
      : trial.state === 'FAIL'
        ? String(trial.systemAttrs[FAIL_REASON_KEY] ?? '')
        : '';
  return `trial ${trial.number} ${trial.state} ${outcome}  ${formatParams(trial)}${seconds}`;
}

const records = new Map<string, ReturnType<typeof requireStudy>>();

/** The study's row, read once per command. */
function studyRecord(options: WorkerOptions): ReturnType<typeof requireStudy> {
  const key = `${options.store}\u0000${options.study}`;
  let record = records.get(key);
  if (record === undefined) {
    record = (async () => {
      const store = await openStore(options.store, { handleExit: false });
      try {
        return await requireStudy(store.db, options.study);
      } finally {
        await store.close();
      }
    })();
    records.set(key, record);
  }
  return record;
}

/** The `objective` export of the module given, or of the one the study was created with. */
async function loadObjective(options: WorkerOptions): Promise<Objective> {
  const path = options.objective ?? (await studyRecord(options)).settings.objective;
  if (path === null)
    throw new InvalidParameterError(
      'argmin worker',
      '--objective',
      `is needed: study "${options.study}" was created without one (argmin studies create --objective FILE)`,
    );
  let module: Record<string, unknown>;
  try {
    module = (await import(pathToFileURL(resolve(path)).href)) as Record<string, unknown>;
  } catch (error) {
    throw new InvalidParameterError(
      'argmin worker',
      '--objective',
      `cannot load ${path}: ${(error as Error).message}`,
    );
  }
  const objective = module.objective ?? module.default;
  if (typeof objective !== 'function')
    throw new InvalidParameterError(
      'argmin worker',
      '--objective',
      `${path} must export a function named objective (it exports: ${Object.keys(module).join(', ') || 'nothing'})`,
    );
  return objective as Objective;
}
