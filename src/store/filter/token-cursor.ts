import { FilterParseError } from '../../errors.js';
import type { Token, TokenKind } from './lexer.js';
import { tokenize } from './lexer.js';

/** Walks the tokens of one input; every error it raises carries that input and a column. */
export class TokenCursor {
  readonly input: string;
  readonly #tokens: Token[];
  #index = 0;

  constructor(input: string) {
    this.input = input;
    this.#tokens = tokenize(input);
  }

  peek(): Token {
    return this.#tokens[this.#index];
  }

  /** The token after the current one (the `end` token past the last). */
  peekNext(): Token {
    return this.#tokens[Math.min(this.#index + 1, this.#tokens.length - 1)];
  }

  advance(): Token {
    const token = this.peek();
    if (token.kind !== 'end') this.#index++;
    return token;
  }

  /** Whether the current token is the keyword `word` (any case). */
  atKeyword(word: string): boolean {
    return this.peek().kind === 'word' && this.peek().text.toLowerCase() === word;
  }

  /** Consumes the keyword `word` when it is next. */
  acceptKeyword(word: string): boolean {
    if (!this.atKeyword(word)) return false;
    this.advance();
    return true;
  }

  expect(kind: TokenKind, expected: string): Token {
    if (this.peek().kind !== kind) this.fail(this.peek(), `expected ${expected}`);
    return this.advance();
  }

  expectKeyword(word: string, expected: string): Token {
    if (!this.atKeyword(word)) this.fail(this.peek(), `expected ${expected}`);
    return this.advance();
  }

  /** Throws a FilterParseError at `token`, naming what was found there. */
  fail(token: Token, problem: string): never {
    const found = token.kind === 'end' ? 'the end of the input' : `'${token.text}'`;
    throw new FilterParseError(this.input, token.column, `${problem}, found ${found}`);
  }

  /** Throws a FilterParseError at `token` with `problem` as the whole message. */
  failWith(token: Token, problem: string): never {
    throw new FilterParseError(this.input, token.column, problem);
  }
}
