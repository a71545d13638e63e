import { InvalidParameterError } from '../../errors.js';
import { parseLocatedYaml } from '../../located-yaml.js';
import type { CategoricalChoice, Distribution, ParamValue } from '../distributions.js';
import {
  categoricalDistribution,
  contains,
  floatDistribution,
  intDistribution,
} from '../distributions.js';

/** One parameter of a declarative space, with the condition under which it exists. */
export interface SpaceParam {
  readonly name: string;
  readonly distribution: Distribution;
  /** Parameter name → the values (any of them) it must have; null: always suggested. */
  readonly when: Readonly<Record<string, readonly ParamValue[]>> | null;
}

/** A validated search space, parameters ordered so every condition's parameter comes first. */
export interface SearchSpace {
  readonly params: readonly SpaceParam[];
}

/** What `suggestFromSpace` needs of a trial (the tuning engine's `Trial`). */
export interface SpaceTrial {
  suggestFloat(
    name: string,
    low: number,
    high: number,
    options?: { log?: boolean; step?: number },
  ): number;
  suggestInt(
    name: string,
    low: number,
    high: number,
    options?: { log?: boolean; step?: number },
  ): number;
  suggestCategorical<T extends CategoricalChoice>(name: string, choices: readonly T[]): T;
}

const KEYS: Readonly<Record<string, readonly string[]>> = {
  float: ['type', 'low', 'high', 'log', 'step', 'when'],
  int: ['type', 'low', 'high', 'log', 'step', 'when'],
  categorical: ['type', 'choices', 'when'],
};

/** Where in the source a problem is, for the message: file, line and column when known. */
type Locate = (path: readonly (string | number)[]) => string;

/**
 * Reads a search space written as YAML or JSON (JSON is YAML), or given as an object:
 *
 * ```yaml
 * learner: { type: categorical, choices: [gbdt, logistic] }
 * learningRate: { type: float, low: 0.01, high: 0.3, log: true, when: { learner: gbdt } }
 * maxDepth: { type: int, low: 2, high: 10, when: { learner: gbdt } }
 * C: { type: float, low: 0.001, high: 100, log: true, when: { learner: [logistic] } }
 * ```
 *
 * Every mistake is an InvalidParameterError naming the parameter and, for text, the file, line
 * and column: unknown types or keys (typos), missing or inverted bounds, log scales from 0,
 * a step with a log scale, empty choices, a `when` on an unknown parameter or on a value its
 * parameter cannot take, and conditions that go in a circle.
 *
 * @example
 * const space = parseSearchSpace(readFileSync('space.yaml', 'utf8'), { source: 'space.yaml' });
 * await study.optimize((trial) => score(suggestFromSpace(trial, space)), { trials: 50 });
 */
export function parseSearchSpace(
  input: string | Readonly<Record<string, unknown>>,
  options: { readonly source?: string } = {},
): SearchSpace {
  const source = options.source ?? 'search space';
  let document: unknown = input;
  let locate: Locate = () => source;
  if (typeof input === 'string') {
    const parsed = parseLocatedYaml(input, source);
    if ('problem' in parsed)
      throw new InvalidParameterError('search space', source, parsed.problem);
    document = parsed.yaml.value;
    locate = parsed.yaml.at;
  }
  if (document === null || typeof document !== 'object' || Array.isArray(document))
    throw new InvalidParameterError(
      'search space',
      source,
      'must be a mapping of parameter name → { type, … }',
    );
  const entries = Object.entries(document as Record<string, unknown>);
  if (entries.length === 0)
    throw new InvalidParameterError('search space', source, 'declares no parameters');
  const params = entries.map(([name, spec]) => readParam(name, spec, locate));
  checkConditions(params, locate);
  return Object.freeze({ params: Object.freeze(dependencyOrder(params, locate)) });
}

function fail(
  locate: Locate,
  path: readonly (string | number)[],
  name: string,
  problem: string,
): never {
  throw new InvalidParameterError('search space', name, `${problem} (${locate(path)})`);
}

function readParam(name: string, spec: unknown, locate: Locate): SpaceParam {
  if (spec === null || typeof spec !== 'object' || Array.isArray(spec))
    fail(locate, [name], name, 'must be a mapping such as { type: float, low: 0, high: 1 }');
  const record = spec as Record<string, unknown>;
  const type = record.type;
  if (typeof type !== 'string' || !(type in KEYS))
    fail(locate, [name], name, `has type ${JSON.stringify(type)}; use float, int or categorical`);
  for (const key of Object.keys(record))
    if (!KEYS[type].includes(key))
      fail(
        locate,
        [name, key],
        name,
        `has an unknown key "${key}" for a ${type} (allowed: ${KEYS[type].join(', ')})`,
      );
  let distribution: Distribution;
  try {
    if (type === 'categorical') {
      if (!Array.isArray(record.choices)) fail(locate, [name], name, 'needs choices: [a, b, …]');
      distribution = categoricalDistribution(name, record.choices as CategoricalChoice[]);
    } else {
      for (const bound of ['low', 'high'])
        if (typeof record[bound] !== 'number')
          fail(locate, [name], name, `needs a numeric ${bound}`);
      const rangeOptions = {
        ...(record.log === undefined ? {} : { log: record.log as boolean }),
        ...(record.step === undefined ? {} : { step: record.step as number }),
      };
      distribution = (type === 'float' ? floatDistribution : intDistribution)(
        name,
        record.low as number,
        record.high as number,
        rangeOptions,
      );
    }
  } catch (error) {
    if (error instanceof InvalidParameterError && !error.message.includes(' line '))
      fail(locate, [name], name, error.message.replace(/^[^:]*: /, ''));
    throw error;
  }
  return { name, distribution, when: readWhen(name, record.when, locate) };
}

function readWhen(
  name: string,
  when: unknown,
  locate: Locate,
): Record<string, readonly ParamValue[]> | null {
  if (when === undefined) return null;
  if (when === null || typeof when !== 'object' || Array.isArray(when))
    fail(
      locate,
      [name, 'when'],
      name,
      'has a "when" that is not a mapping such as { learner: gbdt }',
    );
  return Object.fromEntries(
    Object.entries(when as Record<string, unknown>).map(([other, values]) => [
      other,
      (Array.isArray(values) ? values : [values]) as ParamValue[],
    ]),
  );
}

function checkConditions(params: readonly SpaceParam[], locate: Locate): void {
  const byName = new Map(params.map((p) => [p.name, p]));
  for (const param of params) {
    for (const [other, values] of Object.entries(param.when ?? {})) {
      const target = byName.get(other);
      if (target === undefined)
        fail(
          locate,
          [param.name, 'when', other],
          param.name,
          `depends on "${other}", which the space does not declare`,
        );
      for (const value of values)
        if (!contains(target.distribution, value))
          fail(
            locate,
            [param.name, 'when', other],
            param.name,
            `depends on ${other} = ${JSON.stringify(value)}, a value ${other} cannot take`,
          );
    }
  }
}

/** Parameters ordered so each comes after every parameter its condition reads. */
function dependencyOrder(params: readonly SpaceParam[], locate: Locate): SpaceParam[] {
  const byName = new Map(params.map((p) => [p.name, p]));
  const ordered: SpaceParam[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (param: SpaceParam, chain: string[]) => {
    if (state.get(param.name) === 'done') return;
    if (state.get(param.name) === 'visiting')
      fail(
        locate,
        [param.name, 'when'],
        param.name,
        `has conditions that go in a circle: ${[...chain, param.name].join(' → ')}`,
      );
    state.set(param.name, 'visiting');
    for (const other of Object.keys(param.when ?? {}))
      visit(byName.get(other) as SpaceParam, [...chain, param.name]);
    state.set(param.name, 'done');
    ordered.push(param);
  };
  for (const param of params) visit(param, []);
  return ordered;
}

/**
 * Suggests the space's parameters on a trial, each only when its condition holds, in
 * dependency order — exactly what the equivalent define-by-run code would suggest.
 */
export function suggestFromSpace(
  trial: SpaceTrial,
  space: SearchSpace,
): Record<string, ParamValue> {
  const values: Record<string, ParamValue> = {};
  for (const { name, distribution, when } of space.params) {
    const active = Object.entries(when ?? {}).every(
      ([other, allowed]) => Object.hasOwn(values, other) && allowed.includes(values[other]),
    );
    if (!active) continue;
    if (distribution.kind === 'categorical')
      values[name] = trial.suggestCategorical(name, distribution.choices);
    else {
      const rangeOptions = { log: distribution.log, ...explicitStep(distribution) };
      values[name] =
        distribution.kind === 'int'
          ? trial.suggestInt(name, distribution.low, distribution.high, rangeOptions)
          : trial.suggestFloat(name, distribution.low, distribution.high, rangeOptions);
    }
  }
  return values;
}

/** The space as the plain object `parseSearchSpace` reads back to the same space. */
export function spaceToJSON(space: SearchSpace): Record<string, Record<string, unknown>> {
  return Object.fromEntries(
    space.params.map(({ name, distribution, when }) => {
      const base: Record<string, unknown> =
        distribution.kind === 'categorical'
          ? { type: 'categorical', choices: [...distribution.choices] }
          : {
              type: distribution.kind,
              low: distribution.low,
              high: distribution.high,
              ...(distribution.log ? { log: true } : {}),
              ...explicitStep(distribution),
            };
      return [name, when === null ? base : { ...base, when: { ...when } }];
    }),
  );
}

/** A step worth writing down: none for continuous floats, none for ints' default of 1. */
function explicitStep(distribution: Exclude<Distribution, { kind: 'categorical' }>): {
  step?: number;
} {
  if (distribution.step === null) return {};
  if (distribution.kind === 'int' && distribution.step === 1) return {};
  return { step: distribution.step };
}
