/**
 * Random well-typed filters over the fixture's keys (fast-check), and their rendering back to
 * filter text, so a property can parse the text, run it on a store and compare with the
 * reference evaluator.
 */
import fc from 'fast-check';
import type { FieldRef, FilterNode, FilterValue } from '../../../src/store/filter/index.js';

const METRIC_NUMBERS = [0.5, 0.9, 0.95, 1, 0, -1, 2, 3, Infinity, -Infinity, NaN];
const PARAM_NUMBERS = [0.1, 0.01, 0.001, 10, -2, 16, 32, 0];
const TIMES = [1_700_000_000_000, 1_700_000_003_000, 1_700_000_100_002, 0, 1.5, Infinity];
const TEXTS = [
  'a',
  'A',
  'b',
  '100%',
  'x_y',
  'alpha',
  'Alpha',
  'beta_1',
  'box-1',
  'Box-1',
  'FINISHED',
  'RUNNING',
  '0.2.0',
  'credit',
  'f00d',
  "o'brien",
  'gbdt',
  'GBDT',
  'rf',
  'auto',
  '0.1',
  'user1@example.com',
  'c0ffee1',
  '',
];
const PATTERNS = [
  '%a%',
  'A%',
  '_eta%',
  '100%',
  'b%',
  '%1',
  'box-_',
  '%',
  '',
  'delta[1]',
  'eps*',
  'g%',
  '%T%',
];

const metricFields: FieldRef[] = ['auc', 'val loss', 'never logged'].flatMap((key) =>
  (['last', 'first', 'min', 'max', 'count'] as const).map((aggregate) => ({
    kind: 'metric' as const,
    key,
    aggregate,
  })),
);
const paramFields: FieldRef[] = ['model', 'lr', 'batch size', 'absent'].map((key) => ({
  kind: 'param' as const,
  key,
}));
const textFields: FieldRef[] = [
  { kind: 'tag', key: 'team' },
  { kind: 'tag', key: 'owner.email' },
  { kind: 'attribute', name: 'status' },
  { kind: 'attribute', name: 'name' },
  { kind: 'attribute', name: 'host' },
  { kind: 'attribute', name: 'argmin_version' },
  { kind: 'attribute', name: 'source_commit' },
  { kind: 'attribute', name: 'parent_run_id' },
  { kind: 'dataset', name: 'name' },
  { kind: 'dataset', name: 'fingerprint' },
];
const timeFields: FieldRef[] = [
  { kind: 'attribute', name: 'start_time' },
  { kind: 'attribute', name: 'end_time' },
];

const operators = fc.constantFrom('=', '!=', '<', '<=', '>', '>=' as const);

function leaves(
  fields: FieldRef[],
  values: readonly FilterValue[],
  textual: boolean,
): fc.Arbitrary<FilterNode> {
  const field = fc.constantFrom(...fields);
  const value = fc.constantFrom(...values);
  const choices: fc.Arbitrary<FilterNode>[] = [
    fc
      .record({ type: fc.constant('compare' as const), field, operator: operators, value })
      .map((node) =>
        Number.isNaN(node.value) ? { ...node, operator: node.operator === '=' ? '=' : '!=' } : node,
      ),
    fc.record({
      type: fc.constant('in' as const),
      field,
      values: fc.uniqueArray(value, { minLength: 1, maxLength: 3, comparator: Object.is }),
      negated: fc.boolean(),
    }),
    fc.record({ type: fc.constant('isNull' as const), field, negated: fc.boolean() }),
  ];
  if (textual)
    choices.push(
      fc.record({
        type: fc.constant('like' as const),
        field,
        pattern: fc.constantFrom(...PATTERNS),
        caseInsensitive: fc.boolean(),
        negated: fc.boolean(),
      }),
    );
  else if (fields === metricFields)
    choices.push(fc.record({ type: fc.constant('isNaN' as const), field, negated: fc.boolean() }));
  return fc.oneof(...choices);
}

const leaf: fc.Arbitrary<FilterNode> = fc.oneof(
  leaves(metricFields, METRIC_NUMBERS, false),
  leaves(paramFields, PARAM_NUMBERS, false),
  leaves(paramFields, TEXTS, true),
  leaves(textFields, TEXTS, true),
  leaves(timeFields, TIMES, false),
);

/** Random filter trees up to a few levels deep. */
export const filterNode: fc.Arbitrary<FilterNode> = fc.letrec<{ node: FilterNode }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    leaf,
    fc.record({
      type: fc.constantFrom('and' as const, 'or' as const),
      left: tie('node'),
      right: tie('node'),
    }),
    fc.record({ type: fc.constant('not' as const), operand: tie('node') }),
  ),
})).node;

const quoteKey = (key: string): string =>
  /^[A-Za-z_][A-Za-z0-9_]*$/.test(key) ? key : `\`${key}\``;

export function renderField(field: FieldRef): string {
  switch (field.kind) {
    case 'metric':
      return `metrics.${quoteKey(field.key)}${field.aggregate === 'last' ? '' : `.${field.aggregate}`}`;
    case 'param':
      return `params.${quoteKey(field.key)}`;
    case 'tag':
      return `tags.${quoteKey(field.key)}`;
    case 'attribute':
      return field.name.includes('_') ? field.name : `attributes.${field.name}`;
    case 'dataset':
      return `dataset.${field.name}`;
  }
}

export function renderValue(value: FilterValue): string {
  if (typeof value === 'string') return `'${value.replaceAll("'", "''")}'`;
  return String(value);
}

/** Filter text for `node`, fully parenthesised so the text parses back to the same tree. */
export function renderFilter(node: FilterNode): string {
  switch (node.type) {
    case 'and':
    case 'or':
      return `(${renderFilter(node.left)} ${node.type.toUpperCase()} ${renderFilter(node.right)})`;
    case 'not':
      return `NOT ${renderFilter(node.operand)}`;
    case 'compare':
      return `${renderField(node.field)} ${node.operator} ${renderValue(node.value)}`;
    case 'in':
      return `${renderField(node.field)} ${node.negated ? 'NOT IN' : 'in'} (${node.values.map(renderValue).join(', ')})`;
    case 'like':
      return `${renderField(node.field)} ${node.negated ? 'not ' : ''}${node.caseInsensitive ? 'ILIKE' : 'like'} ${renderValue(node.pattern)}`;
    case 'isNull':
      return `${renderField(node.field)} IS ${node.negated ? 'NOT ' : ''}NULL`;
    case 'isNaN':
      return `${renderField(node.field)} is ${node.negated ? 'not ' : ''}nan`;
  }
}
