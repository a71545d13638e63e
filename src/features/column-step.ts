import type { Column, ColumnKind } from '../data/column.js';
import type { Frame } from '../data/frame.js';
import type { Serializable, SerializedObject } from '../data/serializable.js';
import type { SerialReader } from '../data/serialized-reader.js';
import { checkRestoredOptions, isRecord, readEnvelope } from '../data/serialized-reader.js';
import { NotFittedError } from '../errors.js';
import { expectColumn, resolveColumns } from './column-selection.js';

/** Hyper-parameters of a column step: serializable values, one of them the `columns` option. */
export type StepParams = {
  readonly columns: readonly string[] | null;
  readonly [key: string]: Serializable;
};

/**
 * What every column-wise transformer and vectorizer shares: frozen params, column selection and
 * checking in `fit`, the NotFittedError guard, and the `{type, params, state}` round trip. A
 * subclass supplies `type`, its params check, `learn` (columns → state), `transform` and the
 * state's (de)serialization.
 *
 * @example
 * class Negate extends ColumnStep<{ columns: readonly string[] | null }, readonly string[]> {
 *   readonly type = 'Negate';
 *   constructor() { super({ columns: null }, ['numeric']); }
 *   // checkParams, learn, writeState, readState, transform
 * }
 */
export abstract class ColumnStep<P extends StepParams, S> {
  abstract readonly type: string;
  readonly #params: P;
  readonly #defaultKinds: readonly ColumnKind[];
  readonly #acceptedKinds: readonly ColumnKind[];
  #state: S | undefined;

  /** `defaultKinds`: selected when `columns` is null; `acceptedKinds`: allowed when named. */
  constructor(
    params: P,
    defaultKinds: readonly ColumnKind[],
    acceptedKinds: readonly ColumnKind[] = defaultKinds,
  ) {
    this.#params = Object.freeze(params);
    this.#defaultKinds = defaultKinds;
    this.#acceptedKinds = acceptedKinds;
  }

  /** Throws InvalidParameterError naming the first bad option. */
  protected abstract checkParams(params: P): void;

  /** Learns from the training frame; `columns` are resolved and of accepted kinds. */
  protected abstract learn(frame: Frame, columns: string[], params: P): S;

  protected abstract writeState(state: S): Serializable;

  protected abstract readState(state: SerialReader, params: P): S;

  get isFitted(): boolean {
    return this.#state !== undefined;
  }

  getParams(): Readonly<P> {
    return this.#params;
  }

  fit(frame: Frame): this {
    const params = this.#params;
    this.checkParams(params);
    const columns = resolveColumns(
      this.type,
      frame,
      params.columns,
      this.#defaultKinds,
      this.#acceptedKinds,
    );
    this.#state = this.learn(frame, columns, params);
    return this;
  }

  toJSON(): SerializedObject {
    const params: { [key: string]: Serializable } = {};
    for (const [key, value] of Object.entries(this.#params)) params[key] = shallowCopy(value);
    return {
      type: this.type,
      params,
      state: this.#state === undefined ? null : this.writeState(this.#state),
    };
  }

  /** The learned state; throws NotFittedError before `fit`. */
  protected fitted(): S {
    if (this.#state === undefined) throw new NotFittedError(this.type);
    return this.#state;
  }

  /** The named column of `frame`, checked to be of a kind this step was fitted on. */
  protected column(frame: Frame, name: string): Column {
    return expectColumn(this.type, frame, name, this.#acceptedKinds);
  }

  /** The values of a numeric, boolean or datetime column (kinds stored as Float64Array). */
  protected values(frame: Frame, name: string): Float64Array {
    return (this.column(frame, name) as { values: Float64Array }).values;
  }

  /**
   * The shared half of each subclass's `fromJSON`: checks the envelope, rebuilds the step from
   * its params with `make`, re-checks them (a bad one becomes DeserializationError) and restores
   * the learned state, if any.
   */
  protected static restore<M extends ColumnStep<StepParams, unknown>>(
    json: SerializedObject,
    type: string,
    make: (params: SerialReader) => M,
  ): M {
    const { params, state } = readEnvelope(json, type);
    const step = make(params);
    checkRestoredOptions(type, () => step.checkParams(step.#params));
    if (state !== null) step.#state = step.readState(state, step.#params);
    return step;
  }
}

/**
 * A step that learns nothing but which columns to touch: its state is the column list, stored
 * as `{ columns }`.
 */
export abstract class ColumnListStep<P extends StepParams> extends ColumnStep<
  P,
  readonly string[]
> {
  protected learn(_frame: Frame, columns: string[]): readonly string[] {
    return Object.freeze(columns);
  }

  protected writeState(columns: readonly string[]): Serializable {
    return { columns: [...columns] };
  }

  protected readState(state: SerialReader): readonly string[] {
    return Object.freeze(state.strings('columns'));
  }
}

/** Reads `columns` and, for each key, a Float64Array holding one statistic per column. */
export function readColumnStats<K extends string>(
  state: SerialReader,
  keys: readonly K[],
): { columns: string[] } & Record<K, Float64Array> {
  const columns = state.strings('columns');
  const stats = {} as Record<K, Float64Array>;
  for (const key of keys) stats[key] = state.float64(key, columns.length);
  return { columns, ...stats };
}

function shallowCopy(value: Serializable): Serializable {
  if (Array.isArray(value)) return [...(value as readonly Serializable[])];
  return isRecord(value) ? { ...value } : value;
}
