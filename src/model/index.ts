export { saveModel } from './save-model.js';
export type { SaveModelOptions } from './save-model.js';
export { loadModel } from './load-model.js';
export type { LoadedModel } from './load-model.js';
export type { ModelManifest, ModelOutput, TrainingData } from './manifest.js';
export { MODEL_FORMAT_VERSION, argminVersion } from './version.js';
