import type { ColumnKind } from '../data/column.js';
import { isMissingAt } from '../data/column.js';
import type { Frame } from '../data/frame.js';
import type { Serializable } from '../data/serializable.js';
import { DeserializationError } from '../errors.js';
import { observedLevels } from './level-index.js';
import type { SerialReader } from '../data/serialized-reader.js';
import { SerialReader as Reader } from '../data/serialized-reader.js';

/** What a fitted pipeline expects of one input column. */
export interface ColumnSignature {
  readonly name: string;
  readonly kind: ColumnKind;
  /** Levels seen in fit, sorted (categorical columns only). */
  readonly levels?: readonly string[];
  /** Whether missing values were seen in fit. */
  readonly nullable: boolean;
}

export type InputSignature = readonly ColumnSignature[];

const KINDS: readonly ColumnKind[] = ['numeric', 'categorical', 'boolean', 'datetime'];

/** The signature of the named columns of a training frame. */
export function captureSignature(frame: Frame, names: readonly string[]): InputSignature {
  return names.map((name) => {
    const column = frame.column(name);
    let nullable = false;
    for (let i = 0; i < frame.rows && !nullable; i++) nullable = isMissingAt(column, i);
    const base = { name, kind: column.kind, nullable };
    return Object.freeze(
      column.kind === 'categorical'
        ? { ...base, levels: Object.freeze(observedLevels(column).levels) }
        : base,
    );
  });
}

/**
 * Every way `frame` fails the signature: a missing column or a column of another kind. Extra
 * columns are fine; unseen levels and missing values are the encoders' business.
 */
export function signatureProblems(frame: Frame, signature: InputSignature): string[] {
  const problems: string[] = [];
  for (const expected of signature) {
    if (!frame.has(expected.name)) {
      problems.push(`column "${expected.name}" (${expected.kind}) is missing`);
      continue;
    }
    const kind = frame.column(expected.name).kind;
    if (kind !== expected.kind)
      problems.push(`column "${expected.name}" should be ${expected.kind} but is ${kind}`);
  }
  return problems;
}

export function writeSignature(signature: InputSignature): Serializable {
  return signature.map((c) => ({
    name: c.name,
    kind: c.kind,
    nullable: c.nullable,
    levels: c.levels === undefined ? null : [...c.levels],
  }));
}

export function readSignature(owner: string, from: SerialReader): InputSignature {
  return from.array('signature').map((value, j) => {
    const entry = new Reader(owner, value, `signature[${j}]`);
    const kind = entry.string('kind') as ColumnKind;
    if (!KINDS.includes(kind))
      throw new DeserializationError(owner, `signature[${j}] has unknown kind "${kind}".`);
    const base = { name: entry.string('name'), kind, nullable: entry.boolean('nullable') };
    const levels = entry.optionalStrings('levels');
    return Object.freeze(levels === null ? base : { ...base, levels: Object.freeze(levels) });
  });
}
