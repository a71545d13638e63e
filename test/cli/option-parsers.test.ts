import { InvalidArgumentError } from 'commander';
import { describe, expect, it } from 'vitest';
import { duration } from '../../src/cli/option-parsers.js';

describe('duration', () => {
  it.each([
    ['250ms', 250],
    ['30s', 30_000],
    ['5m', 300_000],
    ['1.5h', 5_400_000],
    ['12', 12_000],
  ])('reads %s as %d ms', (text, ms) => {
    expect(duration('--timeout')(text)).toBe(ms);
  });

  it.each(['', '0s', '-5s', '5 minutes', 'abc'])('refuses %j, naming the option', (text) => {
    expect(() => duration('--timeout')(text)).toThrow(InvalidArgumentError);
    expect(() => duration('--timeout')(text)).toThrow(/--timeout must be a duration/);
  });
});
