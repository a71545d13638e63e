import { describe, expect, it } from 'vitest';
import { parseFirstRecord } from '../../../src/data/read/csv-header.js';

describe('parseFirstRecord', () => {
  it('splits the first line on the delimiter', () => {
    expect(parseFirstRecord('a,b,c\n1,2,3\n', ',', true)).toEqual(['a', 'b', 'c']);
  });

  it('keeps delimiters, doubled quotes and line breaks inside quoted fields', () => {
    expect(parseFirstRecord('"a,1","say ""hi""","two\nlines"\r\n1,2,3', ',', true)).toEqual([
      'a,1',
      'say "hi"',
      'two\nlines',
    ]);
  });

  it('gives up when the first record does not end within an incomplete probe', () => {
    expect(parseFirstRecord('a,b,c', ',', false)).toBeUndefined();
    expect(parseFirstRecord('a,b,c', ',', true)).toEqual(['a', 'b', 'c']);
  });

  it('accepts a multi-character delimiter', () => {
    expect(parseFirstRecord('a||b\n', '||', true)).toEqual(['a', 'b']);
  });
});
