import type { FrameProfile } from '../data/index.js';
import type { ColumnSignature } from '../features/index.js';
import type { Task } from '../learners/index.js';
import { ArtifactError } from '../errors.js';
import type { BlobRef, PackedJson } from './blob-codec.js';
import { MODEL_FORMAT_VERSION } from './version.js';

export interface ModelOutput {
  readonly kind: 'class' | 'value';
  /** Class labels, in the column order of predicted probabilities. */
  readonly classes?: readonly string[];
}

/** What training data a model saw: enough for monitoring and lineage, never the data itself. */
export interface TrainingData {
  readonly fingerprint: string;
  readonly rows: number;
  readonly source?: string;
}

/** The JSON manifest of a model artifact. Everything but the typed arrays of the pipeline. */
export interface ModelManifest {
  readonly format: 'argmin-model';
  readonly formatVersion: number;
  readonly argminVersion: string;
  readonly createdAt: string;
  readonly task: Task;
  readonly target: string;
  readonly signature: readonly ColumnSignature[];
  readonly output: ModelOutput;
  readonly metrics: Readonly<Record<string, number>>;
  readonly trainingData?: TrainingData;
  /** Where the model came from: study, trial, run ids (e.g. `{ study, trial, run }`). */
  readonly lineage?: Readonly<Record<string, string>>;
  /** Training profile (per-column statistics) used by monitoring. */
  readonly profile?: FrameProfile;
  /** The pipeline's serialized form, typed arrays replaced by blob references. */
  readonly pipeline: PackedJson;
  readonly blobs: readonly BlobRef[];
  readonly blobBytes: number;
  readonly blobSha256: string;
}

const REQUIRED: readonly (keyof ModelManifest)[] = [
  'formatVersion',
  'argminVersion',
  'task',
  'target',
  'signature',
  'output',
  'pipeline',
  'blobs',
  'blobBytes',
  'blobSha256',
];

/** Checks a parsed manifest's shape and version; throws ArtifactError naming the first problem. */
export function validateManifest(value: unknown, path: string): ModelManifest {
  if (
    typeof value !== 'object' ||
    value === null ||
    (value as { format?: unknown }).format !== 'argmin-model'
  ) {
    throw new ArtifactError(
      path,
      'this is not an argmin model (the manifest has no "format": "argmin-model").',
    );
  }
  const m = value as Record<string, unknown>;
  const version = m.formatVersion;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    throw new ArtifactError(path, `invalid format version ${JSON.stringify(version)}.`);
  }
  if (version > MODEL_FORMAT_VERSION) {
    throw new ArtifactError(
      path,
      `format version ${version} was written by a newer argmin (${String(m.argminVersion)}); this argmin reads up to version ${MODEL_FORMAT_VERSION}. Upgrade argmin to load it.`,
    );
  }
  for (const key of REQUIRED) {
    if (m[key] === undefined)
      throw new ArtifactError(
        path,
        `the manifest lacks the required field "${key}" (corrupt or hand-edited?).`,
      );
  }
  if (m.task !== 'classification' && m.task !== 'regression') {
    throw new ArtifactError(path, `unknown task ${JSON.stringify(m.task)}.`);
  }
  if (!Array.isArray(m.signature) || !Array.isArray(m.blobs)) {
    throw new ArtifactError(path, 'the manifest\'s "signature" and "blobs" must be arrays.');
  }
  return value as ModelManifest;
}
