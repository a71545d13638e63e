import type { ColumnKind } from '../data/column.js';
import type { Frame } from '../data/frame.js';
import type { DenseMatrix } from '../data/matrix.js';
import { denseMatrix } from '../data/matrix.js';
import type { SerializedObject } from '../data/serializable.js';
import { columnsOption } from './column-selection.js';
import { ColumnListStep, ColumnStep } from './column-step.js';
import type { Vectorizer } from './vectorizer.js';

export interface NumericVectorizerOptions {
  /** Columns to copy; default every numeric and boolean column. */
  readonly columns?: readonly string[];
}

const TYPE = 'NumericVectorizer';
const KINDS: readonly ColumnKind[] = ['numeric', 'boolean'];

type Params = { columns: readonly string[] | null };

/**
 * Copies numeric and boolean columns, as they are (missing stays NaN), into a dense block.
 *
 * @example
 * const X = new NumericVectorizer().fit(frame).transform(frame); // rows × numeric columns
 */
export class NumericVectorizer extends ColumnListStep<Params> implements Vectorizer {
  readonly type = TYPE;

  constructor(options: NumericVectorizerOptions = {}) {
    super({ columns: columnsOption(options.columns) }, KINDS);
  }

  get featureNames(): readonly string[] {
    return this.fitted();
  }

  /** Nothing to check: the column names are checked against the frame in fit. */
  protected checkParams(): void {}

  transform(frame: Frame): DenseMatrix {
    const columns = this.fitted();
    const rows = frame.rows;
    const cols = columns.length;
    const data = new Float64Array(rows * cols);
    columns.forEach((name, j) => {
      const values = this.values(frame, name);
      for (let i = 0; i < rows; i++) data[i * cols + j] = values[i];
    });
    return denseMatrix(rows, cols, data);
  }

  static fromJSON(json: SerializedObject): NumericVectorizer {
    return ColumnStep.restore(
      json,
      TYPE,
      (params) =>
        new NumericVectorizer({ columns: params.optionalStrings('columns') ?? undefined }),
    );
  }
}
