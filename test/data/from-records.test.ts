import { describe, expect, it } from 'vitest';
import { DataValidationError, SchemaMismatchError } from '../../src/errors.js';
import type { CategoricalColumn, NumericColumn } from '../../src/data/column.js';
import {
  encodeColumns,
  encodeRecords,
  frameFromColumns,
  frameFromRecords,
} from '../../src/data/from-records.js';
import { schemaOf } from '../../src/data/schema.js';

describe('frameFromRecords without a schema', () => {
  it('infers numeric, boolean, datetime and categorical columns', () => {
    const frame = frameFromRecords([
      { n: 1, b: true, d: new Date(Date.UTC(2020, 0, 1)), c: 'x' },
      { n: 2.5, b: false, d: new Date(Date.UTC(2021, 0, 1)), c: 'a' },
    ]);
    expect(frame.columns.map((c) => c.kind)).toEqual([
      'numeric',
      'boolean',
      'datetime',
      'categorical',
    ]);
    expect((frame.column('c') as CategoricalColumn).levels).toEqual(['a', 'x']);
    expect((frame.column('d') as NumericColumn).values[1]).toBe(Date.UTC(2021, 0, 1));
  });

  it('reads null, undefined and absent keys as missing', () => {
    const frame = frameFromRecords([{ n: 1, c: 'x' }, { n: null }, { c: undefined }]);
    expect(Array.from((frame.column('n') as NumericColumn).values)).toEqual([
      1,
      Number.NaN,
      Number.NaN,
    ]);
    expect(Array.from((frame.column('c') as CategoricalColumn).codes)).toEqual([0, -1, -1]);
  });
});

describe('frameFromRecords with a training schema', () => {
  const training = frameFromRecords([
    { age: 30, home: 'rent' },
    { age: 40, home: 'own' },
  ]);
  const schema = schemaOf(training);

  it('encodes categories with the training codes even when a batch lacks some levels', () => {
    const frame = frameFromRecords([{ age: 50, home: 'rent' }], schema);
    const home = frame.column('home') as CategoricalColumn;
    expect(home.levels).toEqual(['own', 'rent']);
    expect(home.codes[0]).toBe(1);
  });

  it('parses numeric strings for numeric columns', () => {
    const frame = frameFromRecords([{ age: '41.5', home: 'own' }], schema);
    expect((frame.column('age') as NumericColumn).values[0]).toBe(41.5);
  });

  it('rejects an unknown category with a schema mismatch naming record, column and value', () => {
    expect(() => frameFromRecords([{ age: 1, home: 'castle' }], schema)).toThrow(
      SchemaMismatchError,
    );
    expect(() => frameFromRecords([{ age: 1, home: 'castle' }], schema)).toThrow(
      /record 0, column "home": unknown category "castle"/,
    );
  });

  it('returns unknown categories as missing with their occurrences from encodeRecords', () => {
    const { frame, unknownLevels } = encodeRecords(
      [
        { age: 1, home: 'own' },
        { age: 2, home: 'castle' },
      ],
      schema,
    );
    expect(Array.from((frame.column('home') as CategoricalColumn).codes)).toEqual([0, -1]);
    expect(unknownLevels).toEqual([{ row: 1, column: 'home', value: 'castle' }]);
  });

  it('reports a column the schema needs but the records lack', () => {
    expect(() => frameFromRecords([{ age: 1 }], schema)).toThrow(/missing column "home"/);
  });

  it('reports a value that is not a number in a numeric column', () => {
    expect(() => frameFromRecords([{ age: 'old', home: 'own' }], schema)).toThrow(
      DataValidationError,
    );
  });
});

describe('frameFromColumns', () => {
  it('builds a frame from column names and rows of values', () => {
    const frame = frameFromColumns({
      columns: ['a', 'b'],
      data: [
        [1, 'x'],
        [2, 'y'],
      ],
    });
    expect(Array.from((frame.column('a') as NumericColumn).values)).toEqual([1, 2]);
    expect((frame.column('b') as CategoricalColumn).levels).toEqual(['x', 'y']);
  });

  it('orders columns as the schema does and encodes with its levels', () => {
    const schema = [
      { name: 'b', kind: 'categorical' as const, levels: ['y', 'x'] },
      { name: 'a', kind: 'numeric' as const },
    ];
    const { frame } = encodeColumns({ columns: ['a', 'b'], data: [[1, 'x']] }, schema);
    expect(frame.columnNames).toEqual(['b', 'a']);
    expect((frame.column('b') as CategoricalColumn).codes[0]).toBe(1);
  });

  it('reports a row whose length differs from the column count', () => {
    expect(() => frameFromColumns({ columns: ['a', 'b'], data: [[1]] })).toThrow(
      /row 0 has 1 values but there are 2 columns/,
    );
  });
});
