import { InvalidArgumentError } from 'commander';

/** Parses `a,b,c` into a list, dropping empty entries. */
export function list(value: string): string[] {
  return value
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

/** A parser for whole numbers ≥ `min` (default 1) that names the option when the value is bad. */
export function positiveInteger(option: string, min = 1): (value: string) => number {
  return (value) => {
    const n = Number(value);
    if (!Number.isInteger(n) || n < min)
      throw new InvalidArgumentError(`${option} must be a whole number ≥ ${min}, got "${value}".`);
    return n;
  };
}

const durationUnits: Readonly<Record<string, number>> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 };

/**
 * A parser for durations (`250ms`, `30s`, `5m`, `1.5h`; a bare number is seconds) into
 * milliseconds, naming the option when the value is bad.
 */
export function duration(option: string): (value: string) => number {
  return (value) => {
    const match = /^\s*(\d+(?:\.\d+)?)\s*(ms|s|m|h)?\s*$/.exec(value);
    const ms = match === null ? NaN : Number(match[1]) * durationUnits[match[2] ?? 's'];
    if (!(ms > 0))
      throw new InvalidArgumentError(
        `${option} must be a duration such as 250ms, 30s, 5m or 1h, got "${value}".`,
      );
    return ms;
  };
}
