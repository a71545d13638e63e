import { InvalidParameterError } from '../../errors.js';

/** A validated 32-bit seed; an absent seed draws one from Math.random (unreproducible by intent). */
export function resolveSeed(owner: string, seed: number | undefined): number {
  if (seed === undefined) return Math.floor(Math.random() * 0x100000000);
  if (!Number.isInteger(seed))
    throw new InvalidParameterError(owner, 'seed', `must be an integer (got ${seed})`);
  return seed >>> 0;
}

/** A validated whole number ≥ `minimum` for an option, or its default. */
export function resolveCount(
  owner: string,
  name: string,
  value: number | undefined,
  fallback: number,
  minimum: number,
): number {
  const resolved = value ?? fallback;
  if (!Number.isInteger(resolved) || resolved < minimum)
    throw new InvalidParameterError(
      owner,
      name,
      `must be a whole number ≥ ${minimum} (got ${resolved})`,
    );
  return resolved;
}
