import { describe, expect, it } from 'vitest';
import { StoreConflictError, StoreNotFoundError } from '../../src/errors.js';
import { forEachDialect } from './dialects.js';
import { freshStore } from './test-store.js';

forEachDialect((target) => {
  describe('experiments', () => {
    it('creates an experiment that can be read back by name and by id', async () => {
      const store = await freshStore(target);
      const created = await store.createExperiment('credit', {
        description: 'credit scoring',
        tags: { team: 'risk' },
      });
      const byName = await store.getExperiment('credit');
      const byId = await store.getExperiment(created.experimentId);
      expect(byName).toEqual(created);
      expect(byId).toEqual(created);
      expect(created).toMatchObject({
        name: 'credit',
        description: 'credit scoring',
        lifecycleStage: 'active',
        tags: { team: 'risk' },
      });
    });

    it('refuses a second experiment with the same name', async () => {
      const store = await freshStore(target);
      await store.createExperiment('credit');
      await expect(store.createExperiment('credit')).rejects.toBeInstanceOf(StoreConflictError);
    });

    it('reports an unknown experiment as not found', async () => {
      const store = await freshStore(target);
      await expect(store.getExperiment('nope')).rejects.toBeInstanceOf(StoreNotFoundError);
    });

    it('lists active experiments by name', async () => {
      const store = await freshStore(target);
      await store.createExperiment('b');
      await store.createExperiment('a');
      expect((await store.listExperiments()).map((e) => e.name)).toEqual(['a', 'b']);
    });

    it('sets and overwrites an experiment tag', async () => {
      const store = await freshStore(target);
      await store.createExperiment('credit');
      await store.setExperimentTag('credit', 'owner', 'ann');
      await store.setExperimentTag('credit', 'owner', 'bob');
      expect((await store.getExperiment('credit')).tags).toEqual({ owner: 'bob' });
    });

    it('soft-deletes an experiment out of the default listing and restores it', async () => {
      const store = await freshStore(target);
      await store.createExperiment('credit');
      await store.deleteExperiment('credit');
      expect(await store.listExperiments()).toEqual([]);
      expect((await store.listExperiments('deleted')).map((e) => e.name)).toEqual(['credit']);
      await store.restoreExperiment('credit');
      expect((await store.getExperiment('credit')).lifecycleStage).toBe('active');
    });

    it('refuses to start runs in a deleted experiment', async () => {
      const store = await freshStore(target);
      await store.createExperiment('credit');
      await store.deleteExperiment('credit');
      await expect(store.startRun({ experiment: 'credit' })).rejects.toBeInstanceOf(
        StoreConflictError,
      );
    });

    it('creates the Default experiment on the first run that names none', async () => {
      const store = await freshStore(target);
      const run = await store.startRun();
      const experiment = await store.getExperiment('Default');
      expect(run.experimentId).toBe(experiment.experimentId);
    });

    it('creates a named experiment on the first run in it', async () => {
      const store = await freshStore(target);
      const run = await store.startRun({ experiment: 'fresh' });
      expect((await store.getExperiment('fresh')).experimentId).toBe(run.experimentId);
    });
  });
});
