/**
 * Watches how late the event loop runs a timer. A server whose loop is saturated queues
 * requests in the kernel, where the batcher's queue limit never sees them: each waits behind
 * every other before it is even parsed. With a limit set, predictions are refused at once (503)
 * while the loop is further behind than that, which empties the backlog cheaply instead of
 * predicting answers clients have stopped waiting for.
 */
export class EventLoopGuard {
  readonly limitMs: number;
  /** How far behind the loop was at the last check, ms. */
  lagMs = 0;
  readonly #intervalMs: number;
  #expected: number;
  readonly #timer: NodeJS.Timeout;

  /**
   * @param limitMs refuse while the loop is more than this many ms behind
   * @param intervalMs how often to check (default 50 ms)
   */
  constructor(limitMs: number, intervalMs = 50) {
    this.limitMs = limitMs;
    this.#intervalMs = intervalMs;
    this.#expected = performance.now() + intervalMs;
    this.#timer = setInterval(() => this.#check(), intervalMs);
    this.#timer.unref();
  }

  /** Whether the loop was behind by more than the limit at the last check. */
  get overloaded(): boolean {
    return this.lagMs > this.limitMs;
  }

  #check(): void {
    const now = performance.now();
    this.lagMs = Math.max(0, now - this.#expected);
    this.#expected = now + this.#intervalMs;
  }

  stop(): void {
    clearInterval(this.#timer);
  }
}
