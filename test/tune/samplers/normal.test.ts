import { describe, expect, it } from 'vitest';
import { Rng } from '../../../src/data/rng.js';
import {
  logNormalMass,
  normalCdf,
  normalQuantile,
  sampleTruncatedNormal,
} from '../../../src/tune/samplers/normal.js';

describe('normal helpers', () => {
  it('invert the CDF with the quantile across the body and the tails', () => {
    for (let z = -8; z <= 5; z += 0.25) expect(normalQuantile(normalCdf(z))).toBeCloseTo(z, 5);
  });

  it('give the mass of an interval far in the upper tail without cancelling to zero', () => {
    const mass = Math.exp(logNormalMass(9, 10));
    expect(mass).toBeGreaterThan(0);
    expect(mass).toBeCloseTo(normalCdf(-9) - normalCdf(-10), 25);
  });

  it('draw truncated values inside the interval, also in a far tail', () => {
    const rng = new Rng(4);
    for (const [low, high] of [
      [-1, 2],
      [6, 7],
      [-9, -8.5],
    ]) {
      for (let i = 0; i < 200; i++) {
        const v = sampleTruncatedNormal(0, 1, low, high, rng);
        expect(v >= low && v <= high).toBe(true);
      }
    }
  });

  it('draw a truncated normal with the right mean', () => {
    const rng = new Rng(5);
    let sum = 0;
    const n = 20_000;
    for (let i = 0; i < n; i++) sum += sampleTruncatedNormal(1, 2, 0, 10, rng);
    // E[X] for N(1, 2²) truncated to [0, 10]: μ + σ (φ(α) − φ(β)) / (Φ(β) − Φ(α)).
    const phi = (z: number): number => Math.exp(-0.5 * z * z) / Math.sqrt(2 * Math.PI);
    const expected = 1 + (2 * (phi(-0.5) - phi(4.5))) / (normalCdf(4.5) - normalCdf(-0.5));
    expect(sum / n).toBeCloseTo(expected, 1);
  });
});
