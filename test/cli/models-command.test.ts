import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command, CommanderError } from 'commander';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { registerModelsCommand } from '../../src/cli/models-command.js';
import { readTable } from '../../src/data/index.js';
import { ArgminError, InvalidParameterError } from '../../src/errors.js';
import { linearPreprocessor, Pipeline } from '../../src/features/index.js';
import { LogisticRegression } from '../../src/learners/index.js';
import { saveModel } from '../../src/model/index.js';
import { useRegistry } from '../registry/registry-fixture.js';
import { forEachDialect } from '../store/dialects.js';

const dir = mkdtempSync(join(tmpdir(), 'argmin-models-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const weaker = join(dir, 'weaker.argmin');
const stronger = join(dir, 'stronger.argmin');

beforeAll(async () => {
  const credit = await readTable('examples/data/credit.csv', { target: 'Status' });
  const pipeline = new Pipeline({
    preprocessor: linearPreprocessor(credit, credit.featureNames),
    learner: new LogisticRegression(),
  }).fit(credit, 'Status');
  await saveModel(pipeline, weaker, { metrics: { cv_roc_auc: 0.8 } });
  await saveModel(pipeline, stronger, { metrics: { cv_roc_auc: 0.86 } });
});

interface CliResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Printed text without colour codes (picocolors colours output when CI is set). */
function plain(lines: readonly string[]): string {
  // eslint-disable-next-line no-control-regex
  return lines.join('\n').replace(/\u001b\[[0-9;]*m/g, '');
}

/** Runs `argmin models …` in-process on a fresh command tree and captures what it prints. */
async function models(storeUri: string, ...args: string[]): Promise<CliResult> {
  const out: string[] = [];
  const err: string[] = [];
  const program = new Command('argmin').exitOverride().configureOutput({
    writeOut: (text) => void out.push(text),
    writeErr: (text) => void err.push(text),
  });
  registerModelsCommand(program);
  const log = vi.spyOn(console, 'log').mockImplementation((...a) => void out.push(a.join(' ')));
  try {
    await program.parseAsync(['node', 'argmin', 'models', ...args, '--store', storeUri]);
    return { code: 0, stdout: plain(out), stderr: plain(err) };
  } catch (error) {
    // A refused promotion is an outcome: main() prints it on one line and exits 1.
    if (error instanceof ArgminError && error.code === 'ARGMIN_PROMOTION_REFUSED')
      return { code: 1, stdout: plain(out), stderr: error.message };
    if (!(error instanceof CommanderError)) throw error;
    return { code: error.exitCode, stdout: plain(out), stderr: plain(err) };
  } finally {
    log.mockRestore();
  }
}

async function json(storeUri: string, ...args: string[]): Promise<unknown> {
  const result = await models(storeUri, ...args, '--format', 'json');
  expect(result.code, result.stderr).toBe(0);
  return JSON.parse(result.stdout);
}

forEachDialect((target) => {
  describe('argmin models', () => {
    const fixture = useRegistry(target);
    const uri = (): string => fixture().store.uri;

    it('register reads signature and metrics from the artifact and can set an alias', async () => {
      const version = (await json(
        uri(),
        'register',
        'credit',
        weaker,
        '--alias',
        'champion',
        '--tag',
        'data=v1',
        '--run',
        'r42',
      )) as Record<string, unknown>;
      expect(version).toMatchObject({
        name: 'credit',
        version: 1,
        artifactUri: weaker,
        runId: 'r42',
        metrics: { cv_roc_auc: 0.8 },
        tags: { data: 'v1' },
        aliases: ['champion'],
      });
      expect((version.signature as { name: string }[]).map((c) => c.name)).toContain('Income');
      const second = (await json(uri(), 'register', 'credit', stronger)) as { version: number };
      expect(second.version).toBe(2);
    });

    it('list prints a table with aliases and the latest version, and json for scripts', async () => {
      const table = await models(uri(), 'list', '--name', 'cred%');
      expect(table.stdout).toMatch(/^name\s+latest\s+aliases/);
      expect(table.stdout).toMatch(/credit\s+2\s+@champion=1/);
      const page = (await json(uri(), 'list')) as { models: { name: string }[] };
      expect(page.models.map((m) => m.name)).toEqual(['credit']);
    });

    it('show and versions print every version with its aliases', async () => {
      const shown = await models(uri(), 'show', 'credit');
      expect(shown.stdout).toMatch(/1\s+active\s+@champion\s+cv_roc_auc=0\.8000/);
      expect(shown.stdout).toMatch(/alias history/);
      const versions = (await json(uri(), 'versions', 'credit')) as { version: number }[];
      expect(versions.map((v) => v.version)).toEqual([1, 2]);
    });

    it('promote refuses a version that fails a check: exit 1 and every check printed', async () => {
      const refused = await models(
        uri(),
        'promote',
        'credit',
        '2',
        '--require',
        'metrics.cv_roc_auc >= 0.9',
        '--must-beat',
        'champion',
      );
      expect(refused.code).toBe(1);
      expect(refused.stdout).toMatch(/metrics\.cv_roc_auc >= 0\.9\s+FAIL\s+cv_roc_auc = 0\.86/);
      expect(refused.stdout).toMatch(/must beat @champion on cv_roc_auc.*pass/);
      expect(refused.stderr).toMatch(/refused: 1 of 3 checks failed/);
      expect((await fixture().registry.getByAlias('credit', 'champion')).version).toBe(1);
    });

    it('promote moves the alias when every check passes', async () => {
      const promoted = await models(
        uri(),
        'promote',
        'credit',
        '2',
        '--require',
        'metrics.cv_roc_auc >= 0.85',
        '--must-beat',
        'champion',
        '--reason',
        'higher auc',
      );
      expect(promoted.code, promoted.stderr).toBe(0);
      expect(promoted.stdout).toMatch(/credit@champion → 2 \(was 1\)/);
      const history = await fixture().registry.aliasHistory('credit', 'champion');
      expect(history[history.length - 1]).toMatchObject({
        fromVersion: 1,
        toVersion: 2,
        reason: 'higher auc',
      });
    });

    it('alias sets, shows the history of, and deletes an alias', async () => {
      const set = await models(uri(), 'alias', 'credit', 'shadow', '1', '--actor', 'ana');
      expect(set.stdout).toBe('credit@shadow → 1');
      const history = (await json(uri(), 'alias', 'credit', 'shadow')) as { actor: string }[];
      expect(history.map((e) => e.actor)).toEqual(['ana']);
      const removed = await models(uri(), 'alias', 'credit', 'shadow', '--delete');
      expect(removed.stdout).toBe('credit@shadow deleted (was 1)');
    });

    it('a bad alias name is an argmin error that names the problem', async () => {
      await expect(models(uri(), 'alias', 'credit', '7', '1')).rejects.toThrow(
        InvalidParameterError,
      );
    });

    it('archive and restore a version, then delete a version and the model', async () => {
      expect(((await json(uri(), 'archive', 'credit', '1')) as { status: string }).status).toBe(
        'archived',
      );
      const restored = await models(uri(), 'archive', 'credit', '1', '--restore');
      expect(restored.stdout).toBe('credit/1 is active');
      expect(await json(uri(), 'delete', 'credit', '1')).toEqual({ deleted: 'credit/1' });
      expect((await json(uri(), 'versions', 'credit')) as unknown[]).toHaveLength(1);
      await models(uri(), 'delete', 'credit');
      const page = (await json(uri(), 'list')) as { models: unknown[] };
      expect(page.models).toHaveLength(0);
    });
  });
});
