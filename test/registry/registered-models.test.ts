import { describe, expect, it } from 'vitest';
import { InvalidParameterError, StoreConflictError, StoreNotFoundError } from '../../src/errors.js';
import { forEachDialect } from '../store/dialects.js';
import { useRegistry } from './registry-fixture.js';

forEachDialect((target) => {
  describe('registered models', () => {
    const fixture = useRegistry(target);

    it('creates a model with description and tags and reads it back', async () => {
      const { registry } = fixture();
      const created = await registry.createModel('fraud', {
        description: 'card fraud',
        tags: { team: 'risk', tier: '1' },
      });
      expect(created).toMatchObject({
        name: 'fraud',
        description: 'card fraud',
        tags: { team: 'risk', tier: '1' },
        aliases: {},
        latestVersion: null,
      });
      expect(await registry.getModel('fraud')).toEqual(created);
    });

    it('refuses a second model with the same name', async () => {
      const { registry } = fixture();
      await registry.createModel('dup');
      await expect(registry.createModel('dup')).rejects.toThrow(StoreConflictError);
    });

    it.each(['', 'a/b', 'a@b', ' spaced', '-lead', 'x'.repeat(300)])(
      'rejects the model name %j',
      async (name) => {
        const { registry } = fixture();
        await expect(registry.createModel(name)).rejects.toThrow(InvalidParameterError);
      },
    );

    it('names the missing model', async () => {
      const { registry } = fixture();
      await expect(registry.getModel('ghost')).rejects.toThrow(StoreNotFoundError);
      await expect(registry.getModel('ghost')).rejects.toThrow(/Registered model "ghost"/);
    });

    it('updates the description and the updated time', async () => {
      const { registry } = fixture();
      const before = await registry.createModel('described');
      const after = await registry.updateModel('described', { description: 'now described' });
      expect(after.description).toBe('now described');
      expect(after.updatedAt).toBeGreaterThanOrEqual(before.updatedAt);
    });

    it('sets, overwrites and deletes tags', async () => {
      const { registry } = fixture();
      await registry.createModel('tagged', { tags: { a: '1' } });
      await registry.setModelTag('tagged', 'a', '2');
      await registry.setModelTag('tagged', 'b', '3');
      expect((await registry.getModel('tagged')).tags).toEqual({ a: '2', b: '3' });
      await registry.deleteModelTag('tagged', 'a');
      expect((await registry.getModel('tagged')).tags).toEqual({ b: '3' });
      await expect(registry.deleteModelTag('tagged', 'a')).rejects.toThrow(StoreNotFoundError);
      await expect(registry.setModelTag('ghost', 'a', '1')).rejects.toThrow(StoreNotFoundError);
    });

    it('deleting a model removes its versions, tags, aliases and alias history', async () => {
      const { registry, store } = fixture();
      await registry.createModel('doomed', { tags: { a: '1' } });
      await registry.createVersion('doomed', { artifactUri: 'a', tags: { t: 'x' } });
      await registry.setAlias('doomed', 'champion', 1);
      await registry.deleteModel('doomed');
      await expect(registry.getModel('doomed')).rejects.toThrow(StoreNotFoundError);
      for (const table of [
        'registered_model_tags',
        'model_versions',
        'model_version_tags',
        'model_aliases',
        'alias_events',
      ] as const) {
        const rows = await store.db
          .selectFrom(table)
          .selectAll()
          .where('name', '=', 'doomed')
          .execute();
        expect(rows, table).toHaveLength(0);
      }
      await expect(registry.deleteModel('doomed')).rejects.toThrow(StoreNotFoundError);
    });
  });

  describe('listing models', () => {
    const fixture = useRegistry(target);
    const names = Array.from({ length: 25 }, (_, i) => `m${String(i).padStart(2, '0')}`);

    it('pages through every model in name order without repeats', async () => {
      const { registry } = fixture();
      for (const name of [...names].reverse())
        await registry.createModel(name, {
          tags: { parity: Number(name.slice(1)) % 2 ? 'odd' : 'even' },
        });
      const seen: string[] = [];
      let pageToken: string | undefined;
      let pages = 0;
      do {
        const page = await registry.listModels({ maxResults: 10, pageToken });
        seen.push(...page.models.map((m) => m.name));
        pageToken = page.nextPageToken;
        pages++;
      } while (pageToken !== undefined);
      expect(seen).toEqual(names);
      expect(pages).toBe(3);
    });

    it('filters by a case-insensitive name pattern', async () => {
      const { registry } = fixture();
      const page = await registry.listModels({ nameLike: 'M1%' });
      expect(page.models.map((m) => m.name)).toEqual(names.slice(10, 20));
      expect(page.nextPageToken).toBeUndefined();
    });

    it('treats an escaped underscore as a literal character', async () => {
      const { registry } = fixture();
      await registry.createModel('snake_case');
      await registry.createModel('snakeXcase');
      const page = await registry.listModels({ nameLike: 'snake\\_%' });
      expect(page.models.map((m) => m.name)).toEqual(['snake_case']);
    });

    it('filters by tags', async () => {
      const { registry } = fixture();
      const page = await registry.listModels({ nameLike: 'm%', tags: { parity: 'odd' } });
      expect(page.models.map((m) => m.name)).toEqual(names.filter((_, i) => i % 2 === 1));
    });

    it('includes aliases and the latest version of each listed model', async () => {
      const { registry } = fixture();
      await registry.createVersion('m03', { artifactUri: 'a' });
      await registry.createVersion('m03', { artifactUri: 'b' });
      await registry.setAlias('m03', 'champion', 1);
      const [model] = (await registry.listModels({ nameLike: 'm03' })).models;
      expect(model.latestVersion).toBe(2);
      expect(model.aliases).toEqual({ champion: 1 });
    });

    it('rejects a page size outside 1..1000 and a forged page token', async () => {
      const { registry } = fixture();
      await expect(registry.listModels({ maxResults: 0 })).rejects.toThrow(InvalidParameterError);
      await expect(registry.listModels({ pageToken: 'not-a-token' })).rejects.toThrow(
        InvalidParameterError,
      );
    });
  });
});
