import type { MetricBatch } from './metric-buffer.js';

/** One batch's contribution to a key's latest_metrics row (same rules as the table). */
export interface MetricAggregate {
  readonly key: string;
  lastValue: number;
  lastStep: number;
  lastTimestamp: number;
  firstValue: number;
  firstStep: number;
  firstTimestamp: number;
  /** NaN while every value seen was NaN. */
  min: number;
  max: number;
  count: number;
}

/**
 * Folds a batch into one aggregate per key. `last` is the point with the highest step, then the
 * latest timestamp, then the one logged later; `first` the lowest step, then the earliest
 * timestamp, then the one logged earlier — the upsert in metric-sql.ts merges with the stored
 * row by the same rules, so the result does not depend on how points were split into batches.
 */
export function aggregateBatch(batch: MetricBatch): MetricAggregate[] {
  const byKey = new Map<string, MetricAggregate>();
  const { keys, steps, timestamps, values } = batch;
  for (let i = 0; i < batch.length; i++) {
    const key = keys[i];
    const step = steps[i];
    const timestamp = timestamps[i];
    const value = values[i];
    const seen = byKey.get(key);
    if (seen === undefined) {
      byKey.set(key, {
        key,
        lastValue: value,
        lastStep: step,
        lastTimestamp: timestamp,
        firstValue: value,
        firstStep: step,
        firstTimestamp: timestamp,
        min: value,
        max: value,
        count: 1,
      });
      continue;
    }
    if (step > seen.lastStep || (step === seen.lastStep && timestamp >= seen.lastTimestamp)) {
      seen.lastValue = value;
      seen.lastStep = step;
      seen.lastTimestamp = timestamp;
    }
    if (step < seen.firstStep || (step === seen.firstStep && timestamp < seen.firstTimestamp)) {
      seen.firstValue = value;
      seen.firstStep = step;
      seen.firstTimestamp = timestamp;
    }
    // NaN comparisons are false, so a NaN value never becomes min/max once a number was seen,
    // and the first number replaces a NaN start.
    if (value < seen.min || Number.isNaN(seen.min)) seen.min = value;
    if (value > seen.max || Number.isNaN(seen.max)) seen.max = value;
    seen.count++;
  }
  return [...byKey.values()];
}
