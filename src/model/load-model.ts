import type { SerializedObject } from '../data/serializable.js';
import { ArgminError, ArtifactError } from '../errors.js';
import { EnsemblePipeline, Pipeline } from '../features/index.js';
import type { FittedModel } from '../features/index.js';
import { learnerFromJSON } from '../learners/index.js';
import { readArtifact } from './artifact-file.js';
import { unpackValue } from './blob-codec.js';
import type { ModelManifest } from './manifest.js';

/**
 * A model read back from disk: the fitted pipeline (or ensemble of pipelines) and everything the
 * manifest says about it.
 */
export interface LoadedModel {
  readonly pipeline: FittedModel;
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
  let pipeline: FittedModel;
  try {
    pipeline =
      serialized.type === 'EnsemblePipeline'
        ? EnsemblePipeline.fromJSON(serialized, learnerFromJSON)
        : Pipeline.fromJSON(serialized, learnerFromJSON);
  } catch (error) {
    if (error instanceof ArtifactError || !(error instanceof ArgminError)) throw error;
    throw new ArtifactError(path, `the pipeline cannot be restored: ${error.message}`, {
      cause: error,
    });
  }
  if (pipeline instanceof Pipeline && !pipeline.isFitted)
    throw new ArtifactError(path, 'the pipeline in this file was never fitted.');
  return { pipeline, manifest };
}
