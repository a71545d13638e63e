import { isAbsolute, join, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { StoreError, StoreNotFoundError, UnsafePathError } from '../errors.js';
import type { RegistryConnection } from './registry-connection.js';

const RUNS_URI = /^runs:\/([^/]+)\/(.+)$/;

/**
 * The local path of a version's artifact: a plain path (relative to the working directory), a
 * `file://` URI, or `runs:/<run_id>/<path>` inside that run's artifact folder. Other schemes
 * (an object store) are a StoreError until an artifact store for them exists.
 */
export async function localArtifactPath(
  connection: RegistryConnection,
  artifactUri: string,
): Promise<string> {
  if (artifactUri.startsWith('file:')) return fileURLToPath(artifactUri);
  const runs = RUNS_URI.exec(artifactUri);
  if (runs !== null) return runArtifactPath(connection, runs[1], runs[2]);
  const scheme = /^([A-Za-z][A-Za-z0-9+.-]+):\/\//.exec(artifactUri);
  if (scheme !== null)
    throw new StoreError(
      `Cannot load the model artifact ${artifactUri}: "${scheme[1]}" URIs are not supported here; register a local path or file:// URI`,
    );
  return resolve(artifactUri);
}

async function runArtifactPath(
  connection: RegistryConnection,
  runId: string,
  relative: string,
): Promise<string> {
  const clean = normalize(relative);
  if (isAbsolute(relative) || clean === '..' || clean.startsWith('../'))
    throw new UnsafePathError(relative, "must stay inside the run's artifact folder");
  const run = await connection.db
    .selectFrom('runs')
    .select('artifact_uri')
    .where('run_id', '=', runId)
    .executeTakeFirst();
  if (run === undefined) throw new StoreNotFoundError('Run', runId);
  const root = await localArtifactPath(connection, run.artifact_uri);
  return join(root, clean);
}
