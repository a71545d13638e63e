export * from './distributions.js';
export type { Direction, FrozenTrial, Pruner, Sampler, StudyView, TrialState } from './types.js';
export { MemoryTrialStorage } from './memory-trial-storage.js';
export type { FinishedState, TrialStorage } from './trial-storage.js';
export {
  isWritableStudyView,
  type TrialSystemAttrWriter,
  type WritableStudyView,
} from './pruner-hook.js';
export { CONSTRAINTS_KEY, dominates, isFeasible, paretoFront } from './pareto.js';
export type { Objective, OptimizeStop } from './optimize.js';
export type { CreateStudyOptions, OptimizeOptions } from './study-options.js';
export { FAIL_REASON_KEY, Study, createStudy, type HistoryRow, type TellOutcome } from './study.js';
export { FIXED_PARAMS_KEY, Trial } from './trial.js';
export { TrialPruned } from './trial-pruned.js';
export * from './schedulers/index.js';
export * from './samplers/index.js';
export { openStudy, type OpenStudyOptions } from './open-study.js';
export { StoreTrialStorage, type StoredStudy } from './storage/store-trial-storage.js';
export { findStudy, requireStudy, type StudyRecord } from './storage/study-rows.js';
export { MISSED_HEARTBEATS, type StudySettings } from './storage/study-settings.js';
export { RETRIED_FROM_KEY, RETRY_COUNT_KEY } from './storage/orphans.js';
export { work, type WorkOptions } from './worker.js';
export { SAMPLER_NAMES, samplerByName } from './sampler-names.js';
export { ThreadObjective, type ThreadObjectiveOptions } from './thread-objective.js';
export {
  parseSearchSpace,
  spaceToJSON,
  suggestFromSpace,
  type SearchSpace,
  type SpaceParam,
  type SpaceTrial,
} from './space/declarative-space.js';
export {
  parameterImportance,
  type ImportanceOptions,
  type ParamImportance,
} from './importance/fanova.js';
