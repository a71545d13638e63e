import type { Command } from 'commander';
import { listPredictions } from '../serve/index.js';
import { duration, positiveInteger } from './option-parsers.js';
import type { StoreCommandOptions } from './store-command.js';
import { printJson, storeCommandOptions, withStore } from './store-command.js';
import { renderTable } from './table.js';

interface ListOptions extends StoreCommandOptions {
  model?: string;
  version?: number;
  request?: string;
  since?: number;
  max: number;
  format: 'table' | 'json';
}

/** Short text of a logged value for the table. */
function brief(value: unknown, width = 60): string {
  const text = JSON.stringify(value) ?? '';
  return text.length > width ? `${text.slice(0, width - 1)}…` : text;
}

export function registerPredictionsCommand(program: Command): void {
  const predictions = program
    .command('predictions')
    .description('the prediction log written by `argmin serve`');
  storeCommandOptions(
    predictions
      .command('list')
      .description('logged requests, newest first')
      .option('--model <name>', 'only this model')
      .option('--version <n>', 'only this version', positiveInteger('--version'))
      .option('--request <id>', 'only this request id (a shadowed request has two records)')
      .option('--since <duration>', 'only the last 10m, 2h, …', duration('--since'))
      .option('--max <n>', 'most records', positiveInteger('--max'), 20),
  ).action(async (options: ListOptions) => {
    await withStore(options, async (store) => {
      const records = await listPredictions(store, {
        ...(options.model === undefined ? {} : { model: options.model }),
        ...(options.version === undefined ? {} : { version: options.version }),
        ...(options.request === undefined ? {} : { requestId: options.request }),
        ...(options.since === undefined ? {} : { since: Date.now() - options.since }),
        limit: options.max,
      });
      if (options.format === 'json') {
        printJson(records);
        return;
      }
      if (records.length === 0) {
        console.log('No predictions logged (serve with --log-sample > 0 and a store).');
        return;
      }
      console.log(
        renderTable(
          ['at', 'request', 'model', 'version', 'role', 'rows', 'ms', 'outputs'],
          records.map((r) => [
            new Date(r.at).toISOString(),
            r.requestId,
            r.model,
            r.version === null ? '' : String(r.version),
            r.role,
            r.rows,
            Number(r.latencyMs.toFixed(3)),
            brief((r.outputs as { predictions?: unknown })?.predictions ?? r.outputs),
          ]),
        ),
      );
    });
  });
}
