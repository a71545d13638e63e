/**
 * argmin's public API. Everything a user imports comes from here; each folder's own index.ts is
 * its public surface and nothing else is reachable.
 */
export {
  ArgminError,
  ArtifactError,
  ConvergenceError,
  DataReadError,
  DataValidationError,
  DeserializationError,
  FilterParseError,
  InvalidParameterError,
  NotFittedError,
  OverloadedError,
  SchemaMismatchError,
  ShapeMismatchError,
  StoreConflictError,
  StoreError,
  StoreNotFoundError,
  TrialBudgetExhaustedError,
  UnsafePathError,
} from './errors.js';
export type { Location } from './errors.js';

export {
  Frame,
  Rng,
  booleanColumn,
  categoricalColumn,
  categoricalFromStrings,
  checkFeatures,
  csrMatrix,
  datetimeColumn,
  denseFromRows,
  denseMatrix,
  encodeColumns,
  encodeRecords,
  fingerprintFrame,
  frameFromColumns,
  frameFromRecords,
  groupKFold,
  holdoutSplit,
  hstack,
  kFold,
  numericColumn,
  profileFrame,
  readTable,
  streamTable,
  repeatedKFold,
  schemaOf,
  stratifiedKFold,
  timeSeriesSplit,
  toDense,
  validateTarget,
} from './data/index.js';
export type {
  Column,
  ColumnKind,
  ColumnRole,
  CsrMatrix,
  DenseMatrix,
  Fold,
  FrameProfile,
  FrameSchema,
  Matrix,
  ReadOptions,
  SerializedObject,
} from './data/index.js';

export {
  ColumnTransformer,
  DateParts,
  FeatureHasher,
  KBinsDiscretizer,
  MinMaxScaler,
  NumericVectorizer,
  OneHotEncoder,
  OrdinalEncoder,
  Pipeline,
  Recode,
  SimpleImputer,
  StandardScaler,
  linearPreprocessor,
  treePreprocessor,
} from './features/index.js';
export type { ColumnSignature, InputSignature, Transformer, Vectorizer } from './features/index.js';

export {
  CategoricalNB,
  DecisionTreeClassifier,
  DecisionTreeRegressor,
  DummyClassifier,
  DummyRegressor,
  ElasticNet,
  ExtraTreesClassifier,
  ExtraTreesRegressor,
  GaussianNB,
  HistGradientBoostingClassifier,
  HistGradientBoostingRegressor,
  Lasso,
  LinearRegression,
  LogisticRegression,
  RandomForestClassifier,
  RandomForestRegressor,
  Ridge,
  isClassifier,
  learnerFromJSON,
} from './learners/index.js';
export type { Classifier, Estimator, FitOptions, Regressor, Task } from './learners/index.js';

export { getMetric, metricNames } from './metrics/index.js';
export type { Metric, MetricDirection } from './metrics/index.js';

export { saveModel } from './model/index.js';
export type { LoadedModel, ModelManifest, SaveModelOptions } from './model/index.js';

export { crossValidate, scorePipeline } from './automl/index.js';
export type { CrossValidationResult } from './automl/index.js';

export {
  ActiveRun,
  DEFAULT_STORE_URI,
  LocalArtifactStore,
  Store,
  datasetFromFrame,
  openStore,
} from './store/index.js';
export type {
  ArtifactStore,
  DatasetInput,
  Experiment,
  MetricPoint,
  MetricSummary,
  RunInfo,
  RunQuery,
  RunRecord,
  RunSearchPage,
  StartRunOptions,
  StoreOptions,
} from './store/index.js';

export {
  MODELS_SCHEME,
  Registry,
  loadModel,
  defaultActor,
  formatModelRef,
  loadRegisteredModel,
  parseModelRef,
  parseRequirement,
  validateAliasName,
  validateModelName,
} from './registry/index.js';
export type {
  AliasEvent,
  CreateModelOptions,
  CreateVersionOptions,
  ListModelsOptions,
  ListVersionsOptions,
  LoadRegisteredModelOptions,
  LoadedRegisteredModel,
  MetricRequirement,
  ModelRef,
  ModelVersion,
  PromoteOptions,
  PromotionCheck,
  PromotionResult,
  RegisteredModel,
  RegisteredModelPage,
} from './registry/index.js';

export {
  GridSampler,
  HyperbandPruner,
  MedianPruner,
  NopPruner,
  QmcSampler,
  RandomSampler,
  Study,
  SuccessiveHalvingPruner,
  TpeSampler,
  Trial,
  TrialPruned,
  createStudy,
} from './tune/index.js';
export type {
  CreateStudyOptions,
  Direction,
  Distribution,
  FrozenTrial,
  Objective,
  OptimizeOptions,
  Pruner,
  Sampler,
  StudyView,
  TrialState,
} from './tune/index.js';

export {
  InputCodec,
  PredictionLog,
  createServer,
  createTrafficPolicy,
  listPredictions,
} from './serve/index.js';
export type {
  EndpointConfig,
  InputProblem,
  ModelAnswer,
  ModelServer,
  PredictionRecord,
  ServeOptions,
  TrafficPolicyConfig,
} from './serve/index.js';
