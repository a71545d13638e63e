import type { Serializable } from '../data/serializable.js';
import { DeserializationError } from '../errors.js';
import type { SerialReader } from '../data/serialized-reader.js';

/** What one-hot encoding learned about one input column. */
export interface OneHotColumnSpec {
  readonly name: string;
  /** Levels seen in fit, sorted; category k < levels.length is levels[k]. */
  readonly levels: readonly string[];
  /** Whether missing values form a category, the last one (index levels.length). */
  readonly hasMissing: boolean;
  /** Per category (levels, then missing), 1 when pooled into the infrequent column. */
  readonly infrequentMask: Uint8Array;
}

export interface OneHotColumnLayout extends OneHotColumnSpec {
  /** Per category, its output column in the whole block, or -1 when dropped. */
  readonly outputs: Int32Array;
  /** Levels pooled into the infrequent column. */
  readonly infrequent: readonly string[];
}

export interface OneHotLayout {
  readonly columns: readonly OneHotColumnLayout[];
  readonly featureNames: readonly string[];
}

const MISSING_SUFFIX = 'missing';
const INFREQUENT_SUFFIX = 'infrequent';

/**
 * Assigns output columns: per input column its frequent categories in order, then the
 * infrequent column if any; `drop` removes the output of the first category (which is the
 * infrequent column when that category is infrequent, as scikit-learn).
 */
export function buildOneHotLayout(
  specs: readonly OneHotColumnSpec[],
  drop: 'none' | 'first' | 'if_binary',
): OneHotLayout {
  const featureNames: string[] = [];
  const columns = specs.map((spec) => {
    const categories = spec.hasMissing ? spec.levels.length + 1 : spec.levels.length;
    const categoryName = (k: number): string =>
      k < spec.levels.length ? spec.levels[k] : MISSING_SUFFIX;
    const local = new Int32Array(categories);
    const localNames: string[] = [];
    for (let k = 0; k < categories; k++) {
      if (spec.infrequentMask[k] === 0) {
        local[k] = localNames.length;
        localNames.push(categoryName(k));
      }
    }
    const infrequent: string[] = [];
    if (spec.infrequentMask.some((m) => m === 1)) {
      for (let k = 0; k < categories; k++) {
        if (spec.infrequentMask[k] === 1) {
          local[k] = localNames.length;
          infrequent.push(categoryName(k));
        }
      }
      localNames.push(INFREQUENT_SUFFIX);
    }
    const dropLocal =
      categories > 0 && (drop === 'first' || (drop === 'if_binary' && localNames.length === 2))
        ? local[0]
        : -1;
    const base = featureNames.length;
    localNames.forEach((n, l) => {
      if (l !== dropLocal) featureNames.push(`${spec.name}__${n}`);
    });
    const outputs = local.map((l) =>
      l === dropLocal ? -1 : base + (dropLocal >= 0 && l > dropLocal ? l - 1 : l),
    );
    return { ...spec, outputs, infrequent };
  });
  return { columns, featureNames };
}

/** The serializable part of a layout (the rest is rebuilt from it). */
export function writeOneHotLayout(layout: OneHotLayout): Serializable {
  return {
    columns: layout.columns.map((c) => c.name),
    levels: layout.columns.map((c) => [...c.levels]),
    hasMissing: Uint8Array.from(layout.columns, (c) => (c.hasMissing ? 1 : 0)),
    infrequentMasks: layout.columns.map((c) => c.infrequentMask),
  };
}

export function readOneHotLayout(
  state: SerialReader,
  drop: 'none' | 'first' | 'if_binary',
): OneHotLayout {
  const names = state.strings('columns');
  const levels = state.stringLists('levels', names.length);
  const hasMissing = state.raw('hasMissing');
  const masks = state.array('infrequentMasks');
  if (
    !(hasMissing instanceof Uint8Array) ||
    hasMissing.length !== names.length ||
    masks.length !== names.length
  ) {
    throw new DeserializationError(
      state.owner,
      'hasMissing and infrequentMasks need one entry per column.',
    );
  }
  const specs = names.map((name, j) => {
    const mask = masks[j];
    const categories = levels[j].length + hasMissing[j];
    if (!(mask instanceof Uint8Array) || mask.length !== categories) {
      throw new DeserializationError(
        state.owner,
        `infrequentMasks[${j}] must be a Uint8Array of ${categories} flags.`,
      );
    }
    return { name, levels: levels[j], hasMissing: hasMissing[j] === 1, infrequentMask: mask };
  });
  return buildOneHotLayout(specs, drop);
}
