import { describe, expect, it } from 'vitest';
import { createTrafficPolicy, hashUnit } from '../../src/serve/index.js';

const count = (decide: () => string, n: number) => {
  const counts = new Map<string, number>();
  for (let i = 0; i < n; i++) {
    const slot = decide();
    counts.set(slot, (counts.get(slot) ?? 0) + 1);
  }
  return counts;
};

describe('traffic policies', () => {
  it('canary sends about its percentage to the candidate', () => {
    const policy = createTrafficPolicy('m@a', { type: 'canary', candidate: 'm@b', percent: 10 }, 1);
    const counts = count(() => policy.route(undefined).slot, 20_000);
    expect((counts.get('m@b') ?? 0) / 20_000).toBeGreaterThan(0.09);
    expect((counts.get('m@b') ?? 0) / 20_000).toBeLessThan(0.11);
  });

  it('shadow answers with the primary and mirrors to the candidate', () => {
    const policy = createTrafficPolicy('m@a', { type: 'shadow', candidate: 'm@b' });
    expect(policy.route(undefined)).toEqual({ slot: 'm@a', shadow: 'm@b' });
  });

  it('A/B is sticky per key and splits keys by weight', () => {
    const policy = createTrafficPolicy('m@a', {
      type: 'ab',
      variants: [
        { model: 'm@a', weight: 3 },
        { model: 'm@b', weight: 1 },
      ],
    });
    for (let user = 0; user < 50; user++) {
      const first = policy.route(`user-${user}`).slot;
      for (let again = 0; again < 5; again++) expect(policy.route(`user-${user}`).slot).toBe(first);
    }
    let user = 0;
    const counts = count(() => policy.route(`user-${user++}`).slot, 20_000);
    expect((counts.get('m@b') ?? 0) / 20_000).toBeGreaterThan(0.23);
    expect((counts.get('m@b') ?? 0) / 20_000).toBeLessThan(0.27);
  });

  it('hashUnit spreads keys evenly over [0, 1)', () => {
    const buckets = new Array<number>(10).fill(0);
    for (let i = 0; i < 10_000; i++) buckets[Math.floor(hashUnit(`k${i}`) * 10)]++;
    for (const b of buckets) expect(Math.abs(b - 1000)).toBeLessThan(150);
  });

  for (const algorithm of ['thompson', 'exp3'] as const) {
    it(`a ${algorithm} bandit moves traffic to the arm with the higher reward`, () => {
      const policy = createTrafficPolicy(
        'm@a',
        { type: 'bandit', arms: ['m@a', 'm@b'], algorithm },
        7,
      );
      const rate: Record<string, number> = { 'm@a': 0.2, 'm@b': 0.8 };
      let u = 0;
      const bernoulli = (p: number) => ((u = (u * 9301 + 49297) % 233280) / 233280 < p ? 1 : 0);
      let late = 0;
      for (let i = 0; i < 3000; i++) {
        const d = policy.route(undefined);
        policy.reward?.(d.arm as number, bernoulli(rate[d.slot]));
        if (i >= 2000 && d.slot === 'm@b') late++;
      }
      expect(late / 1000).toBeGreaterThan(0.75);
      expect(policy.state?.()).toHaveLength(2);
    });
  }

  it('rejects malformed policies with what is wrong', () => {
    expect(() =>
      createTrafficPolicy('a', { type: 'canary', candidate: 'b', percent: 150 }),
    ).toThrow(/percent/);
    expect(() =>
      createTrafficPolicy('a', { type: 'ab', variants: [{ model: 'a', weight: 1 }] }),
    ).toThrow(/two or more/);
    expect(() => createTrafficPolicy('a', { type: 'bandit', arms: ['a'] })).toThrow(/arms/);
    expect(() => createTrafficPolicy('a', { type: 'split' } as never)).toThrow(
      /single, shadow, canary, ab or bandit/,
    );
  });
});
