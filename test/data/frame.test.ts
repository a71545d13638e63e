import { describe, expect, it } from 'vitest';
import { categoricalFromStrings, numericColumn } from '../../src/data/column.js';
import { Frame } from '../../src/data/frame.js';
import { DataValidationError } from '../../src/errors.js';

const frame = new Frame(
  [
    numericColumn('age', [31, 45, Number.NaN]),
    categoricalFromStrings('home', ['rent', 'own', '']),
    numericColumn('y', [0, 1, 1]),
  ],
  { roles: { y: 'target' }, source: 'people.csv' },
);

describe('Frame', () => {
  it('encodes categories with sorted levels and -1 for missing', () => {
    const home = frame.column('home');
    expect(home.kind).toBe('categorical');
    if (home.kind !== 'categorical') return;
    expect(home.levels).toEqual(['own', 'rent']);
    expect(Array.from(home.codes)).toEqual([1, 0, -1]);
  });

  it('lists only feature-role columns as features', () => {
    expect(frame.featureNames).toEqual(['age', 'home']);
    expect(frame.role('y')).toBe('target');
  });

  it('take copies rows in the given order and keeps roles', () => {
    const t = frame.take([2, 0]);
    expect(t.rows).toBe(2);
    expect(Array.from((t.column('y') as { values: Float64Array }).values)).toEqual([1, 0]);
    expect(t.role('y')).toBe('target');
  });

  it('an unknown column is an error naming the file and the columns there are', () => {
    expect(() => frame.column('income')).toThrow(DataValidationError);
    expect(() => frame.column('income')).toThrow(/people\.csv.*income.*age, home, y/);
  });

  it('duplicate column names are refused', () => {
    expect(
      () => new Frame([numericColumn('a', [1]), numericColumn('a', [2])], { source: 'dup.csv' }),
    ).toThrow(/dup\.csv.*"a".*duplicate/);
  });

  it('columns of different lengths are refused', () => {
    expect(() => new Frame([numericColumn('a', [1]), numericColumn('b', [1, 2])])).toThrow(
      /"b".*2 rows/,
    );
  });

  it('select, drop and withColumn return new frames and leave the original alone', () => {
    expect(frame.select(['home', 'age']).columnNames).toEqual(['home', 'age']);
    expect(frame.drop(['home']).columnNames).toEqual(['age', 'y']);
    expect(frame.withColumn(numericColumn('age', [1, 2, 3])).column('age')).not.toBe(
      frame.column('age'),
    );
    expect(frame.columnNames).toEqual(['age', 'home', 'y']);
  });
});
