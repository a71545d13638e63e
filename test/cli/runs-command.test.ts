import { Command, CommanderError } from 'commander';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { registerRunsCommand } from '../../src/cli/runs-command.js';
import type { Store } from '../../src/store/index.js';
import { forEachDialect } from '../store/dialects.js';
import { freshStore } from '../store/test-store.js';

interface CliResult {
  readonly code: number;
  readonly stdout: string;
}

/** Runs `argmin runs …` in-process on a fresh command tree and captures what it prints. */
async function runs(storeUri: string, ...args: string[]): Promise<CliResult> {
  const out: string[] = [];
  const program = new Command('argmin').exitOverride().configureOutput({
    writeOut: (text) => void out.push(text),
    writeErr: (text) => void out.push(text),
  });
  registerRunsCommand(program);
  const log = vi.spyOn(console, 'log').mockImplementation((...a) => void out.push(a.join(' ')));
  try {
    await program.parseAsync(['node', 'argmin', 'runs', ...args, '--store', storeUri]);
    return { code: 0, stdout: out.join('\n') };
  } catch (error) {
    if (!(error instanceof CommanderError)) throw error;
    return { code: error.exitCode, stdout: out.join('\n') };
  } finally {
    log.mockRestore();
  }
}

async function json(storeUri: string, ...args: string[]): Promise<unknown> {
  const result = await runs(storeUri, ...args, '--format', 'json');
  expect(result.code, result.stdout).toBe(0);
  return JSON.parse(result.stdout);
}

interface JsonRun {
  readonly info: { readonly runId: string; readonly name: string; readonly lifecycleStage: string };
  readonly params: Record<string, string>;
}

forEachDialect((target) => {
  describe('argmin runs', () => {
    let store: Store;
    const ids: string[] = [];

    beforeEach(async () => {
      store = await freshStore(target, { handleExit: false });
      ids.length = 0;
      const specs = [
        { name: 'gbdt-a', model: 'gbdt', auc: 0.91 },
        { name: 'rf-a', model: 'rf', auc: 0.85 },
        { name: 'gbdt-b', model: 'gbdt', auc: 0.95 },
      ];
      for (const spec of specs) {
        const run = await store.startRun({
          experiment: 'credit',
          name: spec.name,
          params: { model: spec.model, lr: 0.1 },
          tags: { team: 'risk' },
        });
        run.logMetric('auc', spec.auc);
        await run.end();
        ids.push(run.id);
      }
    });

    it('list --filter --order-by returns the matching runs in order', async () => {
      const page = (await json(
        store.uri,
        'list',
        '--filter',
        "params.model = 'gbdt'",
        '--order-by',
        'metrics.auc DESC',
      )) as { runs: JsonRun[] };
      expect(page.runs.map((r) => r.info.name)).toEqual(['gbdt-b', 'gbdt-a']);
    });

    it('list pages with --max and prints the next page token', async () => {
      const first = await runs(store.uri, 'list', '--max', '2', '--order-by', 'metrics.auc');
      const token = /--page-token (\S+)/.exec(first.stdout)?.[1];
      expect(token).toBeDefined();
      const second = (await json(
        store.uri,
        'list',
        '--max',
        '2',
        '--order-by',
        'metrics.auc',
        '--page-token',
        token!,
      )) as { runs: JsonRun[]; nextPageToken?: string };
      expect(second.runs.map((r) => r.info.name)).toEqual(['gbdt-b']);
      expect(second.nextPageToken).toBeUndefined();
    });

    it('list prints a table with the metric named in --order-by', async () => {
      const { stdout } = await runs(store.uri, 'list', '--order-by', 'metrics.auc DESC');
      const [header] = stdout.split('\n');
      expect(header).toMatch(/run_id\s+name\s+status\s+start\s+auc/);
      expect(stdout.indexOf('gbdt-b')).toBeLessThan(stdout.indexOf('rf-a'));
    });

    it('list --experiment restricts to that experiment', async () => {
      const other = await store.startRun({ experiment: 'churn', name: 'other' });
      await other.end();
      const page = (await json(store.uri, 'list', '--experiment', 'churn')) as { runs: JsonRun[] };
      expect(page.runs.map((r) => r.info.name)).toEqual(['other']);
    });

    it('show prints params and metrics of one run', async () => {
      const { stdout } = await runs(store.uri, 'show', ids[0]);
      expect(stdout).toContain('gbdt-a');
      expect(stdout).toMatch(/auc\s+0\.9100/);
      expect(stdout).toMatch(/model\s+gbdt/);
    });

    it('compare puts one column per run', async () => {
      const { stdout } = await runs(store.uri, 'compare', ids[0], ids[1]);
      const modelLine = stdout.split('\n').find((line) => line.includes('params.model'));
      expect(modelLine).toMatch(/gbdt\s+rf/);
    });

    it('export writes every run as CSV with one column per param and metric', async () => {
      const { stdout } = await runs(store.uri, 'export', '--format', 'csv');
      const [header, ...lines] = stdout.trim().split('\n');
      expect(header.split(',')).toEqual(
        expect.arrayContaining(['run_id', 'metrics.auc', 'params.model', 'params.lr', 'tags.team']),
      );
      expect(lines).toHaveLength(3);
    });

    it('delete hides runs from list and --restore brings them back', async () => {
      await json(store.uri, 'delete', ids[1]);
      const after = (await json(store.uri, 'list')) as { runs: JsonRun[] };
      expect(after.runs.map((r) => r.info.runId)).not.toContain(ids[1]);
      await json(store.uri, 'delete', ids[1], '--restore');
      const restored = (await json(store.uri, 'list')) as { runs: JsonRun[] };
      expect(restored.runs.map((r) => r.info.runId)).toContain(ids[1]);
    });
  });
});
