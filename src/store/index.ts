export { ActiveRun } from './active-run.js';
export type { MetricOptions } from './active-run.js';
export type { ArtifactEntry, ArtifactStore } from './artifacts/index.js';
export { DEFAULT_ARTIFACT_ROOT, LocalArtifactStore } from './artifacts/index.js';
export { DEFAULT_STORE_URI, connectStore, parseStoreUri, resolveStoreUri } from './connect.js';
export type { StoreConnection, StoreDialect, StoreLocation } from './connect.js';
export { datasetFromFrame } from './dataset-input.js';
export type { DatasetInput } from './dataset-input.js';
export { DEFAULT_EXPERIMENT } from './experiments.js';
export type { CreateExperimentOptions } from './experiments.js';
export type {
  Experiment,
  MetricPoint,
  MetricSummary,
  RunInfo,
  RunInput,
  RunRecord,
} from './records.js';
export type { LoggedValue } from './run-values.js';
export type * from './schema.js';
export type { RunQuery, RunSearchPage } from './search-runs.js';
export type { StartRunOptions } from './start-run.js';
export { Store, openStore } from './store.js';
export type { StoreOptions } from './store.js';
export { writeTransaction } from './write-transaction.js';
