import { describe, expect, it } from 'vitest';
import { InvalidParameterError } from '../../src/errors.js';
import { Rng } from '../../src/data/rng.js';
import type { MetricPoint, MetricSummary } from '../../src/store/records.js';
import { forEachDialect } from './dialects.js';
import { freshStore } from './test-store.js';

/** The summary latest_metrics must hold, computed directly from the points in logging order. */
function expectedSummary(points: readonly MetricPoint[]): MetricSummary {
  let last = points[0];
  let first = points[0];
  for (const p of points) {
    if (p.step > last.step || (p.step === last.step && p.timestamp >= last.timestamp)) last = p;
    if (p.step < first.step || (p.step === first.step && p.timestamp < first.timestamp)) first = p;
  }
  const numbers = points.map((p) => p.value).filter((v) => !Number.isNaN(v));
  return {
    last: last.value,
    lastStep: last.step,
    lastTimestamp: last.timestamp,
    first: first.value,
    firstStep: first.step,
    firstTimestamp: first.timestamp,
    min: numbers.length === 0 ? NaN : Math.min(...numbers),
    max: numbers.length === 0 ? NaN : Math.max(...numbers),
    count: points.length,
  };
}

forEachDialect((target) => {
  describe('metrics', () => {
    it('returns from logMetric synchronously, with nothing to await', async () => {
      const store = await freshStore(target);
      const run = await store.startRun();
      expect(run.logMetric('loss', 0.5)).toBeUndefined();
      await run.end();
    });

    it('keeps the full history in step order', async () => {
      const store = await freshStore(target);
      const run = await store.startRun();
      for (const step of [3, 0, 2, 1]) run.logMetric('loss', step / 10, { step, timestamp: 1000 });
      await run.end();
      expect(await store.metricHistory(run.id, 'loss')).toEqual([
        { step: 0, timestamp: 1000, value: 0 },
        { step: 1, timestamp: 1000, value: 0.1 },
        { step: 2, timestamp: 1000, value: 0.2 },
        { step: 3, timestamp: 1000, value: 0.3 },
      ]);
    });

    it('numbers steps 0, 1, 2, ... per key when none is given', async () => {
      const store = await freshStore(target);
      const run = await store.startRun();
      run.logMetric('a', 1);
      run.logMetric('b', 1);
      run.logMetric('a', 2);
      await run.end();
      expect((await store.metricHistory(run.id, 'a')).map((p) => p.step)).toEqual([0, 1]);
      expect((await store.metricHistory(run.id, 'b')).map((p) => p.step)).toEqual([0]);
    });

    it('round-trips NaN and ±Infinity through history and summaries', async () => {
      const store = await freshStore(target);
      const run = await store.startRun();
      const values = [NaN, Infinity, -Infinity, 0.1 + 0.2, 5e-324, -1.7976931348623157e308];
      values.forEach((value, step) => run.logMetric('odd', value, { step }));
      run.logMetric('nan', NaN);
      await run.end();
      const history = await store.metricHistory(run.id, 'odd');
      expect(history.map((p) => p.value)).toEqual(values);
      const { metrics } = await store.getRun(run.id);
      expect(metrics.odd).toMatchObject({
        first: NaN,
        last: -1.7976931348623157e308,
        min: -Infinity,
        max: Infinity,
      });
      expect(metrics.nan).toMatchObject({ first: NaN, last: NaN, min: NaN, max: NaN, count: 1 });
    });

    it('maintains last/first/min/max/count under out-of-order steps across many flushes', async () => {
      const store = await freshStore(target);
      const run = await store.startRun();
      const rng = new Rng(7);
      const points: MetricPoint[] = [];
      for (let i = 0; i < 300; i++) {
        const point = {
          step: rng.nextInt(40),
          timestamp: 1_000 + rng.nextInt(5),
          value: rng.next() < 0.1 ? NaN : rng.normal(),
        };
        points.push(point);
        run.logMetric('x', point.value, point);
        if (rng.next() < 0.05) await run.flush();
      }
      await run.end();
      expect((await store.getRun(run.id)).metrics.x).toEqual(expectedSummary(points));
      expect(await store.metricHistory(run.id, 'x')).toHaveLength(points.length);
    });

    it('flushes in the background once the buffer reaches the flush size', async () => {
      const store = await freshStore(target, { flushSize: 10, flushIntervalMs: 60_000 });
      const run = await store.startRun();
      for (let i = 0; i < 10; i++) run.logMetric('m', i);
      await expect
        .poll(async () => (await store.metricHistory(run.id, 'm')).length, { timeout: 5000 })
        .toBe(10);
      await run.end();
    });

    it('flushes in the background once the flush interval has passed', async () => {
      const store = await freshStore(target, { flushSize: 1_000_000, flushIntervalMs: 20 });
      const run = await store.startRun();
      run.logMetric('m', 1);
      await expect
        .poll(async () => (await store.metricHistory(run.id, 'm')).length, { timeout: 5000 })
        .toBe(1);
      await run.end();
    });

    it('writes every buffered point when the store closes', async () => {
      const store = await freshStore(target, { flushIntervalMs: 60_000 });
      const run = await store.startRun();
      for (let i = 0; i < 1234; i++) run.logMetric('m', i);
      const uri = store.uri;
      await store.close();
      const reopened = await freshStoreAt(uri);
      expect(await reopened.metricHistory(run.id, 'm')).toHaveLength(1234);
      await reopened.close();
    });

    it('refuses a non-integer step and a non-numeric value', async () => {
      const store = await freshStore(target);
      const run = await store.startRun();
      expect(() => run.logMetric('m', 1, { step: 0.5 })).toThrow(InvalidParameterError);
      expect(() => run.logMetric('m', '1' as unknown as number)).toThrow(InvalidParameterError);
      expect(() => run.logMetric('', 1)).toThrow(InvalidParameterError);
      await run.end();
    });
  });
});

async function freshStoreAt(uri: string) {
  const { openStore } = await import('../../src/store/store.js');
  return openStore(uri, { handleExit: false });
}
