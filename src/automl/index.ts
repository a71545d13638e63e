export { crossValidate } from './cross-validate.js';
export type { CrossValidateOptions, CrossValidationResult, FoldResult } from './cross-validate.js';
export { defaultMetrics, scorePipeline } from './score-pipeline.js';
