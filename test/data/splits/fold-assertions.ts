import { expect } from 'vitest';
import type { Fold } from '../../../src/data/splits/fold.js';

/** Asserts each fold's train and test are disjoint and together cover 0..rows-1. */
export function expectPartition(fold: Fold, rows: number): void {
  const seen = new Uint8Array(rows);
  for (const i of fold.train) seen[i]++;
  for (const i of fold.test) seen[i]++;
  expect(Array.from(seen).every((s) => s === 1)).toBe(true);
}

/** Asserts the test sets of the folds are disjoint and cover every row exactly once. */
export function expectTestsCoverOnce(folds: readonly Fold[], rows: number): void {
  const seen = new Uint8Array(rows);
  for (const fold of folds) for (const i of fold.test) seen[i]++;
  expect(Array.from(seen).every((s) => s === 1)).toBe(true);
}
