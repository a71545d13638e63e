import { describe, expect, it } from 'vitest';
import { frameFromRecords } from '../../../src/data/index.js';
import { screenColumns } from '../../../src/automl/tune/screen-columns.js';

/** 40 rows: a useful feature, plus whatever columns `extra` adds per row. */
function frameWith(
  extra: (i: number) => Record<string, unknown>,
  target = (i: number) => (i % 3 === 0 ? 'bad' : 'good'),
) {
  const records = Array.from({ length: 40 }, (_, i) => ({
    income: (i * 37) % 101,
    status: target(i),
    ...extra(i),
  }));
  return frameFromRecords(records).withRoles({ status: 'target' });
}

describe('screenColumns', () => {
  it('keeps ordinary features and says nothing about them', () => {
    const { frame, notes } = screenColumns(
      frameWith(() => ({})),
      'status',
      'classification',
    );
    expect(notes).toEqual([]);
    expect(frame.featureNames).toContain('income');
  });

  it('leaves out a constant column and an all-missing one', () => {
    const { frame, notes } = screenColumns(
      frameWith(() => ({ country: 'NZ', blank: null })),
      'status',
      'classification',
    );
    expect(notes.map((n) => [n.column, n.reason])).toEqual([
      ['country', 'constant'],
      ['blank', 'constant'],
    ]);
    expect(frame.featureNames).not.toContain('country');
  });

  it('leaves out unique text ids and row counters, but not unique measurements', () => {
    const { notes } = screenColumns(
      frameWith((i) => ({ customer: `C-${1000 + i}`, row: i + 1, weight: 50 + i * 0.37 })),
      'status',
      'classification',
    );
    expect(notes.map((n) => [n.column, n.reason])).toEqual([
      ['customer', 'id-like'],
      ['row', 'id-like'],
    ]);
  });

  it('leaves out a column that names the class of every row (a leak)', () => {
    const { notes } = screenColumns(
      frameWith((i) => ({ outcome_code: i % 3 === 0 ? 'D' : 'P' })),
      'status',
      'classification',
    );
    expect(notes).toEqual([
      {
        column: 'outcome_code',
        reason: 'target leak',
        detail: 'each of its 2 values goes with one class only',
      },
    ]);
  });

  it('leaves out a numeric near copy of a regression target', () => {
    const records = Array.from({ length: 40 }, (_, i) => ({
      area: (i * 13) % 29,
      price: 1000 + 10 * i,
      price_k: (1000 + 10 * i) / 1000,
    }));
    const frame = frameFromRecords(records).withRoles({ price: 'target' });
    const { notes } = screenColumns(frame, 'price', 'regression');
    expect(notes.map((n) => [n.column, n.reason])).toEqual([['price_k', 'target leak']]);
  });
});
