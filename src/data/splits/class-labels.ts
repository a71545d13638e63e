import { InvalidParameterError } from '../../errors.js';
import type { Column } from '../column.js';

/** Labels as dense class codes 0..classes-1, with a display name per class. */
export interface ClassCodes {
  readonly codes: Int32Array;
  readonly names: readonly string[];
}

/**
 * Turns a target into dense class codes. Accepts a Frame column (categorical levels name the
 * classes) or plain numbers (each distinct value is a class). Missing labels are refused: a row
 * of unknown class cannot be stratified.
 */
export function classCodes(owner: string, labels: Column | ArrayLike<number>): ClassCodes {
  if (isColumn(labels)) {
    if (labels.kind === 'categorical') {
      const used = new Int32Array(labels.levels.length).fill(-1);
      const codes = new Int32Array(labels.codes.length);
      const names: string[] = [];
      for (let i = 0; i < codes.length; i++) {
        const code = labels.codes[i];
        if (code < 0) throw missingLabel(owner, i);
        if (used[code] < 0) {
          used[code] = names.length;
          names.push(labels.levels[code]);
        }
        codes[i] = used[code];
      }
      return { codes, names };
    }
    return fromNumbers(owner, labels.values);
  }
  return fromNumbers(owner, labels);
}

function fromNumbers(owner: string, values: ArrayLike<number>): ClassCodes {
  const index = new Map<number, number>();
  const names: string[] = [];
  const codes = new Int32Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (Number.isNaN(v)) throw missingLabel(owner, i);
    let code = index.get(v);
    if (code === undefined) {
      code = names.length;
      index.set(v, code);
      names.push(String(v));
    }
    codes[i] = code;
  }
  return { codes, names };
}

function isColumn(value: Column | ArrayLike<number>): value is Column {
  return typeof (value as Column).kind === 'string' && typeof (value as Column).name === 'string';
}

function missingLabel(owner: string, row: number): InvalidParameterError {
  return new InvalidParameterError(
    owner,
    'labels',
    `has a missing value at row ${row}; drop rows with a missing target first`,
  );
}
