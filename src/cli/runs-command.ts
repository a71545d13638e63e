import { writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { Option } from 'commander';
import pc from 'picocolors';
import type { RunQuery, RunRecord, Store } from '../store/index.js';
import { positiveInteger } from './option-parsers.js';
import { printJson, storeCommandOptions, withStore } from './store-command.js';
import { formatNumber, renderTable } from './table.js';

type Format = 'table' | 'json' | 'csv';

interface StoreOptions {
  store?: string;
  format: Format;
}

interface SearchOptions extends StoreOptions {
  experiment: string[];
  filter?: string;
  orderBy: string[];
  lifecycle: 'active' | 'deleted' | 'all';
}

/** `argmin runs …`: find, show, compare, export and delete tracked runs. */
export function registerRunsCommand(program: Command): void {
  const runs = program
    .command('runs')
    .description('tracked runs: search, show, compare, export, delete');

  searchOptions(
    storeOptions(runs.command('list').description('search runs with a filter, one page at a time')),
  )
    .option('--max <n>', 'runs per page (1-10000)', positiveInteger('--max'), 50)
    .option('--page-token <token>', 'the next-page token printed by the previous page')
    .action(async (options: SearchOptions & { max: number; pageToken?: string }) => {
      await withStore(options, async (store) => {
        const page = await store.searchRuns({
          ...(await searchQuery(store, options)),
          maxResults: options.max,
          ...(options.pageToken !== undefined ? { pageToken: options.pageToken } : {}),
        });
        if (options.format === 'json') return printJson(page);
        if (options.format === 'csv') return console.log(toCsv(page.runs));
        console.log(runTable(page.runs, options.orderBy));
        if (page.nextPageToken !== undefined)
          console.log(`\nmore: --page-token ${page.nextPageToken}`);
      });
    });

  storeOptions(runs.command('show').description('a run with its params, tags, metrics and inputs'))
    .argument('<run-id>', 'run id')
    .action(async (runId: string, options: StoreOptions) => {
      await withStore(options, async (store) => {
        const run = await store.getRun(runId);
        if (options.format === 'json') return printJson(run);
        if (options.format === 'csv') return console.log(toCsv([run]));
        printRun(run);
      });
    });

  storeOptions(runs.command('compare').description('runs side by side: one column per run'))
    .argument('<run-ids...>', 'two or more run ids')
    .action(async (runIds: string[], options: StoreOptions) => {
      await withStore(options, async (store) => {
        const records = await Promise.all(runIds.map((id) => store.getRun(id)));
        if (options.format === 'json') return printJson(records);
        const rows = flatten(records);
        if (options.format === 'csv') return console.log(toCsv(records));
        const differing = rows.keys.filter(
          (key) => new Set(rows.values.map((v) => v[key])).size > 1,
        );
        console.log(
          renderTable(
            ['field', ...records.map((r) => r.info.runId)],
            rows.keys.map((key) => [
              differing.includes(key) ? pc.bold(key) : key,
              ...rows.values.map((values) => values[key] ?? '-'),
            ]),
          ),
        );
      });
    });

  searchOptions(
    storeOptions(runs.command('export').description('every run a search finds, as CSV or JSON')),
  )
    .option('-o, --output <file>', 'write here instead of standard output')
    .action(async (options: SearchOptions & { output?: string }) => {
      await withStore(options, async (store) => {
        const query = await searchQuery(store, options);
        const all: RunRecord[] = [];
        let pageToken: string | undefined;
        do {
          const page = await store.searchRuns({
            ...query,
            maxResults: 1000,
            ...(pageToken ? { pageToken } : {}),
          });
          all.push(...page.runs);
          pageToken = page.nextPageToken;
        } while (pageToken !== undefined);
        const text = options.format === 'json' ? jsonText(all) : toCsv(all);
        if (options.output === undefined) console.log(text);
        else {
          writeFileSync(options.output, text + '\n');
          console.error(`wrote ${all.length} runs to ${options.output}`);
        }
      });
    });

  storeOptions(runs.command('delete').description('delete runs (restorable unless --purge)'))
    .argument('<run-ids...>', 'run ids')
    .option('--purge', 'delete for good, with metrics and artifacts')
    .option('--restore', 'undo a soft delete instead')
    .action(
      async (runIds: string[], options: StoreOptions & { purge?: boolean; restore?: boolean }) => {
        await withStore(options, async (store) => {
          for (const id of runIds) {
            if (options.restore) await store.restoreRun(id);
            else if (options.purge) await store.purgeRun(id);
            else await store.deleteRun(id);
          }
          const done = options.restore ? 'restored' : options.purge ? 'purged' : 'deleted';
          if (options.format === 'json') return printJson({ [done]: runIds });
          console.log(`${done} ${runIds.length} run${runIds.length === 1 ? '' : 's'}`);
        });
      },
    );
}

function storeOptions(command: Command): Command {
  return storeCommandOptions(command, ['table', 'json', 'csv']);
}

function searchOptions(command: Command): Command {
  return command
    .option('-e, --experiment <name>', 'only runs of this experiment (repeatable)', collect, [])
    .option('-f, --filter <filter>', `e.g. "metrics.auc > 0.9 and params.model = 'gbdt'"`)
    .option(
      '--order-by <entry>',
      'e.g. "metrics.auc DESC" (repeatable; default: newest first)',
      collect,
      [],
    )
    .addOption(
      new Option('--lifecycle <stage>', 'active, deleted or all runs')
        .choices(['active', 'deleted', 'all'])
        .default('active'),
    );
}

async function searchQuery(store: Store, options: SearchOptions): Promise<RunQuery> {
  const experiments = await Promise.all(
    options.experiment.map((name) => store.getExperiment(name)),
  );
  return {
    ...(experiments.length > 0 ? { experimentIds: experiments.map((e) => e.experimentId) } : {}),
    ...(options.filter !== undefined ? { filter: options.filter } : {}),
    ...(options.orderBy.length > 0 ? { orderBy: options.orderBy } : {}),
    lifecycle: options.lifecycle,
  };
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

function time(ms: number | null): string {
  return ms === null ? '' : new Date(ms).toISOString().slice(0, 19).replace('T', ' ');
}

/** Every run as flat `field → text` maps, over the union of their fields in a stable order. */
function flatten(records: readonly RunRecord[]): {
  keys: string[];
  values: Record<string, string>[];
} {
  const values = records.map((r) => {
    const row: Record<string, string> = {
      run_id: r.info.runId,
      experiment_id: r.info.experimentId,
      name: r.info.name,
      status: r.info.status,
      start_time: time(r.info.startTime),
      end_time: time(r.info.endTime),
      parent_run_id: r.info.parentRunId ?? '',
      source_commit: r.info.sourceCommit ?? '',
      host: r.info.host ?? '',
    };
    for (const [key, value] of Object.entries(r.params)) row[`params.${key}`] = value;
    for (const [key, m] of Object.entries(r.metrics)) row[`metrics.${key}`] = String(m.last);
    for (const [key, value] of Object.entries(r.tags)) row[`tags.${key}`] = value;
    return row;
  });
  const fixed = Object.keys(values[0] ?? {}).filter((key) => !key.includes('.'));
  const dynamic = [...new Set(values.flatMap((row) => Object.keys(row)))]
    .filter((key) => key.includes('.'))
    .sort((a, b) => prefixRank(a) - prefixRank(b) || (a < b ? -1 : 1));
  return { keys: [...fixed, ...dynamic], values };
}

function prefixRank(key: string): number {
  return key.startsWith('metrics.') ? 0 : key.startsWith('params.') ? 1 : 2;
}

function csvCell(text: string): string {
  return /[",\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** RFC 4180 CSV: a header of every field, one line per run. */
function toCsv(records: readonly RunRecord[]): string {
  const { keys, values } = flatten(records);
  return [keys, ...values.map((row) => keys.map((key) => row[key] ?? ''))]
    .map((line) => line.map(csvCell).join(','))
    .join('\n');
}

/**
 * A table that fits the terminal: id, name, status and start always, then the metrics named in
 * --order-by, then other metrics and params, while the width allows.
 */
function runTable(records: readonly RunRecord[], orderBy: readonly string[]): string {
  if (records.length === 0) return 'no runs found';
  const width = process.stdout.columns ?? 120;
  const header = ['run_id', 'name', 'status', 'start'];
  const rows: (string | number)[][] = records.map((r) => [
    r.info.runId.slice(0, 12),
    clip(r.info.name, 24),
    r.info.status,
    time(r.info.startTime),
  ]);
  const ordered = orderBy.map((entry) => entry.split(/\s+/)[0].replace(/^metrics\./, ''));
  const metricKeys = [...new Set(records.flatMap((r) => Object.keys(r.metrics)))].sort(
    (a, b) => rank(ordered, a) - rank(ordered, b) || (a < b ? -1 : 1),
  );
  const paramKeys = [...new Set(records.flatMap((r) => Object.keys(r.params)))].sort();
  const extra: [string, (r: RunRecord) => string | number][] = [
    ...metricKeys.map((k): [string, (r: RunRecord) => string | number] => [
      k,
      (r) => r.metrics[k]?.last ?? '-',
    ]),
    ...paramKeys.map((k): [string, (r: RunRecord) => string | number] => [
      `params.${k}`,
      (r) => clip(r.params[k] ?? '-', 16),
    ]),
  ];
  for (const [name, read] of extra) {
    const cells = records.map(read);
    const cellWidth = Math.max(
      name.length,
      ...cells.map((c) => (typeof c === 'number' ? formatNumber(c) : c).length),
    );
    if (tableWidth(header, rows) + 2 + cellWidth > width) break;
    header.push(clip(name, 20));
    cells.forEach((cell, i) => rows[i].push(cell));
  }
  return renderTable(header, rows);
}

function rank(ordered: readonly string[], key: string): number {
  const at = ordered.indexOf(key);
  return at < 0 ? ordered.length : at;
}

function tableWidth(
  header: readonly string[],
  rows: readonly (readonly (string | number)[])[],
): number {
  return header.reduce(
    (total, h, j) =>
      total +
      (j > 0 ? 2 : 0) +
      Math.max(
        h.length,
        ...rows.map(
          (r) => (typeof r[j] === 'number' ? formatNumber(r[j] as number) : String(r[j])).length,
        ),
      ),
    0,
  );
}

function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

function printRun(run: RunRecord): void {
  const info = run.info;
  console.log(`${pc.bold(info.name)}  ${info.runId}`);
  console.log(
    `status ${info.status}, experiment ${info.experimentId}, started ${time(info.startTime)}${info.endTime === null ? '' : `, ended ${time(info.endTime)}`}`,
  );
  if (info.parentRunId) console.log(`parent ${info.parentRunId}`);
  if (info.sourceCommit || info.sourceCommand)
    console.log(`source ${[info.sourceCommit, info.sourceCommand].filter(Boolean).join(' — ')}`);
  console.log(`artifacts ${info.artifactUri}`);
  const metrics = Object.entries(run.metrics);
  if (metrics.length > 0)
    console.log(
      `\n${renderTable(
        ['metric', 'last', 'min', 'max', 'steps'],
        metrics.map(([key, m]) => [key, m.last, m.min, m.max, m.count]),
      )}`,
    );
  const params = Object.entries(run.params);
  if (params.length > 0) console.log(`\n${renderTable(['param', 'value'], params)}`);
  const tags = Object.entries(run.tags);
  if (tags.length > 0) console.log(`\n${renderTable(['tag', 'value'], tags)}`);
  if (run.inputs.length > 0)
    console.log(
      `\n${renderTable(
        ['dataset', 'context', 'fingerprint', 'rows'],
        run.inputs.map((d) => [d.name, d.context, d.fingerprint.slice(0, 12), d.rows ?? '-']),
      )}`,
    );
}

function jsonText(value: unknown): string {
  return JSON.stringify(
    value,
    (_key, v: unknown) => (typeof v === 'number' && !Number.isFinite(v) ? String(v) : v),
    2,
  );
}
