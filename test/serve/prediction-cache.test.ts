import { describe, expect, it } from 'vitest';
import { PredictionCache } from '../../src/serve/index.js';

describe('PredictionCache', () => {
  it('answers a repeated key from the cache and counts hits and misses', async () => {
    const cache = new PredictionCache<number>(10);
    let computed = 0;
    const compute = () => Promise.resolve(++computed);
    expect(await cache.get('a', compute).value).toBe(1);
    const again = cache.get('a', compute);
    expect(again.hit).toBe(true);
    expect(await again.value).toBe(1);
    expect(computed).toBe(1);
    expect([cache.hits, cache.misses, cache.hitRatio]).toEqual([1, 1, 0.5]);
  });

  it('computes concurrent misses for one key once', async () => {
    const cache = new PredictionCache<string>(10);
    let computed = 0;
    let release!: (v: string) => void;
    const compute = () => {
      computed++;
      return new Promise<string>((resolve) => (release = resolve));
    };
    const a = cache.get('k', compute).value;
    const b = cache.get('k', compute).value;
    release('answer');
    expect(await Promise.all([a, b])).toEqual(['answer', 'answer']);
    expect(computed).toBe(1);
    expect(cache.coalesced).toBe(1);
  });

  it('evicts the least recently used entry past its capacity', async () => {
    const cache = new PredictionCache<string>(2);
    await cache.get('a', () => Promise.resolve('A')).value;
    await cache.get('b', () => Promise.resolve('B')).value;
    await cache.get('a', () => Promise.resolve('never')).value;
    await cache.get('c', () => Promise.resolve('C')).value;
    expect(cache.size).toBe(2);
    expect(await cache.get('a', () => Promise.resolve('recomputed')).value).toBe('A');
    expect(await cache.get('b', () => Promise.resolve('recomputed')).value).toBe('recomputed');
  });

  it('keeps no failed computation and keys versions apart', async () => {
    const cache = new PredictionCache<string>(10);
    await expect(cache.get('v1\0x', () => Promise.reject(new Error('boom'))).value).rejects.toThrow(
      'boom',
    );
    expect(await cache.get('v1\0x', () => Promise.resolve('ok')).value).toBe('ok');
    expect(await cache.get('v2\0x', () => Promise.resolve('other version')).value).toBe(
      'other version',
    );
    cache.evictPrefix('v1\0');
    expect(cache.size).toBe(1);
  });
});
