import { FilterParseError } from '../../errors.js';

export type TokenKind =
  'word' | 'quotedKey' | 'string' | 'number' | 'operator' | '(' | ')' | ',' | '.' | 'end';

export interface Token {
  readonly kind: TokenKind;
  /** The source text of the token (for `end`, the empty string). */
  readonly text: string;
  /** Unquoted content of strings and quoted keys, the parsed value of numbers. */
  readonly value: string | number;
  /** 1-based column of the first character. */
  readonly column: number;
  /** 0-based index just past the last character. */
  readonly end: number;
}

const WORD_START = /[A-Za-z_]/;
const WORD_PART = /[A-Za-z0-9_]/;
const NUMBER = /^-?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?/;
const SIGNED_INFINITY = /^-infinity/i;
const OPERATORS = ['<=', '>=', '!=', '<>', '=', '<', '>'] as const;

/**
 * Splits a filter into tokens. Words (keywords, prefixes, bare keys) are `[A-Za-z_][A-Za-z0-9_]*`;
 * keys with other characters are quoted with backquotes or double quotes; text values with
 * single quotes, a doubled quote standing for itself. Anything else is a FilterParseError at
 * its column.
 *
 * @example
 * tokenize("metrics.auc > 0.9").map((t) => t.kind); // ['word', '.', 'word', 'operator', 'number', 'end']
 */
export function tokenize(input: string): Token[] {
  const tokens: Token[] = [];
  let at = 0;
  const fail = (index: number, problem: string): never => {
    throw new FilterParseError(input, index + 1, problem);
  };
  while (at < input.length) {
    const char = input[at];
    if (/\s/.test(char)) {
      at++;
      continue;
    }
    const start = at;
    const push = (
      kind: TokenKind,
      end: number,
      value: string | number = input.slice(start, end),
    ) => {
      tokens.push({ kind, text: input.slice(start, end), value, column: start + 1, end });
      at = end;
    };
    if (char === "'" || char === '`' || char === '"') {
      const [content, end] = readQuoted(input, start, char, fail);
      push(char === "'" ? 'string' : 'quotedKey', end, content);
      continue;
    }
    if (char === '(' || char === ')' || char === ',') {
      push(char, at + 1);
      continue;
    }
    const rest = input.slice(at);
    const number = NUMBER.exec(rest) ?? SIGNED_INFINITY.exec(rest);
    if (number !== null) {
      const end = at + number[0].length;
      if (end < input.length && WORD_PART.test(input[end]))
        fail(end, `unexpected character '${input[end]}' after the number ${number[0]}`);
      push('number', end, /infinity/i.test(number[0]) ? -Infinity : Number(number[0]));
      continue;
    }
    if (char === '.') {
      push('.', at + 1);
      continue;
    }
    const operator = OPERATORS.find((op) => rest.startsWith(op));
    if (operator !== undefined) {
      push('operator', at + operator.length, operator === '<>' ? '!=' : operator);
      continue;
    }
    if (WORD_START.test(char)) {
      let end = at + 1;
      while (end < input.length && WORD_PART.test(input[end])) end++;
      push('word', end);
      continue;
    }
    fail(at, `unexpected character '${char}'`);
  }
  tokens.push({ kind: 'end', text: '', value: '', column: input.length + 1, end: input.length });
  return tokens;
}

function readQuoted(
  input: string,
  start: number,
  quote: string,
  fail: (index: number, problem: string) => never,
): [string, number] {
  let content = '';
  let at = start + 1;
  for (;;) {
    const close = input.indexOf(quote, at);
    if (close < 0) {
      const what = quote === "'" ? 'string' : 'quoted key';
      return fail(start, `unterminated ${what}: expected a closing ${quote}`);
    }
    content += input.slice(at, close);
    if (input[close + 1] !== quote) return [content, close + 1];
    content += quote;
    at = close + 2;
  }
}
