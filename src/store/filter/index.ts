export type {
  ComparisonOperator,
  FieldRef,
  FilterNode,
  FilterValue,
  MetricAggregate,
  RunAttribute,
} from './ast.js';
export { METRIC_AGGREGATES, RUN_ATTRIBUTES } from './ast.js';
export { compileFilter } from './compile.js';
export { describeField } from './field.js';
export type { Token, TokenKind } from './lexer.js';
export { tokenize } from './lexer.js';
export type { SortTerm } from './order-by.js';
export { parseOrderBy } from './order-by.js';
export { parseFilter } from './parser.js';
export type { RunIdPage, RunQuery } from './search-run-ids.js';
export { DEFAULT_MAX_RESULTS, MAX_RESULTS_LIMIT, searchRunIds } from './search-run-ids.js';
