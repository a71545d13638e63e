import { describe, expect, it } from 'vitest';
import { InvalidParameterError } from '../../../src/errors.js';
import { timeSeriesSplit } from '../../../src/data/splits/time-series-split.js';

// Rows stored out of time order: time of row i is (i * 7) % 30.
const times = Float64Array.from({ length: 30 }, (_, i) => (i * 7) % 30);

describe('timeSeriesSplit', () => {
  it('trains only on rows earlier than every test row', () => {
    for (const { train, test } of timeSeriesSplit(times, { k: 4 })) {
      const lastTrain = Math.max(...Array.from(train, (i) => times[i]));
      const firstTest = Math.min(...Array.from(test, (i) => times[i]));
      expect(lastTrain).toBeLessThan(firstTest);
    }
  });

  it('grows the training window from fold to fold', () => {
    const sizes = timeSeriesSplit(times, { k: 4 }).map((f) => f.train.length);
    expect(sizes).toEqual([...sizes].sort((a, b) => a - b));
    expect(new Set(sizes).size).toBe(4);
  });

  it('uses test windows of ⌊n / (k + 1)⌋ rows by default', () => {
    expect(timeSeriesSplit(times, { k: 4 }).map((f) => f.test.length)).toEqual([6, 6, 6, 6]);
  });

  it('leaves gap rows out between train and test', () => {
    const [plain] = timeSeriesSplit(times, { k: 4 });
    const [gapped] = timeSeriesSplit(times, { k: 4, gap: 2 });
    expect(plain.train.length - gapped.train.length).toBe(2);
    const lastTrain = Math.max(...Array.from(gapped.train, (i) => times[i]));
    const firstTest = Math.min(...Array.from(gapped.test, (i) => times[i]));
    expect(firstTest - lastTrain).toBe(3);
  });

  it('refuses a split that leaves no training rows and missing times', () => {
    expect(() => timeSeriesSplit(times, { k: 4, testSize: 8 })).toThrow(InvalidParameterError);
    expect(() => timeSeriesSplit([1, Number.NaN, 3, 4], { k: 2 })).toThrow(/missing time at row 1/);
  });
});
