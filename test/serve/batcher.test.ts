import { describe, expect, it } from 'vitest';
import { AdaptiveBatcher, OverloadedError } from '../../src/serve/index.js';

/** Busy-waits so a batch takes measurable time. */
function spin(ms: number): void {
  const end = performance.now() + ms;
  while (performance.now() < end);
}

describe('AdaptiveBatcher', () => {
  it('coalesces requests that arrive together into one batch and answers each its own', async () => {
    const batches: number[][] = [];
    const batcher = new AdaptiveBatcher<number, number>((items) => {
      batches.push([...items]);
      return items.map((x) => x * 10);
    });
    const answers = await Promise.all([1, 2, 3, 4].map((x) => batcher.submit(x, 1)));
    expect(answers).toEqual([10, 20, 30, 40]);
    expect(batches).toEqual([[1, 2, 3, 4]]);
  });

  it('cuts batches at the row limit', async () => {
    const sizes: number[] = [];
    const batcher = new AdaptiveBatcher<number, number>(
      (items) => {
        sizes.push(items.length);
        return items;
      },
      { maxBatchRows: 3, adaptive: false },
    );
    await Promise.all(Array.from({ length: 8 }, (_, i) => batcher.submit(i, 1)));
    expect(sizes).toEqual([3, 3, 2]);
  });

  it('waits up to maxDelayMs for a batch to fill', async () => {
    const sizes: number[] = [];
    const batcher = new AdaptiveBatcher<number, number>(
      (items) => {
        sizes.push(items.length);
        return items;
      },
      { maxDelayMs: 30, adaptive: false },
    );
    const first = batcher.submit(1, 1);
    await new Promise((r) => setTimeout(r, 5));
    const second = batcher.submit(2, 1);
    await Promise.all([first, second]);
    expect(sizes).toEqual([2]);
  });

  it('shrinks the limit multiplicatively when batches miss the objective and grows it when they meet it', async () => {
    let slow = true;
    const batcher = new AdaptiveBatcher<number, number>(
      (items) => {
        if (slow) spin(80);
        return items;
      },
      { maxBatchRows: 64, latencyObjectiveMs: 50 },
    );
    const start = batcher.limit;
    await Promise.all(Array.from({ length: start }, (_, i) => batcher.submit(i, 1)));
    expect(batcher.limit).toBe(Math.floor(start * 0.75));
    slow = false;
    const shrunk = batcher.limit;
    await Promise.all(Array.from({ length: shrunk }, (_, i) => batcher.submit(i, 1)));
    expect(batcher.limit).toBe(shrunk + 4);
  });

  it('keeps the limit when requests waited long but their batches computed fast (a backlog)', async () => {
    const batcher = new AdaptiveBatcher<number, number>((items) => items, {
      maxBatchRows: 64,
      latencyObjectiveMs: 5,
    });
    const start = batcher.limit;
    const answers = Array.from({ length: start * 3 }, (_, i) => batcher.submit(i, 1));
    spin(30); // every queued request now waited 6× the objective before its batch ran
    await Promise.all(answers);
    // Batches of 32 and 36 rows were full and fast (+4 each); the last 28 rows were not full.
    expect(batcher.limit).toBe(start + 8);
  });

  it('sheds requests past the queue limit with OverloadedError (503 + Retry-After)', async () => {
    const batcher = new AdaptiveBatcher<number, number>((items) => items, {
      queueLimitRows: 5,
      adaptive: false,
      maxBatchRows: 100,
    });
    const accepted = Array.from({ length: 5 }, (_, i) => batcher.submit(i, 1));
    const shed = batcher.submit(99, 1);
    await expect(shed).rejects.toBeInstanceOf(OverloadedError);
    await expect(shed).rejects.toMatchObject({ statusCode: 503, retryAfterSeconds: 1 });
    expect(await Promise.all(accepted)).toEqual([0, 1, 2, 3, 4]);
  });

  it('predicts each request alone when turned off, and rejects a failed batch for all its requests', async () => {
    const sizes: number[] = [];
    const off = new AdaptiveBatcher<number, number>(
      (items) => {
        sizes.push(items.length);
        return items;
      },
      { enabled: false },
    );
    await Promise.all([off.submit(1, 1), off.submit(2, 1)]);
    expect(sizes).toEqual([1, 1]);
    const failing = new AdaptiveBatcher<number, number>(() => {
      throw new Error('model broke');
    });
    const results = await Promise.allSettled([failing.submit(1, 1), failing.submit(2, 1)]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected']);
  });
});
