import type { ColumnKind } from '../data/column.js';
import type { Frame } from '../data/frame.js';
import type { Matrix } from '../data/matrix.js';
import { denseMatrix } from '../data/matrix.js';
import type { Serializable, SerializedObject } from '../data/serializable.js';
import { InvalidParameterError, NotFittedError } from '../errors.js';
import { NumericVectorizer } from './numeric-vectorizer.js';
import { transformerFromJSON, vectorizerFromJSON } from './registry.js';
import {
  nestSerialized,
  readEnvelope,
  SerialReader,
  unnestSerialized,
} from '../data/serialized-reader.js';
import type { OutputFormat } from './sparse-blocks.js';
import { combineBlocks } from './sparse-blocks.js';
import type { Transformer } from './transformer.js';
import type { Vectorizer } from './vectorizer.js';

/** Columns of a group: explicit names, or every column of the given kind(s) in the fitted frame. */
export type ColumnSelector =
  readonly string[] | { readonly kind: ColumnKind | readonly ColumnKind[] };

export interface ColumnGroup {
  /** Unique among the groups; used in messages and, with `prefixNames`, in feature names. */
  readonly name: string;
  readonly columns: ColumnSelector;
  /** Frame → Frame steps applied in order to the group's columns. */
  readonly steps?: readonly Transformer[];
  /** Turns the group's transformed columns into a block; default {@link NumericVectorizer}. */
  readonly vectorizer?: Vectorizer;
  /**
   * The group's output columns are category codes (e.g. after OrdinalEncoder), so learners with
   * native categorical splits treat them as categories rather than quantities. Default false.
   */
  readonly categorical?: boolean;
}

export interface ColumnTransformerOptions {
  readonly groups: readonly ColumnGroup[];
  /** `auto` (default): CSR when the share of non-zeros is below `sparseThreshold`, else dense. */
  readonly output?: OutputFormat;
  /** Default 0.3, as scikit-learn's `sparse_threshold`. */
  readonly sparseThreshold?: number;
  /** Prefix every feature name with `${group}__` (needed when groups produce the same names). */
  readonly prefixNames?: boolean;
}

const TYPE = 'ColumnTransformer';
const KINDS: readonly ColumnKind[] = ['numeric', 'categorical', 'boolean', 'datetime'];
const OUTPUTS: readonly OutputFormat[] = ['auto', 'dense', 'sparse'];

type Group = Required<ColumnGroup>;

interface State {
  /** Per group, the frame columns it was fitted on (empty groups produce nothing). */
  readonly columns: readonly (readonly string[])[];
  readonly featureNames: readonly string[];
  /** Output column indices produced by `categorical` groups. */
  readonly categoricalFeatures: readonly number[];
}

function fail(problem: string): never {
  throw new InvalidParameterError(TYPE, 'groups', problem);
}

function validateGroups(groups: readonly Group[]): void {
  if (!Array.isArray(groups)) fail('must be an array of column groups');
  const names = new Set<string>();
  for (const g of groups) {
    if (typeof g.name !== 'string' || g.name === '' || names.has(g.name))
      fail(`need unique non-empty names; "${String(g.name)}" is empty or repeated`);
    names.add(g.name);
    const selector = g.columns as unknown;
    const byName = Array.isArray(selector) && selector.every((c) => typeof c === 'string');
    const kinds =
      !Array.isArray(selector) && typeof selector === 'object' && selector !== null
        ? [(selector as { kind: unknown }).kind].flat()
        : null;
    if (
      !byName &&
      (kinds === null || kinds.length === 0 || !kinds.every((k) => KINDS.includes(k as ColumnKind)))
    ) {
      fail(`group "${g.name}": columns must be a list of names or { kind: ${KINDS.join(' | ')} }`);
    }
  }
}

function selectGroupColumns(group: Group, frame: Frame): string[] {
  if (Array.isArray(group.columns)) {
    for (const name of group.columns)
      if (!frame.has(name))
        fail(`group "${group.name}" names column "${name}", which is not in the frame`);
    return [...group.columns];
  }
  const kinds = [(group.columns as { kind: ColumnKind | readonly ColumnKind[] }).kind].flat();
  return frame.columns.filter((c) => kinds.includes(c.kind)).map((c) => c.name);
}

/**
 * Applies per-group steps and vectorizers to a Frame and stacks the blocks into one Matrix
 * (scikit-learn's `ColumnTransformer`). Columns in no group are dropped.
 *
 * @example
 * const pre = new ColumnTransformer({ groups: [
 *   { name: 'num', columns: { kind: 'numeric' }, steps: [new SimpleImputer({ strategy: 'median' }), new StandardScaler()] },
 *   { name: 'cat', columns: { kind: 'categorical' }, vectorizer: new OneHotEncoder({ handleUnknown: 'ignore' }) },
 * ] });
 * const X = pre.fit(train).transform(test);
 */
export class ColumnTransformer {
  readonly type = TYPE;
  readonly #groups: readonly Group[];
  readonly #params: Readonly<{
    output: OutputFormat;
    sparseThreshold: number;
    prefixNames: boolean;
  }>;
  #state: State | undefined;

  constructor(options: ColumnTransformerOptions) {
    const groups = options?.groups;
    this.#groups = Array.isArray(groups)
      ? Object.freeze(
          groups.map((g) =>
            Object.freeze({
              name: g.name,
              columns: g.columns,
              steps: Object.freeze([...(g.steps ?? [])]),
              vectorizer: g.vectorizer ?? new NumericVectorizer(),
              categorical: g.categorical ?? false,
            }),
          ),
        )
      : (groups as unknown as readonly Group[]);
    this.#params = Object.freeze({
      output: options?.output ?? 'auto',
      sparseThreshold: options?.sparseThreshold ?? 0.3,
      prefixNames: options?.prefixNames ?? false,
    });
  }

  get isFitted(): boolean {
    return this.#state !== undefined;
  }

  get groups(): readonly Required<ColumnGroup>[] {
    return this.#groups;
  }

  getParams(): Readonly<{ output: OutputFormat; sparseThreshold: number; prefixNames: boolean }> {
    return this.#params;
  }

  get featureNames(): readonly string[] {
    return this.#fitted().featureNames;
  }

  /** Indices of the output columns that hold category codes (from `categorical` groups). */
  get categoricalFeatures(): readonly number[] {
    return this.#fitted().categoricalFeatures;
  }

  /** The frame columns some group reads, each once, in the order the groups name them. */
  get inputColumns(): readonly string[] {
    return [...new Set(this.#fitted().columns.flat())];
  }

  fit(frame: Frame): this {
    const { output, sparseThreshold } = this.#params;
    validateGroups(this.#groups);
    if (!OUTPUTS.includes(output))
      throw new InvalidParameterError(
        TYPE,
        'output',
        `must be one of ${OUTPUTS.join(', ')}, got ${String(output)}`,
      );
    if (!(sparseThreshold >= 0 && sparseThreshold <= 1))
      throw new InvalidParameterError(
        TYPE,
        'sparseThreshold',
        `must be in [0, 1], got ${String(sparseThreshold)}`,
      );
    this.#state = undefined;
    const columns = this.#groups.map((g) => selectGroupColumns(g, frame));
    const featureNames: string[] = [];
    const categoricalFeatures: number[] = [];
    this.#groups.forEach((group, g) => {
      if (columns[g].length === 0) return;
      let part = frame.select(columns[g]);
      for (const step of group.steps) part = step.fit(part).transform(part);
      if (group.vectorizer instanceof NumericVectorizer) {
        const leftover = part.columns.find((c) => c.kind !== 'numeric' && c.kind !== 'boolean');
        if (leftover !== undefined) {
          fail(
            `group "${group.name}" leaves ${leftover.kind} column "${leftover.name}" after its steps; give it a vectorizer (OneHotEncoder) or a step (OrdinalEncoder, DateParts)`,
          );
        }
      }
      const names = group.vectorizer.fit(part).featureNames;
      if (group.categorical) {
        for (let j = 0; j < names.length; j++) categoricalFeatures.push(featureNames.length + j);
      }
      featureNames.push(
        ...(this.#params.prefixNames ? names.map((n) => `${group.name}__${n}`) : names),
      );
    });
    const seen = new Set<string>();
    for (const name of featureNames) {
      if (seen.has(name))
        fail(
          `two groups produce the feature "${name}"; set prefixNames: true or change the groups`,
        );
      seen.add(name);
    }
    this.#state = { columns, featureNames, categoricalFeatures };
    return this;
  }

  transform(frame: Frame): Matrix {
    const state = this.#fitted();
    const blocks: Matrix[] = [];
    this.#groups.forEach((group, g) => {
      if (state.columns[g].length === 0) return;
      let part = frame.select(state.columns[g]);
      for (const step of group.steps) part = step.transform(part);
      blocks.push(group.vectorizer.transform(part));
    });
    if (blocks.length === 0) return denseMatrix(frame.rows, 0);
    return combineBlocks(blocks, this.#params.output, this.#params.sparseThreshold);
  }

  toJSON(): SerializedObject {
    const s = this.#state;
    const groups: Serializable[] = this.#groups.map((g) => ({
      name: g.name,
      columns: Array.isArray(g.columns)
        ? [...g.columns]
        : { kind: [(g.columns as { kind: ColumnKind | readonly ColumnKind[] }).kind].flat() },
      steps: g.steps.map((step) => nestSerialized(step.toJSON())),
      vectorizer: nestSerialized(g.vectorizer.toJSON()),
      categorical: g.categorical,
    }));
    return {
      type: TYPE,
      params: { ...this.#params, groups },
      state:
        s === undefined
          ? null
          : {
              columns: s.columns.map((c) => [...c]),
              featureNames: [...s.featureNames],
              categoricalFeatures: [...s.categoricalFeatures],
            },
    };
  }

  static fromJSON(json: SerializedObject): ColumnTransformer {
    const { params, state } = readEnvelope(json, TYPE);
    const groups = params.array('groups').map((value, g) => {
      const group = new SerialReader(TYPE, value, `groups[${g}]`);
      const selector = group.raw('columns');
      const columns: ColumnSelector = Array.isArray(selector)
        ? group.strings('columns')
        : { kind: group.reader('columns').strings('kind') as ColumnKind[] };
      return {
        name: group.string('name'),
        columns,
        steps: group
          .array('steps')
          .map((step) => transformerFromJSON(unnestSerialized(TYPE, step))),
        vectorizer: vectorizerFromJSON(unnestSerialized(TYPE, group.raw('vectorizer'))),
        categorical: group.has('categorical') ? group.boolean('categorical') : false,
      };
    });
    const transformer = new ColumnTransformer({
      groups,
      output: params.string('output') as OutputFormat,
      sparseThreshold: params.number('sparseThreshold'),
      prefixNames: params.boolean('prefixNames'),
    });
    if (state !== null) {
      transformer.#state = {
        columns: state.stringLists('columns', groups.length),
        featureNames: state.strings('featureNames'),
        categoricalFeatures: state.has('categoricalFeatures')
          ? state.array('categoricalFeatures').map((v) => v as number)
          : [],
      };
    }
    return transformer;
  }

  #fitted(): State {
    if (this.#state === undefined) throw new NotFittedError(TYPE);
    return this.#state;
  }
}
