import { describe, expect, it } from 'vitest';
import { StoreConflictError, StoreNotFoundError } from '../../src/errors.js';
import { MemoryTrialStorage } from '../../src/tune/memory-trial-storage.js';

describe('MemoryTrialStorage', () => {
  it('moves enqueued trials to RUNNING oldest first and stamps their start', async () => {
    const storage = new MemoryTrialStorage();
    await storage.createTrial('WAITING', { tag: 'a' });
    await storage.createTrial('WAITING', { tag: 'b' });
    const claimed = await storage.claimWaiting();
    expect(claimed?.systemAttrs.tag).toBe('a');
    expect(claimed?.state).toBe('RUNNING');
    expect(claimed?.startedAt).not.toBeNull();
    expect((await storage.claimWaiting())?.systemAttrs.tag).toBe('b');
    expect(await storage.claimWaiting()).toBeNull();
  });

  it('hands out frozen snapshots that later changes do not alter', async () => {
    const storage = new MemoryTrialStorage();
    const before = await storage.createTrial('RUNNING');
    storage.setIntermediateValue(0, 1, 0.5);
    expect(before.intermediateValues.size).toBe(0);
    expect(Object.isFrozen(storage.get(0).params)).toBe(true);
    expect(storage.get(0).intermediateValues.get(1)).toBe(0.5);
  });

  it('keeps values only for COMPLETE trials', async () => {
    const storage = new MemoryTrialStorage();
    await storage.createTrial('RUNNING');
    expect((await storage.finish(0, 'PRUNED', [1])).values).toBeNull();
  });

  it('refuses to change the params or state of a finished or waiting trial', async () => {
    const storage = new MemoryTrialStorage();
    await storage.createTrial('RUNNING');
    await storage.finish(0, 'FAIL', null);
    await expect((async () => storage.finish(0, 'COMPLETE', [1]))()).rejects.toThrow(
      StoreConflictError,
    );
    await storage.createTrial('WAITING');
    expect(() => storage.setIntermediateValue(1, 0, 1)).toThrow(StoreConflictError);
  });

  it('refuses unknown trial numbers', async () => {
    expect(() => new MemoryTrialStorage().get(0)).toThrow(StoreNotFoundError);
    expect(() => new MemoryTrialStorage().get(-1.5)).toThrow(StoreNotFoundError);
  });
});
