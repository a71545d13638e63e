import type { Command } from 'commander';
import { Option } from 'commander';
import type { Experiment } from '../store/index.js';
import { storeCommandOptions, withStore, printJson } from './store-command.js';
import { renderTable } from './table.js';

interface ExperimentOptions {
  store?: string;
  format: 'table' | 'json';
}

/** `argmin experiments …`: list, create, delete and restore experiments. */
export function registerExperimentsCommand(program: Command): void {
  const experiments = program
    .command('experiments')
    .description('experiments: named groups of runs');

  storeCommandOptions(experiments.command('list').description('list experiments'))
    .addOption(
      new Option('--lifecycle <stage>', 'active, deleted or all experiments')
        .choices(['active', 'deleted', 'all'])
        .default('active'),
    )
    .action(async (options: ExperimentOptions & { lifecycle: 'active' | 'deleted' | 'all' }) => {
      await withStore(options, async (store) => {
        const list = await store.listExperiments(options.lifecycle);
        if (options.format === 'json') return printJson(list);
        if (list.length === 0) return console.log('no experiments');
        console.log(experimentTable(list));
      });
    });

  storeCommandOptions(experiments.command('create').description('create an experiment'))
    .argument('<name>', 'experiment name (unique)')
    .option('--description <text>', 'what the experiment is for')
    .action(async (name: string, options: ExperimentOptions & { description?: string }) => {
      await withStore(options, async (store) => {
        const created = await store.createExperiment(
          name,
          options.description === undefined ? {} : { description: options.description },
        );
        if (options.format === 'json') return printJson(created);
        console.log(`created experiment ${created.name} (${created.experimentId})`);
      });
    });

  storeCommandOptions(
    experiments.command('delete').description('delete an experiment (restorable)'),
  )
    .argument('<name>', 'experiment name or id')
    .option('--restore', 'undo a delete instead')
    .action(async (name: string, options: ExperimentOptions & { restore?: boolean }) => {
      await withStore(options, async (store) => {
        if (options.restore) await store.restoreExperiment(name);
        else await store.deleteExperiment(name);
        const experiment = await store.getExperiment(name);
        if (options.format === 'json') return printJson(experiment);
        console.log(`${options.restore ? 'restored' : 'deleted'} experiment ${experiment.name}`);
      });
    });
}

function experimentTable(list: readonly Experiment[]): string {
  return renderTable(
    ['name', 'id', 'stage', 'created', 'description'],
    list.map((e) => [
      e.name,
      e.experimentId,
      e.lifecycleStage,
      new Date(e.createdAt).toISOString().slice(0, 19).replace('T', ' '),
      e.description ?? '',
    ]),
  );
}
