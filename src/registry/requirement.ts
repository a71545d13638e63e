import { FilterParseError } from '../errors.js';

export type ComparisonOperator = '>=' | '>' | '<=' | '<' | '=' | '!=';

/** A threshold test on one metric of a version, e.g. `metrics.auc >= 0.85`. */
export interface MetricRequirement {
  /** The text it was read from. */
  readonly text: string;
  readonly metric: string;
  readonly operator: ComparisonOperator;
  readonly threshold: number;
}

const OPERATORS: readonly string[] = ['>=', '<=', '!=', '==', '>', '<', '='];
const KEY = /^[A-Za-z0-9_][A-Za-z0-9_.:/-]*/;
const NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?/;

/**
 * Reads `metrics.<key> <op> <number>` with op one of `>= > <= < = == !=`. A mistake is a
 * FilterParseError pointing at its column.
 *
 * @example
 * parseRequirement('metrics.auc >= 0.85'); // { metric: 'auc', operator: '>=', threshold: 0.85, ... }
 */
export function parseRequirement(text: string): MetricRequirement {
  let at = skipSpaces(text, 0);
  const fail = (problem: string): never => {
    throw new FilterParseError(text, at + 1, problem);
  };
  if (!text.startsWith('metrics.', at))
    fail('a requirement starts with metrics.<name>, e.g. "metrics.auc >= 0.85"');
  at += 'metrics.'.length;
  const key = KEY.exec(text.slice(at));
  if (key === null) fail('expected a metric name after "metrics."');
  const metric = (key as RegExpExecArray)[0];
  at = skipSpaces(text, at + metric.length);
  const operator = OPERATORS.find((op) => text.startsWith(op, at));
  if (operator === undefined) fail('expected a comparison: >=, >, <=, <, = or !=');
  at = skipSpaces(text, at + (operator as string).length);
  const number = NUMBER.exec(text.slice(at));
  if (number === null) fail('expected a number');
  at = skipSpaces(text, at + (number as RegExpExecArray)[0].length);
  if (at < text.length) fail('unexpected text after the number');
  return Object.freeze({
    text: text.trim(),
    metric,
    operator: (operator === '==' ? '=' : operator) as ComparisonOperator,
    threshold: Number((number as RegExpExecArray)[0]),
  });
}

/** Whether `value op threshold` holds; NaN never satisfies a requirement. */
export function compare(value: number, operator: ComparisonOperator, threshold: number): boolean {
  switch (operator) {
    case '>=':
      return value >= threshold;
    case '>':
      return value > threshold;
    case '<=':
      return value <= threshold;
    case '<':
      return value < threshold;
    case '=':
      return value === threshold;
    case '!=':
      return !Number.isNaN(value) && value !== threshold;
  }
}

function skipSpaces(text: string, from: number): number {
  let at = from;
  while (at < text.length && /\s/.test(text[at])) at++;
  return at;
}
