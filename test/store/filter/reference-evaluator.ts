/**
 * The filter language evaluated in plain JavaScript over FixtureRun objects: the specification
 * the SQL compiler is checked against. Written from the documented semantics, independently of
 * the compiler: a missing value never matches a comparison; NaN compares as in IEEE except that
 * `= NaN` / `IN (NaN)` find it; params compare numerically with number literals (non-numeric
 * params then never match); LIKE is case-sensitive, ILIKE folds case.
 */
import type { FieldRef, FilterNode, FilterValue } from '../../../src/store/filter/index.js';
import type { SortTerm } from '../../../src/store/filter/index.js';
import type { FixtureRun } from './fixture-runs.js';
import { numericParam } from './fixture-runs.js';

type Single = string | number | undefined;

/** Every value of the field on this run (datasets may give several; others zero or one). */
function valuesOf(run: FixtureRun, field: FieldRef, numeric: boolean): Single[] {
  switch (field.kind) {
    case 'metric': {
      const summary = run.metrics[field.key];
      return summary === undefined ? [] : [summary[field.aggregate]];
    }
    case 'param': {
      const text = run.params[field.key];
      if (text === undefined) return [];
      return [numeric ? (numericParam(text) ?? undefined) : text];
    }
    case 'tag':
      return field.key in run.tags ? [run.tags[field.key]] : [];
    case 'attribute': {
      const value = run[field.name];
      return value === null ? [] : [value];
    }
    case 'dataset':
      return run.datasets.map((d) => d[field.name]);
  }
}

function likeRegExp(pattern: string, caseInsensitive: boolean): RegExp {
  let source = '';
  for (const char of pattern) {
    if (char === '%') source += '.*';
    else if (char === '_') source += '.';
    else source += char.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${source}$`, caseInsensitive ? 'is' : 's');
}

function compare(value: string | number, operator: string, literal: FilterValue): boolean {
  if (typeof literal === 'number' && Number.isNaN(literal))
    return operator === '=' ? Number.isNaN(value) : !Number.isNaN(value);
  switch (operator) {
    case '=':
      return value === literal;
    case '!=':
      return value !== literal;
    case '<':
      return value < literal;
    case '<=':
      return value <= literal;
    case '>':
      return value > literal;
    default:
      return value >= literal;
  }
}

const isListed = (value: string | number, literals: readonly FilterValue[]): boolean =>
  literals.some((literal) => compare(value, '=', literal));

export function matches(run: FixtureRun, node: FilterNode): boolean {
  switch (node.type) {
    case 'and':
      return matches(run, node.left) && matches(run, node.right);
    case 'or':
      return matches(run, node.left) || matches(run, node.right);
    case 'not':
      return !matches(run, node.operand);
    case 'isNull':
      return (valuesOf(run, node.field, false).length === 0) !== node.negated;
    case 'isNaN':
      return valuesOf(run, node.field, false).some(
        (v) => Number.isNaN(v as number) !== node.negated,
      );
    case 'compare': {
      const values = valuesOf(run, node.field, typeof node.value === 'number');
      return values.some((v) => v !== undefined && compare(v, node.operator, node.value));
    }
    case 'in': {
      const values = valuesOf(run, node.field, typeof node.values[0] === 'number');
      return values.some((v) => v !== undefined && isListed(v, node.values) !== node.negated);
    }
    case 'like': {
      const pattern = likeRegExp(node.pattern, node.caseInsensitive);
      return valuesOf(run, node.field, false).some(
        (v) => typeof v === 'string' && pattern.test(v) !== node.negated,
      );
    }
  }
}

type SortValue = string | number | null;

/** The sort keys of a run for `terms`, as the store sorts them: NaN and missing are null. */
function sortKeys(
  run: FixtureRun,
  terms: readonly SortTerm[],
): { value: SortValue; desc: boolean }[] {
  const keys: { value: SortValue; desc: boolean }[] = [];
  for (const { field, descending } of terms) {
    if (field.kind === 'param') {
      const text = run.params[field.key];
      keys.push({ value: text === undefined ? null : numericParam(text), desc: descending });
      keys.push({ value: text ?? null, desc: descending });
      continue;
    }
    const [value] = valuesOf(run, field, false);
    const missing = value === undefined || (typeof value === 'number' && Number.isNaN(value));
    keys.push({ value: missing ? null : value, desc: descending });
  }
  return keys;
}

/** Orders runs by `terms` (NULLs last either way), ties by ascending run_id. */
export function sortRuns(runs: readonly FixtureRun[], terms: readonly SortTerm[]): FixtureRun[] {
  const keyed = runs.map((run) => ({ run, keys: sortKeys(run, terms) }));
  keyed.sort((a, b) => {
    for (let i = 0; i < a.keys.length; i++) {
      const x = a.keys[i].value;
      const y = b.keys[i].value;
      if (x === y) continue;
      if (x === null) return 1;
      if (y === null) return -1;
      const order = x < y ? -1 : 1;
      return a.keys[i].desc ? -order : order;
    }
    return a.run.run_id < b.run.run_id ? -1 : 1;
  });
  return keyed.map((entry) => entry.run);
}
