import type { SerializedObject } from '../data/serializable.js';
import { ArgminError, ArtifactError } from '../errors.js';
import { Pipeline } from '../features/index.js';
import { learnerFromJSON } from '../learners/index.js';
import { readArtifact } from './artifact-file.js';
import { unpackValue } from './blob-codec.js';
import type { ModelManifest } from './manifest.js';

/** A model read back from disk: the fitted pipeline and everything the manifest says about it. */
export interface LoadedModel {
  readonly pipeline: Pipeline;
  readonly manifest: ModelManifest;
}

/**
 * Loads a model written by {@link saveModel}. Only JSON is parsed and only registered learner and
 * transformer types are instantiated: a model file can never run code. A corrupt, truncated or
 * future-version file throws ArtifactError naming the problem.
 *
 * @example
 * const { pipeline, manifest } = await loadModel('credit.argmin');
 * pipeline.predict(frame);
 */
export async function loadModel(path: string): Promise<LoadedModel> {
  const { manifest, blob } = await readArtifact(path);
  const serialized = unpackValue(
    manifest.pipeline,
    blob,
    manifest.blobs,
    path,
  ) as unknown as SerializedObject;
  let pipeline: Pipeline;
  try {
    pipeline = Pipeline.fromJSON(serialized, learnerFromJSON);
  } catch (error) {
    if (error instanceof ArtifactError || !(error instanceof ArgminError)) throw error;
    throw new ArtifactError(path, `the pipeline cannot be restored: ${error.message}`, {
      cause: error,
    });
  }
  if (!pipeline.isFitted)
    throw new ArtifactError(path, 'the pipeline in this file was never fitted.');
  return { pipeline, manifest };
}
