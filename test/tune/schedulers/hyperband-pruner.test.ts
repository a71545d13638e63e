import { describe, expect, it } from 'vitest';
import { InvalidParameterError } from '../../../src/errors.js';
import { crc32 } from '../../../src/tune/schedulers/crc32.js';
import { HyperbandPruner } from '../../../src/tune/schedulers/hyperband-pruner.js';
import { rungKey } from '../../../src/tune/schedulers/successive-halving-pruner.js';
import { createStudy } from '../../../src/tune/study.js';

describe('HyperbandPruner', () => {
  it('has ⌊log_η(max/min)⌋ + 1 brackets', async () => {
    expect(
      new HyperbandPruner({ minResource: 1, maxResource: 81, reductionFactor: 3 }).bracketCount,
    ).toBe(5);
    expect(new HyperbandPruner({ minResource: 1, maxResource: 243 }).bracketCount).toBe(6);
    expect(
      new HyperbandPruner({ minResource: 2, maxResource: 15, reductionFactor: 2 }).bracketCount,
    ).toBe(3);
  });

  it('assigns each trial a bracket that depends only on study name and trial number', async () => {
    const a = new HyperbandPruner({ maxResource: 27 });
    const b = new HyperbandPruner({ maxResource: 27 });
    const brackets = Array.from({ length: 200 }, (_, n) => a.bracketOf('study', n));
    expect(Array.from({ length: 200 }, (_, n) => b.bracketOf('study', n))).toEqual(brackets);
    expect(new Set(brackets)).toEqual(new Set([0, 1, 2, 3]));
  });

  it('assigns brackets differently in differently named studies', async () => {
    const pruner = new HyperbandPruner({ maxResource: 27 });
    const first = Array.from({ length: 50 }, (_, n) => pruner.bracketOf('first', n));
    const second = Array.from({ length: 50 }, (_, n) => pruner.bracketOf('second', n));
    expect(second).not.toEqual(first);
  });

  it('hashes with the standard CRC-32', async () => {
    expect(crc32('123456789')).toBe(0xcbf43926);
  });

  it('makes trials compete only within their bracket', async () => {
    const pruner = new HyperbandPruner({ minResource: 1, maxResource: 9, reductionFactor: 3 });
    const study = createStudy({ name: 'hb', pruner });
    const pruned: boolean[] = [];
    for (let i = 0; i < 40; i++) {
      const trial = await study.ask();
      trial.report(i, 9); // later trials are worse: only a bracket's first trial can lead it
      pruned.push(trial.shouldPrune());
      await study.tell(trial, i);
    }
    for (const id of [0, 1, 2]) {
      const members = study.trials().filter((t) => pruner.bracketOf('hb', t.number) === id);
      expect(members.length).toBeGreaterThan(1);
      expect(pruned[members[0].number]).toBe(false);
      // Bracket s has its first rung at step 3^s, so at step 9 it has 3 − s rungs.
      const rungs = [0, 1, 2].filter((k) => rungKey(k) in members[0].systemAttrs);
      expect(rungs).toHaveLength(3 - id);
      expect(members.slice(1).every((t) => pruned[t.number])).toBe(true);
    }
  });

  it.each([
    [{ maxResource: 0 }],
    [{ minResource: 4, maxResource: 2 }],
    [{ maxResource: 9, reductionFactor: 1 }],
  ])('rejects %o', (options) => {
    expect(() => new HyperbandPruner(options)).toThrow(InvalidParameterError);
  });
});
