/** Metric points waiting to be written, as parallel columns. */
export interface MetricBatch {
  readonly length: number;
  readonly keys: readonly string[];
  readonly steps: Float64Array;
  /** Milliseconds since the epoch. */
  readonly timestamps: Float64Array;
  /** NaN and ±Infinity kept as is (NaN becomes NULL only when written); -0 reads back as 0. */
  readonly values: Float64Array;
}

const initialCapacity = 1024;

/**
 * An append-only column buffer for metric points: pushing one point writes three typed-array
 * slots and one array slot (the key string is shared, not copied), so `logMetric` allocates
 * nothing except when the buffer doubles.
 */
export class MetricBuffer {
  #keys: string[] = [];
  #steps = new Float64Array(initialCapacity);
  #timestamps = new Float64Array(initialCapacity);
  #values = new Float64Array(initialCapacity);
  #length = 0;

  get length(): number {
    return this.#length;
  }

  push(key: string, step: number, timestamp: number, value: number): void {
    const index = this.#length;
    if (index === this.#steps.length) this.#grow();
    this.#keys[index] = key;
    this.#steps[index] = step;
    this.#timestamps[index] = timestamp;
    this.#values[index] = value;
    this.#length = index + 1;
  }

  /** Hands over every buffered point and starts empty. */
  take(): MetricBatch {
    const batch: MetricBatch = {
      length: this.#length,
      keys: this.#keys,
      steps: this.#steps,
      timestamps: this.#timestamps,
      values: this.#values,
    };
    this.#keys = [];
    this.#steps = new Float64Array(initialCapacity);
    this.#timestamps = new Float64Array(initialCapacity);
    this.#values = new Float64Array(initialCapacity);
    this.#length = 0;
    return batch;
  }

  #grow(): void {
    const capacity = this.#steps.length * 2;
    const steps = new Float64Array(capacity);
    steps.set(this.#steps);
    const timestamps = new Float64Array(capacity);
    timestamps.set(this.#timestamps);
    const values = new Float64Array(capacity);
    values.set(this.#values);
    this.#steps = steps;
    this.#timestamps = timestamps;
    this.#values = values;
  }
}
