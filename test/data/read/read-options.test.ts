import { describe, expect, it } from 'vitest';
import { defaultDelimiter, inferFormat } from '../../../src/data/read/read-options.js';

describe('inferFormat', () => {
  it('maps extensions to formats, ignoring case, .gz and URL query strings', () => {
    expect(inferFormat('a.CSV')).toBe('csv');
    expect(inferFormat('a.tsv.gz')).toBe('csv');
    expect(inferFormat('https://example.org/x.parquet?version=2')).toBe('parquet');
    expect(inferFormat('rows.jsonl')).toBe('ndjson');
    expect(inferFormat('rows.json')).toBe('json');
  });

  it('returns undefined for an unknown extension', () => {
    expect(inferFormat('data.xlsx')).toBeUndefined();
  });
});

describe('defaultDelimiter', () => {
  it('is a tab for .tsv files and a comma otherwise', () => {
    expect(defaultDelimiter('a.tsv')).toBe('\t');
    expect(defaultDelimiter('a.csv')).toBe(',');
  });
});
