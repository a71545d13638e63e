export type {
  BooleanColumn,
  CategoricalColumn,
  Column,
  ColumnKind,
  ColumnRole,
  DatetimeColumn,
  NumericColumn,
} from './column.js';
export {
  booleanColumn,
  categoricalColumn,
  categoricalFromStrings,
  columnLength,
  datetimeColumn,
  isMissingAt,
  numericColumn,
  takeColumn,
} from './column.js';
export { Frame } from './frame.js';
export type { CsrMatrix, DenseMatrix, Matrix } from './matrix.js';
export {
  csrMatrix,
  denseFromRows,
  denseMatrix,
  hstack,
  matTVec,
  matVec,
  storedCount,
  takeRows,
  toColumnMajor,
  toCsr,
  toDense,
} from './matrix.js';
export { Rng } from './rng.js';
export type { Serializable, SerializedObject, TypedArray } from './serializable.js';

export { readTable } from './read-table.js';
export { streamTable } from './read/stream-table.js';
export type {
  KeptColumn,
  StreamColumn,
  StreamTableOptions,
  TableChunk,
  TableStream,
} from './read/stream-table.js';
export type { ReadFormat, ReadOptions } from './read/read-options.js';
export { inferFormat } from './read/read-options.js';
export type { TaskKind } from './validate.js';
export { checkFeatures, validateTarget } from './validate.js';
export type { ColumnSchema, FrameSchema } from './schema.js';
export { schemaOf } from './schema.js';
export type { ColumnarTable, EncodedFrame, UnknownLevel } from './from-records.js';
export {
  encodeColumns,
  encodeRecords,
  frameFromColumns,
  frameFromRecords,
} from './from-records.js';
export type {
  BooleanProfile,
  CategoricalProfile,
  ColumnProfile,
  DatetimeProfile,
  FrameProfile,
  NumericProfile,
} from './profile.js';
export { profileColumn, profileFrame } from './profile.js';
export { profileQuantiles, sortedQuantile } from './numeric-summary.js';
export { fingerprintFrame } from './fingerprint.js';
export type { Fold } from './splits/fold.js';
export type { HoldoutOptions } from './splits/holdout-split.js';
export { holdoutSplit } from './splits/holdout-split.js';
export type { KFoldOptions } from './splits/k-fold.js';
export { kFold } from './splits/k-fold.js';
export type { StratifiedKFoldOptions } from './splits/stratified-k-fold.js';
export { stratifiedKFold } from './splits/stratified-k-fold.js';
export type { RepeatedKFoldOptions } from './splits/repeated-k-fold.js';
export { repeatedKFold } from './splits/repeated-k-fold.js';
export type { GroupKFoldOptions } from './splits/group-k-fold.js';
export { groupKFold } from './splits/group-k-fold.js';
export type { TimeSeriesSplitOptions } from './splits/time-series-split.js';
export { timeSeriesSplit } from './splits/time-series-split.js';
