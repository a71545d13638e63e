import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FilterParseError } from '../../../src/errors.js';
import { parseFilter } from '../../../src/store/filter/index.js';
import { filterNode, renderFilter } from './filter-arbitrary.js';

const auc = { kind: 'metric', key: 'auc', aggregate: 'last' } as const;
const model = { kind: 'param', key: 'model' } as const;
const team = { kind: 'tag', key: 'team' } as const;

function parseError(input: string): FilterParseError {
  try {
    parseFilter(input);
  } catch (error) {
    if (error instanceof FilterParseError) return error;
    throw error;
  }
  throw new Error(`${input} parsed`);
}

describe('parseFilter', () => {
  it('reads a comparison into a compare node', () => {
    expect(parseFilter('metrics.auc > 0.9')).toEqual({
      type: 'compare',
      field: auc,
      operator: '>',
      value: 0.9,
    });
  });

  it('returns undefined for a blank filter', () => {
    expect(parseFilter('   ')).toBeUndefined();
  });

  it('binds AND tighter than OR', () => {
    const node = parseFilter("params.model = 'a' or params.model = 'b' and tags.team = 'c'");
    expect(node).toMatchObject({ type: 'or', right: { type: 'and' } });
  });

  it('binds NOT tighter than AND', () => {
    const node = parseFilter("not params.model = 'a' and tags.team = 'c'");
    expect(node).toMatchObject({ type: 'and', left: { type: 'not' } });
  });

  it('lets parentheses override precedence', () => {
    const node = parseFilter("(params.model = 'a' or params.model = 'b') and tags.team = 'c'");
    expect(node).toMatchObject({ type: 'and', left: { type: 'or' } });
  });

  it('treats keywords in any case alike', () => {
    expect(parseFilter("params.model NoT iN ('a') AnD tags.team Is NoT nUlL")).toEqual(
      parseFilter("params.model not in ('a') and tags.team is not null"),
    );
  });

  it('reads metric aggregates from a last key part', () => {
    expect(parseFilter('metrics.loss.min < 1')).toMatchObject({
      field: { kind: 'metric', key: 'loss', aggregate: 'min' },
    });
    expect(parseFilter('metrics.val.loss.count > 1')).toMatchObject({
      field: { kind: 'metric', key: 'val.loss', aggregate: 'count' },
    });
  });

  it('keeps a quoted last key part as part of the key', () => {
    expect(parseFilter('metrics.loss.`min` < 1')).toMatchObject({
      field: { kind: 'metric', key: 'loss.min', aggregate: 'last' },
    });
  });

  it('reads quoted keys with dots and spaces', () => {
    expect(parseFilter('metrics.`val loss` < 1')).toMatchObject({ field: { key: 'val loss' } });
    expect(parseFilter('tags."owner.email" = \'x\'')).toMatchObject({
      field: { key: 'owner.email' },
    });
  });

  it('reads short attribute names and the attributes prefix alike', () => {
    expect(parseFilter("status = 'FINISHED'")).toEqual(
      parseFilter("attributes.status = 'FINISHED'"),
    );
    expect(parseFilter("run.name = 'x'")).toEqual(parseFilter("name = 'x'"));
  });

  it('reads IN lists, LIKE, ILIKE, NOT LIKE, IS NULL and IS NAN', () => {
    expect(parseFilter("tags.team IN ('a', 'b')")).toEqual({
      type: 'in',
      field: team,
      values: ['a', 'b'],
      negated: false,
    });
    expect(parseFilter("params.model not ilike 'g%'")).toEqual({
      type: 'like',
      field: model,
      pattern: 'g%',
      caseInsensitive: true,
      negated: true,
    });
    expect(parseFilter('params.model is null')).toEqual({
      type: 'isNull',
      field: model,
      negated: false,
    });
    expect(parseFilter('metrics.auc is not nan')).toEqual({
      type: 'isNaN',
      field: auc,
      negated: true,
    });
  });

  it('reads NaN and ±Infinity as numbers for metrics', () => {
    expect(parseFilter('metrics.auc = NaN')).toMatchObject({ value: NaN });
    expect(parseFilter('metrics.auc < -Infinity or metrics.auc > infinity')).toMatchObject({
      left: { value: -Infinity },
      right: { value: Infinity },
    });
  });

  it('parses rendered random filters back to the tree they came from', () => {
    fc.assert(
      fc.property(filterNode, (node) => {
        expect(parseFilter(renderFilter(node))).toEqual(node);
      }),
      { numRuns: 300, seed: 7 },
    );
  });

  it.each([
    ['metrics.auc >', 14, 'expected a value'],
    ['metrics.auc > 0.9 and', 22, 'expected a field'],
    ['(metrics.auc > 1', 17, "expected ')'"],
    ['metrics.auc > 1)', 16, "unbalanced ')'"],
    ['metrics.auc > 1 metrics.auc < 2', 17, 'expected AND, OR or the end'],
    ['foo.bar = 1', 1, "unknown prefix 'foo'"],
    ['bar = 1', 1, "unknown field 'bar'"],
    ['metrics. auc > 1', 10, 'expected a metric key'],
    ['metrics.`` > 1', 9, 'empty metric key'],
    ['attributes.colour = 1', 12, "unknown attribute 'colour'"],
    ["metrics.auc = 'high'", 15, 'compares with numbers'],
    ['tags.team = 5', 13, "quote the value: '5'"],
    ["start_time LIKE '1%'", 12, 'LIKE and ILIKE match text'],
    ['metrics.auc < NaN', 15, 'NaN compares only with = or !='],
    ['params.lr = NaN', 13, 'NaN applies to metrics only'],
    ['params.lr IS NAN', 14, 'IS NAN applies to metrics only'],
    ["params.lr IN (1, 'a')", 18, 'either numbers or text'],
    ['params.lr IN ()', 15, 'expected a value'],
    ["params.lr IN ('a' 'b')", 19, "expected ',' or ')'"],
    ["params.model NOT = 'a'", 18, 'expected LIKE, ILIKE or IN after NOT'],
    ['params.model IS 5', 17, 'expected NULL after IS'],
    ['params.model LIKE 5', 19, "expected a 'quoted pattern'"],
    ["dataset.size = 'x'", 9, "unknown dataset field 'size'"],
    [`${'('.repeat(100)}status = 'x'${')'.repeat(100)}`, 66, 'nested deeper'],
  ])('rejects %j at column %d saying %j', (input, column, message) => {
    const error = parseError(input);
    expect(error.column).toBe(column);
    expect(error.message).toContain(message);
    expect(error.input).toBe(input);
  });

  it('throws only FilterParseError on arbitrary text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 60 }), (input) => {
        try {
          parseFilter(input);
        } catch (error) {
          expect(error).toBeInstanceOf(FilterParseError);
        }
      }),
      { numRuns: 2000, seed: 3 },
    );
  });

  it('throws only FilterParseError on arbitrary sequences of filter words', () => {
    const piece = fc.constantFrom(
      'metrics.auc',
      'params.lr',
      'tags.`a b`',
      'status',
      'and',
      'or',
      'not',
      '(',
      ')',
      '=',
      '<>',
      'like',
      'in',
      'is',
      'null',
      'nan',
      "'x'",
      '1e3',
      '-Infinity',
      ',',
      '.',
      'metrics.',
      '`',
      "'",
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }), (pieces) => {
        try {
          parseFilter(pieces.join(' '));
        } catch (error) {
          expect(error).toBeInstanceOf(FilterParseError);
        }
      }),
      { numRuns: 2000, seed: 5 },
    );
  });
});
