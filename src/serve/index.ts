export { createServer } from './server.js';
export type {
  FeedbackRelay,
  ModelChange,
  ModelServer,
  ModelsRelay,
  ServeOptions,
} from './server.js';
export { ModelHost, parseModelSpec } from './model-host.js';
export type { HostEvent, ModelHostOptions, ModelSpec, Slot } from './model-host.js';
export { InputCodec, inputRecords } from './input-codec.js';
export type {
  DecodeResult,
  EncodedInput,
  InputCodecOptions,
  InputProblem,
  UnknownCategoryPolicy,
} from './input-codec.js';
export { AdaptiveBatcher, OverloadedError } from './batcher.js';
export type { BatcherOptions, BatchReport } from './batcher.js';
export { PredictionCache } from './prediction-cache.js';
export { PredictionLog, listPredictions } from './prediction-log.js';
export type {
  ListPredictionsOptions,
  PredictionLogOptions,
  PredictionRecord,
} from './prediction-log.js';
export { createTrafficPolicy, hashUnit } from './traffic.js';
export type { RouteDecision, TrafficPolicy, TrafficPolicyConfig } from './traffic.js';
export { Endpoints } from './endpoints.js';
export type { Endpoint, EndpointConfig, FeedbackOutcome } from './endpoints.js';
export { ServedModel } from './served-model.js';
export type { ModelAnswer } from './served-model.js';
export { ServerMetrics } from './server-metrics.js';
