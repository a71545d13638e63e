import { describe, expect, it } from 'vitest';
import { FilterParseError } from '../../../src/errors.js';
import { tokenize } from '../../../src/store/filter/index.js';

const kinds = (input: string) => tokenize(input).map((token) => token.kind);

describe('tokenize', () => {
  it('splits a comparison into words, dots, an operator and a number', () => {
    expect(kinds('metrics.auc >= 0.9')).toEqual(['word', '.', 'word', 'operator', 'number', 'end']);
  });

  it('records the 1-based column of every token', () => {
    expect(tokenize("a = 'x'").map((token) => token.column)).toEqual([1, 3, 5, 8]);
  });

  it('reads numbers with exponents, leading dots and minus signs', () => {
    const values = tokenize('1e-3 -2.5 .5 -.25 3E2 7.').map((token) => token.value);
    expect(values.slice(0, -1)).toEqual([0.001, -2.5, 0.5, -0.25, 300, 7]);
  });

  it('reads -Infinity as one number and leaves NaN and Infinity as words', () => {
    const tokens = tokenize('-Infinity NaN Infinity');
    expect(tokens.map((token) => [token.kind, token.value])).toEqual([
      ['number', -Infinity],
      ['word', 'NaN'],
      ['word', 'Infinity'],
      ['end', ''],
    ]);
  });

  it('unescapes doubled quotes inside strings and quoted keys', () => {
    const [text, backquoted, doubleQuoted] = tokenize('\'it\'\'s\' `a``b` "c""d"');
    expect([text.value, backquoted.value, doubleQuoted.value]).toEqual(["it's", 'a`b', 'c"d']);
    expect([text.kind, backquoted.kind, doubleQuoted.kind]).toEqual([
      'string',
      'quotedKey',
      'quotedKey',
    ]);
  });

  it('normalises <> to !=', () => {
    expect(tokenize('a <> 1')[1].value).toBe('!=');
  });

  it.each([
    ["tags.team = 'open", 13, 'unterminated string'],
    ['metrics.`open > 1', 9, 'unterminated quoted key'],
    ['a = 1; drop', 6, "unexpected character ';'"],
    ['a = 12abc', 7, "unexpected character 'a'"],
    ['a @ 1', 3, "unexpected character '@'"],
  ])('rejects %j at column %d', (input, column, message) => {
    const error = (() => {
      try {
        tokenize(input);
      } catch (caught) {
        return caught;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(FilterParseError);
    expect((error as FilterParseError).column).toBe(column);
    expect((error as FilterParseError).message).toContain(message);
  });
});
