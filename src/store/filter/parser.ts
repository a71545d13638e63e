import type { ComparisonOperator, FieldRef, FilterNode, FilterValue } from './ast.js';
import type { ParsedField } from './field.js';
import { parseField } from './field.js';
import { TokenCursor } from './token-cursor.js';
import { likeProblem, literalProblem } from './value-rules.js';

/** Deeper nesting of parentheses / NOT is refused rather than risking the call stack. */
const MAX_DEPTH = 64;

const PREDICATE_HINT =
  'an operator (=, !=, <, <=, >, >=, LIKE, ILIKE, NOT LIKE, IN, NOT IN, IS NULL, IS NOT NULL)';

/**
 * Parses a run filter into its tree. Keywords are case-insensitive; NOT binds tighter than
 * AND, which binds tighter than OR. An empty or blank filter is `undefined` (every run).
 * Every malformed input is a FilterParseError whose column points at the offending token.
 *
 * @example
 * parseFilter("metrics.auc > 0.9 and (params.model = 'gbdt' or params.model = 'rf')");
 */
export function parseFilter(input: string): FilterNode | undefined {
  const cursor = new TokenCursor(input);
  if (cursor.peek().kind === 'end') return undefined;
  const node = parseOr(cursor, 0);
  if (cursor.peek().kind === ')')
    cursor.fail(cursor.peek(), "unbalanced ')': expected AND, OR or the end of the filter");
  if (cursor.peek().kind !== 'end')
    cursor.fail(cursor.peek(), 'expected AND, OR or the end of the filter');
  return node;
}

function parseOr(cursor: TokenCursor, depth: number): FilterNode {
  let left = parseAnd(cursor, depth);
  while (cursor.acceptKeyword('or')) left = { type: 'or', left, right: parseAnd(cursor, depth) };
  return left;
}

function parseAnd(cursor: TokenCursor, depth: number): FilterNode {
  let left = parseNot(cursor, depth);
  while (cursor.acceptKeyword('and')) left = { type: 'and', left, right: parseNot(cursor, depth) };
  return left;
}

function parseNot(cursor: TokenCursor, depth: number): FilterNode {
  if (depth > MAX_DEPTH)
    cursor.failWith(cursor.peek(), `filter nested deeper than ${MAX_DEPTH} levels`);
  if (cursor.acceptKeyword('not')) return { type: 'not', operand: parseNot(cursor, depth + 1) };
  if (cursor.peek().kind === '(') {
    const open = cursor.advance();
    const inner = parseOr(cursor, depth + 1);
    if (cursor.peek().kind !== ')')
      cursor.fail(
        cursor.peek(),
        `expected ')' to close the parenthesis at column ${open.column}, or AND / OR`,
      );
    cursor.advance();
    return inner;
  }
  return parsePredicate(cursor, parseField(cursor));
}

function parsePredicate(cursor: TokenCursor, { field }: ParsedField): FilterNode {
  const token = cursor.peek();
  if (token.kind === 'operator') {
    cursor.advance();
    const operator = token.value as ComparisonOperator;
    const valueToken = cursor.peek();
    const value = parseLiteral(cursor, field);
    if (Number.isNaN(value) && operator !== '=' && operator !== '!=')
      cursor.failWith(valueToken, `NaN compares only with = or != (or use IS NAN)`);
    return { type: 'compare', field, operator, value };
  }
  if (cursor.acceptKeyword('is')) {
    const negated = cursor.acceptKeyword('not');
    const what = cursor.peek();
    if (cursor.acceptKeyword('null')) return { type: 'isNull', field, negated };
    if (cursor.atKeyword('nan')) {
      if (field.kind !== 'metric') cursor.failWith(what, 'IS NAN applies to metrics only');
      cursor.advance();
      return { type: 'isNaN', field, negated };
    }
    return cursor.fail(what, `expected NULL${field.kind === 'metric' ? ' or NAN' : ''} after IS`);
  }
  const negated = cursor.acceptKeyword('not');
  const keyword = cursor.peek();
  if (cursor.atKeyword('like') || cursor.atKeyword('ilike')) {
    const problem = likeProblem(field);
    if (problem !== undefined) cursor.failWith(keyword, problem);
    cursor.advance();
    const pattern = cursor.expect('string', "a 'quoted pattern' after LIKE");
    const caseInsensitive = keyword.text.toLowerCase() === 'ilike';
    return { type: 'like', field, pattern: String(pattern.value), caseInsensitive, negated };
  }
  if (cursor.acceptKeyword('in'))
    return { type: 'in', field, values: parseList(cursor, field), negated };
  return cursor.fail(
    keyword,
    negated ? 'expected LIKE, ILIKE or IN after NOT' : `expected ${PREDICATE_HINT}`,
  );
}

function parseList(cursor: TokenCursor, field: FieldRef): FilterValue[] {
  cursor.expect('(', "'(' to open the IN list");
  const values: FilterValue[] = [];
  for (;;) {
    const token = cursor.peek();
    const value = parseLiteral(cursor, field);
    if (values.length > 0 && typeof value !== typeof values[0])
      cursor.failWith(token, 'an IN list holds either numbers or text, not both');
    values.push(value);
    if (cursor.peek().kind !== ',') break;
    cursor.advance();
  }
  if (cursor.peek().kind !== ')') cursor.fail(cursor.peek(), "expected ',' or ')' in the IN list");
  cursor.advance();
  return values;
}

/** A number (NaN, Infinity, -Infinity included) or a 'quoted string' that `field` accepts. */
function parseLiteral(cursor: TokenCursor, field: FieldRef): FilterValue {
  const token = cursor.peek();
  let value: FilterValue;
  if (token.kind === 'string' || token.kind === 'number') value = token.value;
  else if (cursor.atKeyword('nan')) value = NaN;
  else if (cursor.atKeyword('infinity')) value = Infinity;
  else return cursor.fail(token, "expected a value: a number or a 'quoted string'");
  const problem = literalProblem(field, value);
  if (problem !== undefined) cursor.failWith(token, problem);
  cursor.advance();
  return value;
}
