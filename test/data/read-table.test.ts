import { afterAll, describe, expect, it } from 'vitest';
import { DuckDBInstance } from '@duckdb/node-api';
import { readTable } from '../../src/data/read-table.js';
import type { CategoricalColumn, NumericColumn } from '../../src/data/column.js';
import { csvText, tempFolder } from './temp-files.js';

const folder = tempFolder();
afterAll(() => folder.cleanup());

describe('readTable on the bundled CSVs', () => {
  it('reads credit.csv with numeric and categorical columns and every row', async () => {
    const frame = await readTable('examples/data/credit.csv');
    expect(frame.rows).toBe(4454);
    expect(frame.column('Age').kind).toBe('numeric');
    expect(frame.column('Home').kind).toBe('categorical');
    expect(frame.source).toBe('examples/data/credit.csv');
  });

  it('sorts categorical levels and codes missing categories as -1', async () => {
    const frame = await readTable('examples/data/credit.csv');
    const home = frame.column('Home') as CategoricalColumn;
    expect([...home.levels]).toEqual([...home.levels].sort());
    expect(Array.from(home.codes).some((c) => c === -1)).toBe(true);
  });

  it('reads empty numeric fields as NaN', async () => {
    const frame = await readTable('examples/data/credit.csv');
    const income = frame.column('Income') as NumericColumn;
    expect(Array.from(income.values).filter(Number.isNaN).length).toBeGreaterThan(0);
  });

  it('assigns the target, id and ignore roles', async () => {
    const frame = await readTable('examples/data/credit.csv', {
      target: 'Status',
      id: ['Time'],
      ignore: ['Price'],
    });
    expect(frame.role('Status')).toBe('target');
    expect(frame.role('Time')).toBe('id');
    expect(frame.role('Price')).toBe('ignore');
    expect(frame.featureNames).not.toContain('Status');
  });

  it('reads only the requested columns, in the requested order', async () => {
    const frame = await readTable('examples/data/letters.csv', { columns: ['width', 'lettr'] });
    expect(frame.columnNames).toEqual(['width', 'lettr']);
    expect((frame.column('lettr') as CategoricalColumn).levels).toHaveLength(26);
  });

  it('keeps yes/no text columns categorical rather than guessing booleans', async () => {
    const frame = await readTable('examples/data/telco_churn.csv');
    expect(frame.column('churn').kind).toBe('categorical');
  });
});

describe('readTable options', () => {
  it('overrides a column kind with types', async () => {
    const file = folder.write('codes.csv', 'zip,flag\n1001,yes\n2002,no\n');
    const frame = await readTable(file, { types: { zip: 'categorical', flag: 'boolean' } });
    expect((frame.column('zip') as CategoricalColumn).levels).toEqual(['1001', '2002']);
    expect(Array.from((frame.column('flag') as NumericColumn).values)).toEqual([1, 0]);
  });

  it('reads the extra nullValues as missing', async () => {
    const file = folder.write('nulls.csv', 'x,y\n1,a\nNA,b\n3,?\n');
    const frame = await readTable(file, { nullValues: ['NA', '?'] });
    expect(Array.from((frame.column('x') as NumericColumn).values)).toEqual([1, Number.NaN, 3]);
    expect(Array.from((frame.column('y') as CategoricalColumn).codes)).toEqual([0, 1, -1]);
  });

  it('uses the given delimiter', async () => {
    const file = folder.write('semi.csv', 'a;b\n1;x\n2;y\n');
    const frame = await readTable(file, { delimiter: ';' });
    expect(frame.columnNames).toEqual(['a', 'b']);
  });

  it('reads dates and timestamps as milliseconds since the epoch, UTC', async () => {
    const file = folder.write(
      'dates.csv',
      'day,at\n2020-01-02,2020-01-02 03:04:05\n2021-06-30,2021-06-30 00:00:00\n',
    );
    const frame = await readTable(file);
    expect(frame.column('day').kind).toBe('datetime');
    expect((frame.column('day') as NumericColumn).values[0]).toBe(Date.UTC(2020, 0, 2));
    expect((frame.column('at') as NumericColumn).values[0]).toBe(Date.UTC(2020, 0, 2, 3, 4, 5));
  });

  it('reads a column with no values at all as an empty categorical', async () => {
    const file = folder.write('blank.csv', 'a,b\n1,\n2,\n');
    const frame = await readTable(file, { types: { b: 'categorical' } });
    const b = frame.column('b') as CategoricalColumn;
    expect(b.levels).toEqual([]);
    expect(Array.from(b.codes)).toEqual([-1, -1]);
  });
});

describe('readTable CSV quoting', () => {
  it('keeps delimiters and doubled quotes inside double-quoted fields', async () => {
    const file = folder.write('quoted.csv', 'id,text\n1,"hello, world"\n2,"say ""hi"""\n');
    const text = (await readTable(file)).column('text') as CategoricalColumn;
    expect([...text.levels]).toEqual(['hello, world', 'say "hi"']);
  });

  it('reads a stray quote inside an unquoted field as text, as DuckDB does unhinted', async () => {
    const file = folder.write('inches.csv', 'name,size\nbolt,5"\nnut,3"\n');
    const size = (await readTable(file)).column('size') as CategoricalColumn;
    expect([...size.levels]).toEqual(['3"', '5"']);
  });

  it('reads single-quoted fields the way DuckDB sniffs them', async () => {
    const file = folder.write('single.csv', "id,text\n1,'a, b'\n2,'c'\n");
    const text = (await readTable(file)).column('text') as CategoricalColumn;
    expect([...text.levels]).toEqual(['a, b', 'c']);
  });
});

describe('readTable on JSON and Parquet', () => {
  it('reads NDJSON with numbers, booleans and strings', async () => {
    const file = folder.write(
      'rows.ndjson',
      '{"a":1.5,"b":true,"c":"x"}\n{"a":null,"b":false,"c":"w"}\n',
    );
    const frame = await readTable(file);
    expect(Array.from((frame.column('a') as NumericColumn).values)).toEqual([1.5, Number.NaN]);
    expect(frame.column('b').kind).toBe('boolean');
    expect((frame.column('c') as CategoricalColumn).levels).toEqual(['w', 'x']);
  });

  it('reads a JSON array of records', async () => {
    const file = folder.write('rows.json', '[{"a":1,"c":"x"},{"a":2,"c":"y"},{"a":3,"c":"x"}]');
    const frame = await readTable(file);
    expect(frame.rows).toBe(3);
    expect(Array.from((frame.column('c') as CategoricalColumn).codes)).toEqual([0, 1, 0]);
  });

  it('reads a Parquet file written by DuckDB with the same values', async () => {
    const file = folder.path('small.parquet');
    const instance = await DuckDBInstance.create(':memory:');
    const connection = await instance.connect();
    await connection.run(
      `COPY (SELECT i::INTEGER AS n, i * 0.5 AS x, 'k' || (i % 3) AS k, TIMESTAMPTZ '2020-01-01 00:00:00+00' + to_days(i) AS t FROM range(10) r(i)) TO '${file}' (FORMAT parquet)`,
    );
    connection.closeSync();
    instance.closeSync();
    const frame = await readTable(file);
    expect(Array.from((frame.column('x') as NumericColumn).values)).toEqual(
      Array.from({ length: 10 }, (_, i) => i * 0.5),
    );
    expect((frame.column('k') as CategoricalColumn).levels).toEqual(['k0', 'k1', 'k2']);
    expect((frame.column('t') as NumericColumn).values[1]).toBe(Date.UTC(2020, 0, 2));
  });

  it('reads the 3M-row flights Parquet file with dictionary-encoded airports', async () => {
    const frame = await readTable('node_modules/vega-datasets/data/flights-3m.parquet');
    expect(frame.rows).toBe(3_000_000);
    expect(frame.column('date').kind).toBe('datetime');
    const origin = frame.column('origin') as CategoricalColumn;
    expect(origin.levels.length).toBeGreaterThan(200);
    expect(Math.max(...origin.codes.subarray(0, 100_000))).toBeLessThan(origin.levels.length);
  });
});

it('keeps concurrent reads apart', async () => {
  const a = folder.write('concurrent-a.csv', 'k\nx\ny\n');
  const b = folder.write('concurrent-b.csv', 'k\np\nq\nr\n');
  const [fa, fb] = await Promise.all([readTable(a), readTable(b)]);
  expect((fa.column('k') as CategoricalColumn).levels).toEqual(['x', 'y']);
  expect((fb.column('k') as CategoricalColumn).levels).toEqual(['p', 'q', 'r']);
});

it('trims blanks around header names as DuckDB does', async () => {
  const file = folder.write('blanks.csv', 'a, b ,"c d"\n1,2,3\n');
  expect((await readTable(file)).columnNames).toEqual(['a', 'b', 'c d']);
});

it('reads many rows of a generated CSV, codes stable across chunks', async () => {
  const file = folder.write(
    'many.csv',
    csvText('i,g', 10_000, (i) => `${i},g${i % 7}`),
  );
  const frame = await readTable(file);
  const i = frame.column('i') as NumericColumn;
  const g = frame.column('g') as CategoricalColumn;
  expect(i.values[9_999]).toBe(9_999);
  expect(g.levels[g.codes[9_999]]).toBe(`g${9_999 % 7}`);
});
