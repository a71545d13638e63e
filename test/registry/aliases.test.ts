import { describe, expect, it } from 'vitest';
import { InvalidParameterError, StoreConflictError, StoreNotFoundError } from '../../src/errors.js';
import { defaultActor } from '../../src/registry/index.js';
import { forEachDialect } from '../store/dialects.js';
import { useRegistry } from './registry-fixture.js';

forEachDialect((target) => {
  describe('aliases', () => {
    const fixture = useRegistry(target);

    async function modelWithVersions(name: string, count: number): Promise<void> {
      const { registry } = fixture();
      for (let i = 0; i < count; i++)
        await registry.createVersion(name, { artifactUri: `${name}-${i + 1}`, createModel: true });
    }

    it('points an alias at a version and resolves it', async () => {
      const { registry } = fixture();
      await modelWithVersions('aliased', 2);
      await registry.setAlias('aliased', 'champion', 2);
      const version = await registry.getByAlias('aliased', 'champion');
      expect(version.version).toBe(2);
      expect(version.aliases).toEqual(['champion']);
      expect((await registry.resolve('models:/aliased@champion')).artifactUri).toBe('aliased-2');
      expect((await registry.getModel('aliased')).aliases).toEqual({ champion: 2 });
    });

    it('logs every move with from, to, actor, time and reason', async () => {
      const { registry } = fixture();
      await modelWithVersions('audited', 3);
      const t0 = Date.now();
      const created = await registry.setAlias('audited', 'champion', 1, { actor: 'ana' });
      await registry.setAlias('audited', 'champion', 3, { actor: 'bo', reason: 'better auc' });
      await registry.setAlias('audited', 'shadow', 2);
      await registry.setAlias('audited', 'champion', 2, { actor: 'cy', reason: 'rollback' });
      await registry.deleteAlias('audited', 'shadow', { actor: 'dee' });
      const history = await registry.aliasHistory('audited');
      expect(history.map((e) => [e.alias, e.fromVersion, e.toVersion, e.actor, e.reason])).toEqual([
        ['champion', null, 1, 'ana', null],
        ['champion', 1, 3, 'bo', 'better auc'],
        ['shadow', null, 2, defaultActor(), null],
        ['champion', 3, 2, 'cy', 'rollback'],
        ['shadow', 2, null, 'dee', null],
      ]);
      expect(history[0]).toEqual(created);
      for (let i = 1; i < history.length; i++)
        expect(history[i].at).toBeGreaterThan(history[i - 1].at);
      expect(history[0].at).toBeGreaterThanOrEqual(t0);
      expect(new Set(history.map((e) => e.eventId)).size).toBe(history.length);
      const champion = await registry.aliasHistory('audited', 'champion');
      expect(champion.map((e) => e.toVersion)).toEqual([1, 3, 2]);
    });

    it('the actor defaults to the operating-system user', async () => {
      const { registry } = fixture();
      await modelWithVersions('whodunit', 1);
      const event = await registry.setAlias('whodunit', 'champion', 1);
      expect(event?.actor).toBe(defaultActor());
      expect(defaultActor().length).toBeGreaterThan(0);
    });

    it('setting an alias to the version it already points at logs nothing', async () => {
      const { registry } = fixture();
      await modelWithVersions('steady', 1);
      await registry.setAlias('steady', 'champion', 1);
      expect(await registry.setAlias('steady', 'champion', 1)).toBeUndefined();
      expect(await registry.aliasHistory('steady')).toHaveLength(1);
    });

    it.each(['3', '007', 'has space', 'a@b', 'a/b', ''])(
      'rejects the alias name %j',
      async (alias) => {
        const { registry } = fixture();
        await modelWithVersions(`badalias${alias.length}`, 1);
        await expect(registry.setAlias(`badalias${alias.length}`, alias, 1)).rejects.toThrow(
          InvalidParameterError,
        );
      },
    );

    it('explains that a number cannot be an alias', async () => {
      const { registry } = fixture();
      await modelWithVersions('numeric', 1);
      await expect(registry.setAlias('numeric', '3', 1)).rejects.toThrow(/numeric@3/);
    });

    it('an archived version cannot hold an alias', async () => {
      const { registry } = fixture();
      await modelWithVersions('archived', 2);
      await registry.archiveVersion('archived', 1);
      await expect(registry.setAlias('archived', 'champion', 1)).rejects.toThrow(
        StoreConflictError,
      );
      await expect(registry.setAlias('archived', 'champion', 1)).rejects.toThrow(/archived/);
      expect(await registry.aliasHistory('archived')).toHaveLength(0);
    });

    it('names the missing model, version or alias', async () => {
      const { registry } = fixture();
      await modelWithVersions('present', 1);
      await expect(registry.setAlias('ghost', 'champion', 1)).rejects.toThrow(
        /Registered model "ghost"/,
      );
      await expect(registry.setAlias('present', 'champion', 5)).rejects.toThrow(
        /Model version "present\/5"/,
      );
      await expect(registry.getByAlias('present', 'nobody')).rejects.toThrow(
        /Alias "present@nobody"/,
      );
      await expect(registry.deleteAlias('present', 'nobody')).rejects.toThrow(StoreNotFoundError);
      await expect(registry.resolve('ghost@champion')).rejects.toThrow(/Registered model "ghost"/);
      await expect(registry.resolve('present/versions/4')).rejects.toThrow(/"present\/4"/);
    });

    it('resolves every reference form to the same version', async () => {
      const { registry } = fixture();
      await modelWithVersions('forms', 2);
      await registry.setAlias('forms', 'champion', 2);
      const refs = [
        'forms@champion',
        'models:/forms@champion',
        'forms/2',
        'forms/versions/2',
        'models:/forms/2',
        'forms@2',
      ];
      for (const ref of refs) expect((await registry.resolve(ref)).version, ref).toBe(2);
    });
  });
});
