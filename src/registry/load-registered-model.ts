import type { LoadedModel } from '../model/index.js';
import { loadModel } from '../model/index.js';
import { connectStore, resolveStoreUri } from '../store/connect.js';
import type { ModelRef } from './model-ref.js';
import type { ModelVersion } from './records.js';
import { Registry } from './registry.js';
import type { RegistryConnection } from './registry-connection.js';

export interface LoadRegisteredModelOptions {
  /** The registry to resolve the reference in. */
  readonly registry?: Registry;
  /** Or a store to build one over; without either, the default store is opened and closed. */
  readonly store?: RegistryConnection;
}

/** A registered model loaded from its artifact, with the version it resolved to. */
export interface LoadedRegisteredModel extends LoadedModel {
  readonly version: ModelVersion;
}

/**
 * Loads a model through the registry: resolves the reference (`models:/credit@champion`,
 * `credit/3`, …) to a version and loads that version's artifact.
 *
 * @example
 * const { pipeline, version } = await loadRegisteredModel('models:/credit@champion', { store });
 * pipeline.predict(frame);
 */
export async function loadRegisteredModel(
  ref: string | ModelRef,
  options: LoadRegisteredModelOptions = {},
): Promise<LoadedRegisteredModel> {
  if (options.registry !== undefined) return loadFrom(options.registry, ref);
  if (options.store !== undefined) return loadFrom(new Registry(options.store), ref);
  const store = await connectStore(resolveStoreUri());
  try {
    return await loadFrom(new Registry(store), ref);
  } finally {
    await store.close();
  }
}

async function loadFrom(
  registry: Registry,
  ref: string | ModelRef,
): Promise<LoadedRegisteredModel> {
  const version = await registry.resolve(ref);
  const loaded = await loadModel(await registry.artifactPath(version));
  return { ...loaded, version };
}
