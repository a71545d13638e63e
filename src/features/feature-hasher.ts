import type { ColumnKind } from '../data/column.js';
import type { Frame } from '../data/frame.js';
import type { CsrMatrix } from '../data/matrix.js';
import { csrMatrix } from '../data/matrix.js';
import type { SerializedObject } from '../data/serializable.js';
import { InvalidParameterError } from '../errors.js';
import { columnsOption } from './column-selection.js';
import { ColumnListStep, ColumnStep } from './column-step.js';
import { murmurhash3 } from './murmurhash3.js';
import type { Vectorizer } from './vectorizer.js';

export interface FeatureHasherOptions {
  /** Output width. Default 2^20, as scikit-learn. */
  readonly nFeatures?: number;
  /** Sign each value by its hash's sign so collisions cancel on average. Default true. */
  readonly alternateSign?: boolean;
  /** Categorical columns to hash; default every categorical column. */
  readonly columns?: readonly string[];
}

const TYPE = 'FeatureHasher';
const KINDS: readonly ColumnKind[] = ['categorical'];
const MAX_FEATURES = 2 ** 31 - 1;

type Params = { nFeatures: number; alternateSign: boolean; columns: readonly string[] | null };

/**
 * Hashes each `${column}=${level}` string into one of `nFeatures` columns (scikit-learn's
 * `FeatureHasher` on strings, same MurmurHash3): no vocabulary is learned, so any level —
 * seen or not — has a place. Missing values contribute nothing.
 *
 * @example
 * const X = new FeatureHasher({ nFeatures: 1024 }).fit(frame).transform(frame); // CSR, 1024 columns
 */
export class FeatureHasher extends ColumnListStep<Params> implements Vectorizer {
  readonly type = TYPE;

  constructor(options: FeatureHasherOptions = {}) {
    super(
      {
        nFeatures: options.nFeatures ?? 2 ** 20,
        alternateSign: options.alternateSign ?? true,
        columns: columnsOption(options.columns),
      },
      KINDS,
    );
  }

  get featureNames(): readonly string[] {
    this.fitted(); // the names exist only once fitted, as for every vectorizer
    return Array.from({ length: this.getParams().nFeatures }, (_, k) => `hash__${k}`);
  }

  protected checkParams(p: Params): void {
    if (!Number.isInteger(p.nFeatures) || p.nFeatures < 1 || p.nFeatures > MAX_FEATURES) {
      throw new InvalidParameterError(
        TYPE,
        'nFeatures',
        `must be an integer in 1..${MAX_FEATURES}, got ${String(p.nFeatures)}`,
      );
    }
    if (typeof p.alternateSign !== 'boolean')
      throw new InvalidParameterError(TYPE, 'alternateSign', 'must be a boolean');
  }

  transform(frame: Frame): CsrMatrix {
    const columns = this.fitted();
    const { nFeatures, alternateSign } = this.getParams();
    const rows = frame.rows;
    const width = columns.length;
    // Per (row, column): hashed output index and sign; index -1 = missing.
    const slot = new Int32Array(rows * width).fill(-1);
    const sign = new Float64Array(rows * width);
    columns.forEach((name, j) => {
      const column = this.column(frame, name);
      if (column.kind !== 'categorical') return;
      // Hash each level once, not each row.
      const levelSlot = new Int32Array(column.levels.length);
      const levelSign = new Float64Array(column.levels.length);
      column.levels.forEach((level, l) => {
        const h = murmurhash3(`${name}=${level}`);
        levelSlot[l] = Math.abs(h) % nFeatures;
        levelSign[l] = alternateSign && h < 0 ? -1 : 1;
      });
      for (let i = 0; i < rows; i++) {
        const c = column.codes[i];
        if (c >= 0) {
          slot[i * width + j] = levelSlot[c];
          sign[i * width + j] = levelSign[c];
        }
      }
    });
    return assembleRows(rows, width, nFeatures, slot, sign);
  }

  static fromJSON(json: SerializedObject): FeatureHasher {
    return ColumnStep.restore(
      json,
      TYPE,
      (params) =>
        new FeatureHasher({
          nFeatures: params.number('nFeatures'),
          alternateSign: params.boolean('alternateSign'),
          columns: params.optionalStrings('columns') ?? undefined,
        }),
    );
  }
}

/** CSR from up to `width` (index, value) pairs per row: sorts each row, sums collisions, drops zeros. */
function assembleRows(
  rows: number,
  width: number,
  cols: number,
  slot: Int32Array,
  value: Float64Array,
): CsrMatrix {
  const indptr = new Int32Array(rows + 1);
  const indices = new Int32Array(rows * width);
  const data = new Float64Array(rows * width);
  let k = 0;
  for (let i = 0; i < rows; i++) {
    const start = k;
    for (let j = 0; j < width; j++) {
      const s = slot[i * width + j];
      if (s < 0) continue;
      // Insertion into the row's sorted run (rows hold a handful of entries).
      let p = k;
      while (p > start && indices[p - 1] > s) p--;
      if (p > start && indices[p - 1] === s) {
        data[p - 1] += value[i * width + j];
        continue;
      }
      indices.copyWithin(p + 1, p, k);
      data.copyWithin(p + 1, p, k);
      indices[p] = s;
      data[p] = value[i * width + j];
      k++;
    }
    let w = start;
    for (let p = start; p < k; p++) {
      if (data[p] !== 0) {
        indices[w] = indices[p];
        data[w++] = data[p];
      }
    }
    k = w;
    indptr[i + 1] = k;
  }
  return csrMatrix(rows, cols, indptr, indices.slice(0, k), data.slice(0, k));
}
