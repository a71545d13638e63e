import type { ColumnKind } from '../data/column.js';
import type { Frame } from '../data/frame.js';
import type { ColumnGroup } from './column-transformer.js';
import { ColumnTransformer } from './column-transformer.js';
import { DateParts } from './date-parts.js';
import { OneHotEncoder } from './one-hot-encoder.js';
import { OrdinalEncoder } from './ordinal-encoder.js';
import { SimpleImputer } from './simple-imputer.js';
import { StandardScaler } from './standard-scaler.js';

export interface LinearPreprocessorOptions {
  /** Categorical levels rarer than this (fraction of rows, or a count ≥ 1) pool into one column. Default 0.01. */
  readonly minFrequency?: number;
}

function columnsOfKind(frame: Frame, featureNames: readonly string[], kind: ColumnKind): string[] {
  return featureNames.filter((name) => frame.column(name).kind === kind);
}

/** Groups for the kinds present, skipping kinds without columns. */
function groupsFor(
  frame: Frame,
  featureNames: readonly string[],
  make: Record<ColumnKind, (columns: string[]) => ColumnGroup>,
): ColumnGroup[] {
  const kinds: ColumnKind[] = ['numeric', 'boolean', 'categorical', 'datetime'];
  return kinds
    .map((kind) => ({ kind, columns: columnsOfKind(frame, featureNames, kind) }))
    .filter((k) => k.columns.length > 0)
    .map((k) => make[k.kind](k.columns));
}

/**
 * The preprocessing linear models need, chosen by column kind: numeric → median impute with a
 * missing indicator, then standardise; boolean → most-frequent impute; categorical → one-hot
 * (unknown levels ignored, rare ones pooled); datetime → calendar parts, impute, standardise.
 *
 * @example
 * const pre = linearPreprocessor(frame, frame.featureNames.filter((n) => n !== 'Status'));
 */
export function linearPreprocessor(
  frame: Frame,
  featureNames: readonly string[],
  options: LinearPreprocessorOptions = {},
): ColumnTransformer {
  const minFrequency = options.minFrequency ?? 0.01;
  const groups = groupsFor(frame, featureNames, {
    numeric: (columns) => ({
      name: 'numeric',
      columns,
      steps: [new SimpleImputer({ strategy: 'median', addIndicator: true }), new StandardScaler()],
    }),
    boolean: (columns) => ({
      name: 'boolean',
      columns,
      steps: [new SimpleImputer({ strategy: 'most_frequent' })],
    }),
    categorical: (columns) => ({
      name: 'categorical',
      columns,
      vectorizer: new OneHotEncoder({ handleUnknown: 'ignore', minFrequency }),
    }),
    datetime: (columns) => ({
      name: 'datetime',
      columns,
      steps: [new DateParts(), new SimpleImputer({ strategy: 'median' }), new StandardScaler()],
    }),
  });
  return new ColumnTransformer({ groups, output: 'auto' });
}

/**
 * The preprocessing tree models need, chosen by column kind: numeric and boolean pass through
 * with missing kept as NaN; categorical → ordinal codes of the training levels (unseen → NaN);
 * datetime → calendar parts. Always dense.
 *
 * @example
 * const pre = treePreprocessor(frame, frame.featureNames.filter((n) => n !== 'Status'));
 */
export function treePreprocessor(frame: Frame, featureNames: readonly string[]): ColumnTransformer {
  const groups = groupsFor(frame, featureNames, {
    numeric: (columns) => ({ name: 'numeric', columns }),
    boolean: (columns) => ({ name: 'boolean', columns }),
    categorical: (columns) => ({
      name: 'categorical',
      columns,
      steps: [new OrdinalEncoder({ handleUnknown: 'missing' })],
      categorical: true,
    }),
    datetime: (columns) => ({ name: 'datetime', columns, steps: [new DateParts()] }),
  });
  return new ColumnTransformer({ groups, output: 'dense' });
}
