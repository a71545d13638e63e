/**
 * A bounded least-recently-used cache of answers, keyed by model version + canonical input.
 * Concurrent misses for one key share one computation; a failed computation is not kept.
 *
 * @example
 * const cache = new PredictionCache<Answer>(10_000);
 * const answer = await cache.get(`${version}\u0000${key}`, () => batcher.submit(input, 1));
 */
export class PredictionCache<V> {
  readonly capacity: number;
  hits = 0;
  misses = 0;
  /** Misses that joined a computation already under way. */
  coalesced = 0;
  readonly #entries = new Map<string, V>();
  readonly #inflight = new Map<string, Promise<V>>();

  constructor(capacity: number) {
    if (!Number.isInteger(capacity) || capacity < 0)
      throw new RangeError(`cache capacity must be a non-negative integer, got ${capacity}`);
    this.capacity = capacity;
  }

  get size(): number {
    return this.#entries.size;
  }

  /** hits / (hits + misses); 0 before any lookup. */
  get hitRatio(): number {
    const lookups = this.hits + this.misses;
    return lookups === 0 ? 0 : this.hits / lookups;
  }

  /** The cached value, or `compute()`'s (shared with concurrent callers for the same key). */
  get(key: string, compute: () => Promise<V>): { value: Promise<V>; hit: boolean } {
    const cached = this.#entries.get(key);
    if (cached !== undefined) {
      this.hits++;
      this.#entries.delete(key);
      this.#entries.set(key, cached);
      return { value: Promise.resolve(cached), hit: true };
    }
    this.misses++;
    const running = this.#inflight.get(key);
    if (running !== undefined) {
      this.coalesced++;
      return { value: running, hit: false };
    }
    const value = compute().then(
      (v) => {
        this.#inflight.delete(key);
        this.#put(key, v);
        return v;
      },
      (error: unknown) => {
        this.#inflight.delete(key);
        throw error;
      },
    );
    this.#inflight.set(key, value);
    return { value, hit: false };
  }

  /** Forgets every entry whose key starts with `prefix` (a version being unloaded). */
  evictPrefix(prefix: string): void {
    for (const key of this.#entries.keys()) if (key.startsWith(prefix)) this.#entries.delete(key);
  }

  #put(key: string, value: V): void {
    if (this.capacity === 0) return;
    this.#entries.set(key, value);
    if (this.#entries.size > this.capacity) {
      const oldest = this.#entries.keys().next().value as string;
      this.#entries.delete(oldest);
    }
  }
}
