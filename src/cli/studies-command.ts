import { resolve } from 'node:path';
import type { Command } from 'commander';
import { InvalidParameterError } from '../errors.js';
import { parameterImportance } from '../tune/importance/fanova.js';
import type { ParamImportance } from '../tune/importance/fanova.js';
import { openStudy } from '../tune/open-study.js';
import { requireStudy } from '../tune/storage/study-rows.js';
import type { Study } from '../tune/study.js';
import type { Direction, FrozenTrial } from '../tune/types.js';
import { duration, positiveInteger } from './option-parsers.js';
import { storeCommandOptions, withStore, printJson } from './store-command.js';
import { formatNumber, renderTable } from './table.js';

interface StudyCliOptions {
  store?: string;
  format: 'table' | 'json';
}

interface CreateOptions extends StudyCliOptions {
  direction: Direction[];
  objective?: string;
  maxTrials?: number;
  heartbeat: number;
  retry: number;
}

/** `argmin studies …`: create a study for workers to share, list studies, show one. */
export function registerStudiesCommand(program: Command): void {
  const studies = program
    .command('studies')
    .description('tuning studies kept in the store (trials are runs of the same-named experiment)');

  storeCommandOptions(
    studies.command('create').description('create a study that argmin worker processes share'),
  )
    .argument('<name>', 'study name (unique in the store)')
    .option('--objective <file>', 'module exporting objective(trial), run by argmin worker')
    .option(
      '--direction <d...>',
      'minimize or maximize, one per objective value',
      (value: string, previous: Direction[] | undefined) => [
        ...(previous ?? []),
        value as Direction,
      ],
    )
    .option(
      '--max-trials <n>',
      'trials the study may start in all',
      positiveInteger('--max-trials'),
    )
    .option(
      '--heartbeat <duration>',
      'how often workers mark trials alive',
      duration('--heartbeat'),
      5000,
    )
    .option(
      '--retry <n>',
      'times to retry the parameters of a trial whose worker died',
      positiveInteger('--retry', 0),
      0,
    )
    .action(async (name: string, options: CreateOptions) => {
      await withStore(options, async (store) => {
        const study = await openStudy({
          store,
          name,
          directions: options.direction ?? ['minimize'],
          loadIfExists: false,
          heartbeatIntervalMs: options.heartbeat,
          retryFailedTrials: options.retry,
          ...(options.maxTrials === undefined ? {} : { maxTrials: options.maxTrials }),
          ...(options.objective === undefined ? {} : { objective: resolve(options.objective) }),
        });
        await study.close();
        const record = await requireStudy(store.db, name);
        if (options.format === 'json') return printJson(record);
        console.log(`created study ${name} (${record.directions.join(', ')})`);
        console.log(`start workers with: argmin worker --study ${name}${storeFlag(options)}`);
      });
    });

  storeCommandOptions(
    studies.command('list').description('list studies with their trial counts'),
  ).action(async (options: StudyCliOptions) => {
    await withStore(options, async (store) => {
      const rows = await store.db
        .selectFrom('studies')
        .leftJoin('trials', 'trials.study_id', 'studies.study_id')
        .select(['studies.name', 'studies.directions', 'trials.state'])
        .select((eb) => eb.fn.count<number>('trials.number').as('n'))
        .groupBy(['studies.name', 'studies.directions', 'trials.state'])
        .orderBy('studies.name')
        .execute();
      const byStudy = new Map<string, { directions: string; counts: Record<string, number> }>();
      for (const row of rows) {
        const entry = byStudy.get(row.name) ?? { directions: row.directions, counts: {} };
        if (row.state !== null) entry.counts[row.state] = Number(row.n);
        byStudy.set(row.name, entry);
      }
      const list = [...byStudy].map(([name, { directions, counts }]) => ({
        name,
        directions: JSON.parse(directions) as Direction[],
        trials: counts,
      }));
      if (options.format === 'json') return printJson(list);
      if (list.length === 0) return console.log('no studies');
      const states = ['COMPLETE', 'PRUNED', 'FAIL', 'RUNNING', 'WAITING'];
      console.log(
        renderTable(
          ['name', 'directions', ...states.map((s) => s.toLowerCase())],
          list.map((s) => [
            s.name,
            s.directions.join(','),
            ...states.map((st) => String(s.trials[st] ?? 0)),
          ]),
        ),
      );
    });
  });

  storeCommandOptions(
    studies.command('show').description("a study's settings, best trials and counts"),
  )
    .argument('<name>', 'study name')
    .option('--top <n>', 'best trials to list', positiveInteger('--top'), 10)
    .action(async (name: string, options: StudyCliOptions & { top: number }) => {
      await withStore(options, async (store) => {
        const record = await requireStudy(store.db, name);
        const study = await openStudy({ store, name, directions: record.directions });
        try {
          const best = bestTrials(study, record.directions, options.top);
          const importance = importanceOf(study);
          if (options.format === 'json')
            return printJson({ ...record, trials: study.history(), best, importance });
          console.log(`study ${name}: ${record.directions.join(', ')}`);
          console.log(`settings: ${JSON.stringify(record.settings)}`);
          console.log(`trials: ${countStates(study.trials())}`);
          if (best.length > 0) console.log(trialTable(best));
          if (importance.length > 0)
            console.log(
              `\nparameter importance (fANOVA on the completed trials):\n${renderTable(
                ['param', 'importance'],
                importance.map((i) => [i.param, i.importance.toFixed(3)]),
              )}`,
            );
        } finally {
          await study.close();
        }
      });
    });
}

/** Importance of the parameters all completed trials share; empty when it cannot be computed. */
function importanceOf(study: Study): ParamImportance[] {
  try {
    return parameterImportance(study.trials(), { seed: 0 });
  } catch (error) {
    if (error instanceof InvalidParameterError) return [];
    throw error;
  }
}

/** The best completed trials, best first (single objective), or the Pareto front. */
export function bestTrials(
  study: Study,
  directions: readonly Direction[],
  top: number,
): FrozenTrial[] {
  if (directions.length > 1) return [...study.bestTrials].slice(0, top);
  const sign = directions[0] === 'minimize' ? 1 : -1;
  return [...study.trials(['COMPLETE'])]
    .sort((a, b) => sign * ((a.values?.[0] ?? 0) - (b.values?.[0] ?? 0)) || a.number - b.number)
    .slice(0, top);
}

export function countStates(trials: readonly FrozenTrial[]): string {
  const counts = new Map<string, number>();
  for (const trial of trials) counts.set(trial.state, (counts.get(trial.state) ?? 0) + 1);
  return [...counts].map(([state, n]) => `${n} ${state.toLowerCase()}`).join(', ') || 'none';
}

export function trialTable(trials: readonly FrozenTrial[]): string {
  return renderTable(
    ['trial', 'value(s)', 'params'],
    trials.map((t) => [
      String(t.number),
      (t.values ?? []).map(formatNumber).join(', '),
      formatParams(t),
    ]),
  );
}

export function formatParams(trial: FrozenTrial): string {
  return Object.entries(trial.params)
    .map(([k, v]) => `${k}=${typeof v === 'number' ? formatNumber(v) : String(v)}`)
    .join(' ');
}

function storeFlag(options: StudyCliOptions): string {
  return options.store === undefined ? '' : ` --store ${options.store}`;
}
