import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import type { AliasEvent } from '../../src/registry/index.js';
import { forEachDialect } from '../store/dialects.js';
import { useRegistry } from './registry-fixture.js';

const run = promisify(execFile);
const WORKER = 'test/registry/create-versions-worker.mjs';

function range(n: number): number[] {
  return Array.from({ length: n }, (_, i) => i + 1);
}

/** Each move starts where the previous one ended: no move was lost or interleaved. */
function expectUnbrokenChain(history: readonly AliasEvent[]): void {
  expect(history[0].fromVersion).toBeNull();
  for (let i = 1; i < history.length; i++)
    expect(history[i].fromVersion).toBe(history[i - 1].toVersion);
}

forEachDialect((target) => {
  describe('concurrent writers', () => {
    const fixture = useRegistry(target);

    it('40 concurrent createVersion calls in one process get 40 distinct numbers', async () => {
      const { registry } = fixture();
      const created = await Promise.all(
        range(40).map((i) =>
          registry.createVersion('parallel', { artifactUri: `a${i}`, createModel: true }),
        ),
      );
      expect(created.map((v) => v.version).sort((a, b) => a - b)).toEqual(range(40));
    });

    it('concurrent alias moves in one process leave an unbroken audit chain', async () => {
      const { registry } = fixture();
      for (const i of range(10))
        await registry.createVersion('moves', { artifactUri: `a${i}`, createModel: true });
      await Promise.all(range(10).map((v) => registry.setAlias('moves', 'champion', v)));
      const history = await registry.aliasHistory('moves', 'champion');
      expect(history).toHaveLength(10);
      expectUnbrokenChain(history);
      expect((await registry.getByAlias('moves', 'champion')).version).toBe(
        history[history.length - 1].toVersion,
      );
    });

    it('4 writer processes registering 15 versions each get numbers 1..60, none twice', async () => {
      const { store, registry } = fixture();
      const outputs = await Promise.all(
        range(4).map(() => run(process.execPath, [WORKER, store.uri, 'shared', '15'])),
      );
      const numbers = outputs.flatMap(({ stdout }) => JSON.parse(stdout) as number[]);
      expect(numbers.sort((a, b) => a - b)).toEqual(range(60));
      expect((await registry.listVersions('shared')).map((v) => v.version)).toEqual(range(60));
      const history = await registry.aliasHistory('shared', 'champion');
      expect(history).toHaveLength(60);
      expectUnbrokenChain(history);
    });
  });
});
