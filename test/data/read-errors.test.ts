import { afterAll, describe, expect, it } from 'vitest';
import { DataReadError, DataValidationError, InvalidParameterError } from '../../src/errors.js';
import { readTable } from '../../src/data/read-table.js';
import { csvText, tempFolder } from './temp-files.js';

const folder = tempFolder();
afterAll(() => folder.cleanup());

async function failure(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected the read to fail');
}

describe('readTable errors name the file, the column and the line', () => {
  it('reports a row with too many fields with its line', async () => {
    const file = folder.write('ragged.csv', 'a,b,c\n1,x,2\n3,y,4\n5,z,6,7\n8,w,9\n');
    const error = await failure(readTable(file));
    expect(error).toBeInstanceOf(DataReadError);
    expect(error.message).toContain(file);
    expect(error.message).toContain('line 4');
    expect(error.message).toContain('column "c"');
    expect(error.message).toContain('4 fields but the header has 3');
  });

  it('reports a row with too few fields with its line and the first missing column', async () => {
    const file = folder.write('short.csv', 'a,b,c\n1,x,2\n3,y\n');
    const error = await failure(readTable(file));
    expect(error.message).toContain(file);
    expect(error.message).toContain('line 3');
    expect(error.message).toContain('column "c"');
  });

  it('reports a non-numeric value in a mostly numeric column with line, value and remedies', async () => {
    const file = folder.write(
      'mostly.csv',
      csvText('amount,k', 40, (i) => (i === 29 ? 'abc,q' : `${i},q`)),
    );
    const error = await failure(readTable(file));
    expect(error).toBeInstanceOf(DataReadError);
    expect(error.message).toContain(file);
    expect(error.message).toContain('line 31');
    expect(error.message).toContain('column "amount"');
    expect(error.message).toContain('"abc"');
    expect(error.message).toContain('types: { "amount": \'categorical\' }');
    expect(error.message).toContain('nullValues: ["abc"]');
  });

  it('reports a bad value that appears after the rows the type sniffer samples', async () => {
    const file = folder.write(
      'late.csv',
      csvText('x', 30_000, (i) => (i === 25_000 ? 'n/a' : String(i))),
    );
    const error = await failure(readTable(file));
    expect(error.message).toContain('line 25002');
    expect(error.message).toContain('column "x"');
    expect(error.message).toContain('"n/a"');
  });

  it('accepts the mostly numeric column once the placeholder is declared missing', async () => {
    const file = folder.write(
      'mostly-ok.csv',
      csvText('amount', 40, (i) => (i === 29 ? 'abc' : `${i}`)),
    );
    const frame = await readTable(file, { nullValues: ['abc'] });
    expect(frame.column('amount').kind).toBe('numeric');
  });

  it('reports a value that breaks a numeric types override with its line', async () => {
    const file = folder.write('forced.csv', 'x,y\n1,a\n2,b\nabc,c\n');
    const error = await failure(readTable(file, { types: { x: 'numeric' } }));
    expect(error.message).toContain(file);
    expect(error.message).toContain('line 4');
    expect(error.message).toContain('column "x"');
    expect(error.message).toContain('"abc"');
    expect(error.message).toContain('nullValues');
  });

  it('reports a value that breaks a numeric override in NDJSON with its line', async () => {
    const file = folder.write('forced.ndjson', '{"x":"1"}\n{"x":"2"}\n{"x":"abc"}\n');
    const error = await failure(readTable(file, { types: { x: 'numeric' } }));
    expect(error.message).toContain(file);
    expect(error.message).toContain('line 3');
    expect(error.message).toContain('column "x"');
  });

  it('reports an empty (0-byte) file', async () => {
    const file = folder.write('empty.csv', '');
    const error = await failure(readTable(file));
    expect(error).toBeInstanceOf(DataReadError);
    expect(error.message).toContain(file);
    expect(error.message).toContain('empty');
  });

  it('reports a file with a header but no rows', async () => {
    const file = folder.write('header.csv', 'a,b\n');
    const error = await failure(readTable(file));
    expect(error.message).toContain(file);
    expect(error.message).toContain('no data rows');
  });

  it('reports duplicate column names that DuckDB would silently rename', async () => {
    const file = folder.write('dup.csv', 'a,b,a\n1,2,3\n');
    const error = await failure(readTable(file));
    expect(error.message).toContain(file);
    expect(error.message).toContain('line 1');
    expect(error.message).toContain('column "a"');
    expect(error.message).toContain('duplicate');
  });

  it('reports column names that differ only by case as duplicates', async () => {
    const file = folder.write('case.csv', 'Age,age\n1,2\n');
    const error = await failure(readTable(file));
    expect(error.message).toContain('differ only by case');
  });

  it('reports an empty header name with its position', async () => {
    const file = folder.write('noname.csv', 'a,,c\n1,2,3\n');
    const error = await failure(readTable(file));
    expect(error.message).toContain('line 1');
    expect(error.message).toContain('header field 2 is empty');
  });

  it('reports a missing file with a plain message', async () => {
    const file = folder.path('nope.csv');
    const error = await failure(readTable(file));
    expect(error).toBeInstanceOf(DataReadError);
    expect(error.message).toContain(file);
    expect(error.message).toContain('not found');
  });

  it('reports a missing target column and lists the columns there are', async () => {
    const error = await failure(readTable('examples/data/credit.csv', { target: 'Outcome' }));
    expect(error).toBeInstanceOf(DataValidationError);
    expect(error.message).toContain('examples/data/credit.csv');
    expect(error.message).toContain('column "Outcome"');
    expect(error.message).toContain('Status, Seniority, Home');
  });

  it('wraps malformed JSON in a DataReadError with the line and the DuckDB error as cause', async () => {
    const file = folder.write('bad.ndjson', '{"a":1}\n{"a":2}\n{"a":\n');
    const error = await failure(readTable(file));
    expect(error).toBeInstanceOf(DataReadError);
    expect(error.message).toContain(file);
    expect(error.message).toMatch(/line \d/);
    expect(error.cause).toBeInstanceOf(Error);
    expect(error.stack ?? '').not.toContain('LINE 1:');
  });

  it('asks for the format when the extension says nothing', async () => {
    const error = await failure(readTable(folder.write('data.bin', 'a\n1\n')));
    expect(error.message).toContain("format: 'csv'");
  });

  it('refuses a column that is both target and ignored', async () => {
    const error = await failure(
      readTable('examples/data/credit.csv', { target: 'Status', ignore: ['Status'] }),
    );
    expect(error).toBeInstanceOf(InvalidParameterError);
  });
});
