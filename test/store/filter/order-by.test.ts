import { describe, expect, it } from 'vitest';
import { FilterParseError, InvalidParameterError } from '../../../src/errors.js';
import { parseOrderBy } from '../../../src/store/filter/index.js';
import { decodePageToken, encodePageToken } from '../../../src/store/filter/page-token.js';

describe('parseOrderBy', () => {
  it('sorts ascending unless DESC is given', () => {
    expect(parseOrderBy('params.lr')).toEqual({
      field: { kind: 'param', key: 'lr' },
      descending: false,
    });
    expect(parseOrderBy('metrics.auc.max desc')).toEqual({
      field: { kind: 'metric', key: 'auc', aggregate: 'max' },
      descending: true,
    });
    expect(parseOrderBy('start_time ASC').descending).toBe(false);
  });

  it.each([
    ['metrics.auc DESC LIMIT 1', 18],
    ['dataset.name', 1],
    ['nonsense', 1],
    ['metrics.auc;', 12],
  ])('rejects %j at column %d', (clause, column) => {
    expect(() => parseOrderBy(clause)).toThrow(FilterParseError);
    try {
      parseOrderBy(clause);
    } catch (error) {
      expect((error as FilterParseError).column).toBe(column);
    }
  });
});

describe('page tokens', () => {
  const cursor = { values: [Infinity, null, 'a', -Infinity, 0.5], runId: 'r1' };
  const types = ['number', 'number', 'text', 'number', 'number'] as const;

  it('round-trip sort values, ±Infinity and NULL included', () => {
    expect(decodePageToken(encodePageToken('key', cursor), 'key', types)).toEqual(cursor);
  });

  it('are base64url text', () => {
    expect(encodePageToken('key', cursor)).toMatch(/^[A-Za-z0-9_-]+$/);
  });

  it('refuse a token made for another query', () => {
    expect(() => decodePageToken(encodePageToken('key', cursor), 'other', types)).toThrow(
      InvalidParameterError,
    );
  });

  it('refuse a value of the wrong type for its sort column', () => {
    const token = encodePageToken('key', { values: ['a'], runId: 'r1' });
    expect(() => decodePageToken(token, 'key', ['number'])).toThrow(InvalidParameterError);
  });

  it('refuse a token with the wrong number of sort values', () => {
    const token = encodePageToken('key', { values: [1, 2], runId: 'r1' });
    expect(() => decodePageToken(token, 'key', ['number'])).toThrow(InvalidParameterError);
  });
});
