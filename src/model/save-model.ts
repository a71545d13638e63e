import type { Frame } from '../data/frame.js';
import { fingerprintFrame, profileFrame } from '../data/index.js';
import type { FittedModel } from '../features/index.js';
import { packValue } from './blob-codec.js';
import { sha256, writeArtifact } from './artifact-file.js';
import type { ModelManifest } from './manifest.js';
import { argminVersion, MODEL_FORMAT_VERSION } from './version.js';

export interface SaveModelOptions {
  /** Scores to keep with the model (e.g. cross-validated), by metric name. */
  readonly metrics?: Readonly<Record<string, number>>;
  /** The training frame: its fingerprint and profile are stored for lineage and monitoring. */
  readonly trainingFrame?: Frame;
  /** Where the model came from, e.g. `{ study: 'credit-tune', trial: '17', run: '…' }`. */
  readonly lineage?: Readonly<Record<string, string>>;
}

/**
 * Saves a fitted pipeline as data: a JSON manifest plus one binary blob of typed arrays.
 * A path ending in `.argmin` gives a single file; any other path a directory
 * (`manifest.json` + `model.bin`). The write is atomic: a crash leaves the old model or none.
 *
 * @example
 * await saveModel(pipeline, 'models/credit.argmin', { metrics: { roc_auc: 0.83 }, trainingFrame: frame });
 */
export async function saveModel(
  pipeline: FittedModel,
  path: string,
  options: SaveModelOptions = {},
): Promise<ModelManifest> {
  const { json, blob, refs } = packValue(pipeline.toJSON());
  const frame = options.trainingFrame;
  const profile = frame === undefined ? undefined : profileFrame(frame);
  const manifest: ModelManifest = {
    format: 'argmin-model',
    formatVersion: MODEL_FORMAT_VERSION,
    argminVersion: argminVersion(),
    createdAt: new Date().toISOString(),
    task: pipeline.task,
    target: pipeline.target,
    signature: pipeline.signature,
    output:
      pipeline.task === 'classification'
        ? { kind: 'class', classes: pipeline.classes }
        : { kind: 'value' },
    metrics: { ...(options.metrics ?? {}) },
    ...(options.lineage === undefined ? {} : { lineage: { ...options.lineage } }),
    ...(frame === undefined
      ? {}
      : {
          trainingData: {
            fingerprint: fingerprintFrame(frame),
            rows: frame.rows,
            ...(frame.source ? { source: frame.source } : {}),
          },
        }),
    ...(profile === undefined ? {} : { profile }),
    pipeline: json,
    blobs: refs,
    blobBytes: blob.length,
    blobSha256: sha256(blob),
  };
  await writeArtifact(path, manifest, blob);
  return manifest;
}
