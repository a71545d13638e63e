export type { Transformer } from './transformer.js';
export type { Vectorizer } from './vectorizer.js';
export { SimpleImputer } from './simple-imputer.js';
export type { ImputeStrategy, SimpleImputerOptions } from './simple-imputer.js';
export { StandardScaler } from './standard-scaler.js';
export type { StandardScalerOptions } from './standard-scaler.js';
export { MinMaxScaler } from './min-max-scaler.js';
export type { MinMaxScalerOptions } from './min-max-scaler.js';
export { OrdinalEncoder } from './ordinal-encoder.js';
export type { OrdinalEncoderOptions, OrdinalUnknown } from './ordinal-encoder.js';
export { Recode } from './recode.js';
export type { RecodeOptions } from './recode.js';
export { KBinsDiscretizer } from './kbins-discretizer.js';
export type { BinStrategy, KBinsDiscretizerOptions } from './kbins-discretizer.js';
export { DateParts } from './date-parts.js';
export type { DatePart, DatePartsOptions } from './date-parts.js';
export { OneHotEncoder } from './one-hot-encoder.js';
export type {
  OneHotDrop,
  OneHotEncoderOptions,
  OneHotMissing,
  OneHotUnknown,
} from './one-hot-encoder.js';
export { FeatureHasher } from './feature-hasher.js';
export type { FeatureHasherOptions } from './feature-hasher.js';
export { murmurhash3 } from './murmurhash3.js';
export { NumericVectorizer } from './numeric-vectorizer.js';
export type { NumericVectorizerOptions } from './numeric-vectorizer.js';
export { ColumnTransformer } from './column-transformer.js';
export type {
  ColumnGroup,
  ColumnSelector,
  ColumnTransformerOptions,
} from './column-transformer.js';
export type { OutputFormat } from './sparse-blocks.js';
export { linearPreprocessor, treePreprocessor } from './preprocessors.js';
export type { LinearPreprocessorOptions } from './preprocessors.js';
export { Pipeline } from './pipeline.js';
export type { PipelineFitOptions, PipelineOptions } from './pipeline.js';
export type { ColumnSignature, InputSignature } from './signature.js';
export { signatureProblems } from './signature.js';
export { transformerFromJSON, vectorizerFromJSON } from './registry.js';
export { EnsemblePipeline } from './ensemble-pipeline.js';
export type { EnsemblePipelineOptions } from './ensemble-pipeline.js';
export type { FittedModel } from './fitted-model.js';
export { labelsFromProba } from './fitted-model.js';
