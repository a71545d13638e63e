import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Rng } from '../../src/data/rng.js';
import { InvalidParameterError } from '../../src/errors.js';
import {
  categoricalDistribution,
  contains,
  floatDistribution,
  fromInternal,
  intDistribution,
  internalBounds,
  sameDistribution,
  sampleUniform,
  toInternal,
} from '../../src/tune/distributions.js';

describe('search-space distributions', () => {
  it.each([
    ['an inverted float range', () => floatDistribution('lr', 1, 0)],
    ['a log scale with low ≤ 0', () => floatDistribution('lr', 0, 1, { log: true })],
    ['step together with log', () => floatDistribution('lr', 0.1, 1, { log: true, step: 0.1 })],
    ['a non-positive step', () => floatDistribution('lr', 0, 1, { step: 0 })],
    ['infinite bounds', () => floatDistribution('lr', 0, Infinity)],
    ['fractional int bounds', () => intDistribution('depth', 1.5, 4)],
    ['an inverted int range', () => intDistribution('depth', 5, 4)],
    ['an int log scale from 0', () => intDistribution('depth', 0, 4, { log: true })],
    ['an int step with log', () => intDistribution('depth', 1, 9, { log: true, step: 2 })],
    ['no choices', () => categoricalDistribution('model', [])],
    ['duplicate choices', () => categoricalDistribution('model', ['a', 'a'])],
  ])('reject %s, naming the parameter', (_, make) => {
    expect(make).toThrow(InvalidParameterError);
    expect(make).toThrow(/lr|depth|model/);
  });

  it('tell equal distributions from different ones', () => {
    expect(sameDistribution(floatDistribution('x', 0, 1), floatDistribution('x', 0, 1))).toBe(true);
    expect(sameDistribution(floatDistribution('x', 0, 1), floatDistribution('x', 0, 2))).toBe(
      false,
    );
    expect(sameDistribution(intDistribution('x', 0, 1), floatDistribution('x', 0, 1))).toBe(false);
    expect(
      sameDistribution(
        categoricalDistribution('c', ['a', 'b']),
        categoricalDistribution('c', ['b', 'a']),
      ),
    ).toBe(false);
  });

  it('draw only values the distribution contains, for any range, scale and step', () => {
    const rng = new Rng(5);
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 50 }),
        fc.integer({ min: 0, max: 200 }),
        fc.integer({ min: 1, max: 7 }),
        fc.boolean(),
        (low, span, step, log) => {
          const ints = intDistribution('n', low, low + span, log ? { log } : { step });
          const floats = floatDistribution(
            'x',
            low / 10,
            (low + span) / 10,
            log ? { log } : { step: step / 10 },
          );
          for (let k = 0; k < 20; k++) {
            expect(contains(ints, sampleUniform(ints, rng))).toBe(true);
            expect(contains(floats, sampleUniform(floats, rng))).toBe(true);
          }
        },
      ),
      { numRuns: 100 },
    );
  });

  it('round-trip values through internal coordinates', () => {
    const d = floatDistribution('lr', 1e-4, 1, { log: true });
    expect(fromInternal(d, toInternal(d, 0.01))).toBeCloseTo(0.01, 12);
    const c = categoricalDistribution('m', ['gbdt', null, 3, true]);
    for (const choice of c.choices) expect(fromInternal(c, toInternal(c, choice))).toBe(choice);
    const i = intDistribution('n', 2, 11, { step: 3 });
    expect(fromInternal(i, 12.9)).toBe(11);
    expect(fromInternal(i, 6.4)).toBe(5);
  });

  it('give every grid point of an int range the same share of the internal interval', () => {
    const d = intDistribution('n', 0, 3);
    expect(internalBounds(d)).toEqual([-0.5, 3.5]);
    const rng = new Rng(1);
    const counts = [0, 0, 0, 0];
    for (let k = 0; k < 8000; k++) counts[sampleUniform(d, rng) as number]++;
    for (const count of counts) expect(Math.abs(count - 2000)).toBeLessThan(200);
  });

  it('sample log scales log-uniformly: each decade gets the same share', () => {
    const d = floatDistribution('lr', 1e-4, 1, { log: true });
    const rng = new Rng(2);
    const decades = [0, 0, 0, 0];
    for (let k = 0; k < 8000; k++)
      decades[Math.min(3, Math.floor(Math.log10(sampleUniform(d, rng) as number) + 4))]++;
    for (const count of decades) expect(Math.abs(count - 2000)).toBeLessThan(200);
  });
});
