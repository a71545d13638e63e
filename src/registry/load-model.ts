import type { LoadedModel } from '../model/index.js';
import { loadModel as loadArtifact } from '../model/index.js';
import type { LoadedRegisteredModel, LoadRegisteredModelOptions } from './load-registered-model.js';
import { loadRegisteredModel } from './load-registered-model.js';

/** The URI scheme of registry references: `models:/credit@champion`, `models:/credit/3`. */
export const MODELS_SCHEME = 'models:/';

/**
 * Loads a model from an artifact path (`.argmin` file or model directory) or, for a
 * `models:/name@alias` / `models:/name/version` reference, through the registry of the store
 * in `options` (else `ARGMIN_STORE`, else the default store). The argmin-wide `loadModel`.
 *
 * @example
 * const { pipeline } = await loadModel('models:/credit@champion');
 * const same = await loadModel('.argmin/models/credit.argmin');
 */
export async function loadModel(
  source: string,
  options: LoadRegisteredModelOptions = {},
): Promise<LoadedModel | LoadedRegisteredModel> {
  return source.startsWith(MODELS_SCHEME)
    ? loadRegisteredModel(source, options)
    : loadArtifact(source);
}
