import type { FieldRef, FilterValue } from './ast.js';
import { RUN_ATTRIBUTES } from './ast.js';
import { describeField } from './field.js';

/** Which literals a field compares with. */
export type ValueKind = 'number' | 'text' | 'either';

export function valueKind(field: FieldRef): ValueKind {
  switch (field.kind) {
    case 'metric':
      return 'number';
    case 'param':
      return 'either';
    case 'attribute':
      return RUN_ATTRIBUTES[field.name].type === 'integer' ? 'number' : 'text';
    default:
      return 'text';
  }
}

/** Why `value` cannot be compared with `field`, or undefined when it can. */
export function literalProblem(field: FieldRef, value: FilterValue): string | undefined {
  const kind = valueKind(field);
  const name = describeField(field);
  if (typeof value === 'string') {
    if (kind === 'number') return `${name} compares with numbers, not text`;
    return undefined;
  }
  if (kind === 'text') return `${name} compares with 'quoted text'; quote the value: '${value}'`;
  if (Number.isNaN(value) && field.kind !== 'metric')
    return `NaN applies to metrics only; ${name} is never NaN`;
  return undefined;
}

/** Why LIKE/ILIKE cannot apply to `field`, or undefined when it can. */
export function likeProblem(field: FieldRef): string | undefined {
  if (valueKind(field) === 'number')
    return `LIKE and ILIKE match text; ${describeField(field)} is a number`;
  return undefined;
}
