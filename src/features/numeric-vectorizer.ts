import type { ColumnKind } from '../data/column.js';
import type { Frame } from '../data/frame.js';
import type { DenseMatrix } from '../data/matrix.js';
import { denseMatrix } from '../data/matrix.js';
import type { SerializedObject } from '../data/serializable.js';
import { NotFittedError } from '../errors.js';
import { columnsOption, expectColumn, resolveColumns } from './column-selection.js';
import { readEnvelope } from '../data/serialized-reader.js';
import type { Vectorizer } from './vectorizer.js';

export interface NumericVectorizerOptions {
  /** Columns to copy; default every numeric and boolean column. */
  readonly columns?: readonly string[];
}

const TYPE = 'NumericVectorizer';
const KINDS: readonly ColumnKind[] = ['numeric', 'boolean'];

/**
 * Copies numeric and boolean columns, as they are (missing stays NaN), into a dense block.
 *
 * @example
 * const X = new NumericVectorizer().fit(frame).transform(frame); // rows × numeric columns
 */
export class NumericVectorizer implements Vectorizer {
  readonly type = TYPE;
  readonly #params: Readonly<{ columns: readonly string[] | null }>;
  #columns: readonly string[] | undefined;

  constructor(options: NumericVectorizerOptions = {}) {
    this.#params = Object.freeze({ columns: columnsOption(options.columns) });
  }

  get isFitted(): boolean {
    return this.#columns !== undefined;
  }

  getParams(): Readonly<{ columns: readonly string[] | null }> {
    return this.#params;
  }

  get featureNames(): readonly string[] {
    if (this.#columns === undefined) throw new NotFittedError(TYPE);
    return this.#columns;
  }

  fit(frame: Frame): this {
    this.#columns = Object.freeze(resolveColumns(TYPE, frame, this.#params.columns, KINDS));
    return this;
  }

  transform(frame: Frame): DenseMatrix {
    if (this.#columns === undefined) throw new NotFittedError(TYPE);
    const rows = frame.rows;
    const cols = this.#columns.length;
    const data = new Float64Array(rows * cols);
    this.#columns.forEach((name, j) => {
      const values = (expectColumn(TYPE, frame, name, KINDS) as { values: Float64Array }).values;
      for (let i = 0; i < rows; i++) data[i * cols + j] = values[i];
    });
    return denseMatrix(rows, cols, data);
  }

  toJSON(): SerializedObject {
    return {
      type: TYPE,
      params: { ...this.#params },
      state: this.#columns === undefined ? null : { columns: [...this.#columns] },
    };
  }

  static fromJSON(json: SerializedObject): NumericVectorizer {
    const { params, state } = readEnvelope(json, TYPE);
    const vectorizer = new NumericVectorizer({
      columns: params.optionalStrings('columns') ?? undefined,
    });
    if (state !== null) vectorizer.#columns = Object.freeze(state.strings('columns'));
    return vectorizer;
  }
}
