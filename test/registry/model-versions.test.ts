import { describe, expect, it } from 'vitest';
import { InvalidParameterError, StoreConflictError, StoreNotFoundError } from '../../src/errors.js';
import type { InputSignature } from '../../src/features/index.js';
import { forEachDialect } from '../store/dialects.js';
import { useRegistry } from './registry-fixture.js';

const signature: InputSignature = [
  { name: 'Income', kind: 'numeric', nullable: true },
  { name: 'Home', kind: 'categorical', levels: ['own', 'rent'], nullable: false },
];

forEachDialect((target) => {
  describe('model versions', () => {
    const fixture = useRegistry(target);

    it('numbers versions 1, 2, 3 per model', async () => {
      const { registry } = fixture();
      await registry.createModel('numbered');
      await registry.createModel('other');
      const first = await registry.createVersion('numbered', { artifactUri: 'a' });
      await registry.createVersion('other', { artifactUri: 'x' });
      const second = await registry.createVersion('numbered', { artifactUri: 'b' });
      const third = await registry.createVersion('numbered', { artifactUri: 'c' });
      expect([first.version, second.version, third.version]).toEqual([1, 2, 3]);
      expect((await registry.getModel('other')).latestVersion).toBe(1);
    });

    it('keeps run, artifact, signature, metrics, description and tags', async () => {
      const { registry } = fixture();
      const created = await registry.createVersion('full', {
        artifactUri: '/models/full.argmin',
        runId: 'abc123',
        signature,
        metrics: { auc: 0.91, loss: Number.NaN, worst: Number.NEGATIVE_INFINITY },
        description: 'first try',
        tags: { data: 'v1' },
        createModel: true,
      });
      const read = await registry.getVersion('full', 1);
      expect(read).toEqual(created);
      expect(read).toMatchObject({
        runId: 'abc123',
        artifactUri: '/models/full.argmin',
        signature,
        description: 'first try',
        status: 'active',
        tags: { data: 'v1' },
        aliases: [],
      });
      expect(read.metrics.auc).toBe(0.91);
      expect(read.metrics.loss).toBeNaN();
      expect(read.metrics.worst).toBe(Number.NEGATIVE_INFINITY);
    });

    it('creates the model when asked, and only then', async () => {
      const { registry } = fixture();
      await expect(registry.createVersion('absent', { artifactUri: 'a' })).rejects.toThrow(
        /Registered model "absent"/,
      );
      const created = await registry.createVersion('absent', {
        artifactUri: 'a',
        createModel: true,
      });
      expect(created.version).toBe(1);
      expect((await registry.getModel('absent')).latestVersion).toBe(1);
    });

    it('requires an artifact URI', async () => {
      const { registry } = fixture();
      await expect(
        registry.createVersion('noartifact', { artifactUri: ' ', createModel: true }),
      ).rejects.toThrow(InvalidParameterError);
    });

    it('lists versions oldest first, optionally by status', async () => {
      const { registry } = fixture();
      for (const uri of ['a', 'b', 'c'])
        await registry.createVersion('listed', { artifactUri: uri, createModel: true });
      await registry.archiveVersion('listed', 2);
      expect((await registry.listVersions('listed')).map((v) => v.version)).toEqual([1, 2, 3]);
      const active = await registry.listVersions('listed', { status: 'active' });
      expect(active.map((v) => v.version)).toEqual([1, 3]);
      const archived = await registry.listVersions('listed', { status: 'archived' });
      expect(archived.map((v) => v.artifactUri)).toEqual(['b']);
      await expect(registry.listVersions('ghost')).rejects.toThrow(StoreNotFoundError);
    });

    it('archives and restores a version', async () => {
      const { registry } = fixture();
      await registry.createVersion('archivable', { artifactUri: 'a', createModel: true });
      expect((await registry.archiveVersion('archivable', 1)).status).toBe('archived');
      expect((await registry.restoreVersion('archivable', 1)).status).toBe('active');
    });

    it('refuses to archive a version that holds an alias, naming the alias', async () => {
      const { registry } = fixture();
      await registry.createVersion('held', { artifactUri: 'a', createModel: true });
      await registry.setAlias('held', 'champion', 1);
      await expect(registry.archiveVersion('held', 1)).rejects.toThrow(StoreConflictError);
      await expect(registry.archiveVersion('held', 1)).rejects.toThrow(/@champion/);
      expect((await registry.getVersion('held', 1)).status).toBe('active');
    });

    it('names the missing version, or the missing model when that is what is absent', async () => {
      const { registry } = fixture();
      await registry.createModel('sparse');
      await expect(registry.getVersion('sparse', 9)).rejects.toThrow(/Model version "sparse\/9"/);
      await expect(registry.getVersion('ghost', 1)).rejects.toThrow(/Registered model "ghost"/);
    });

    it('deletes a version with its tags and never reuses its number', async () => {
      const { registry, store } = fixture();
      await registry.createVersion('deletable', {
        artifactUri: 'a',
        createModel: true,
        tags: { k: 'v' },
      });
      await registry.createVersion('deletable', { artifactUri: 'b' });
      await registry.deleteVersion('deletable', 2);
      await expect(registry.getVersion('deletable', 2)).rejects.toThrow(StoreNotFoundError);
      await registry.deleteVersion('deletable', 1);
      const tags = await store.db
        .selectFrom('model_version_tags')
        .selectAll()
        .where('name', '=', 'deletable')
        .execute();
      expect(tags).toHaveLength(0);
      expect((await registry.createVersion('deletable', { artifactUri: 'c' })).version).toBe(3);
    });

    it('deleting a version that holds an alias removes the alias and logs it', async () => {
      const { registry } = fixture();
      await registry.createVersion('aliased', { artifactUri: 'a', createModel: true });
      await registry.setAlias('aliased', 'champion', 1, { actor: 'ana' });
      await registry.deleteVersion('aliased', 1, { actor: 'bo' });
      await expect(registry.getByAlias('aliased', 'champion')).rejects.toThrow(
        /Alias "aliased@champion"/,
      );
      const history = await registry.aliasHistory('aliased', 'champion');
      expect(history.map((e) => [e.fromVersion, e.toVersion, e.actor])).toEqual([
        [null, 1, 'ana'],
        [1, null, 'bo'],
      ]);
      expect(history[1].reason).toBe('version 1 deleted');
    });

    it('sets and deletes version tags and updates the description', async () => {
      const { registry } = fixture();
      await registry.createVersion('vtags', { artifactUri: 'a', createModel: true });
      await registry.setVersionTag('vtags', 1, 'stage', 'qa');
      await registry.setVersionTag('vtags', 1, 'stage', 'prod');
      expect((await registry.getVersion('vtags', 1)).tags).toEqual({ stage: 'prod' });
      await registry.deleteVersionTag('vtags', 1, 'stage');
      expect((await registry.getVersion('vtags', 1)).tags).toEqual({});
      await expect(registry.setVersionTag('vtags', 7, 'a', 'b')).rejects.toThrow(
        StoreNotFoundError,
      );
      const updated = await registry.updateVersion('vtags', 1, { description: 'better' });
      expect(updated.description).toBe('better');
    });
  });
});
