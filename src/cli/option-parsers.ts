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
