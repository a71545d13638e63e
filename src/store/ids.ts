import { randomBytes } from 'node:crypto';

/** A new store id: 32 random hex digits (128 bits), so ids made by many processes never collide. */
export function newId(): string {
  return randomBytes(16).toString('hex');
}
