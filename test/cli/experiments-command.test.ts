import { Command } from 'commander';
import { describe, expect, it, vi } from 'vitest';
import { registerExperimentsCommand } from '../../src/cli/experiments-command.js';
import { forEachDialect } from '../store/dialects.js';

/** Runs `argmin experiments …` in-process and returns what it printed. */
async function experiments(storeUri: string, ...args: string[]): Promise<string> {
  const out: string[] = [];
  const program = new Command('argmin').exitOverride();
  registerExperimentsCommand(program);
  const log = vi.spyOn(console, 'log').mockImplementation((...a) => void out.push(a.join(' ')));
  try {
    await program.parseAsync(['node', 'argmin', 'experiments', ...args, '--store', storeUri]);
    return out.join('\n');
  } finally {
    log.mockRestore();
  }
}

const names = async (uri: string, ...args: string[]): Promise<string[]> =>
  (
    JSON.parse(await experiments(uri, 'list', '--format', 'json', ...args)) as { name: string }[]
  ).map((e) => e.name);

forEachDialect((target) => {
  describe('argmin experiments', () => {
    it('create adds an experiment that list shows with its description', async () => {
      const uri = await target.freshUri();
      await experiments(uri, 'create', 'credit', '--description', 'credit scoring');
      const table = await experiments(uri, 'list');
      expect(table).toMatch(/credit\s+\S+\s+active\s+.*credit scoring/);
    });

    it('delete hides an experiment from list and --restore brings it back', async () => {
      const uri = await target.freshUri();
      await experiments(uri, 'create', 'credit');
      await experiments(uri, 'create', 'churn');
      await experiments(uri, 'delete', 'credit');
      expect(await names(uri)).toEqual(['churn']);
      expect(await names(uri, '--lifecycle', 'deleted')).toEqual(['credit']);
      await experiments(uri, 'delete', 'credit', '--restore');
      expect(await names(uri)).toEqual(['churn', 'credit']);
    });
  });
});
