import { UnsafePathError } from '../../errors.js';

/**
 * Checks an artifact path given by a caller and returns its `/`-separated segments. Only plain
 * relative paths pass: no NUL byte, no absolute or drive-letter path, no `..` segment, no
 * backslash (a separator on Windows). Symlinks are checked separately, against the real file
 * system (local-artifact-store.ts).
 */
export function artifactSegments(path: string, allowEmpty = false): string[] {
  if (path.includes('\0')) throw new UnsafePathError(path, 'contains a NUL byte');
  if (path.includes('\\')) throw new UnsafePathError(path, 'contains a backslash; use /');
  if (path.startsWith('/') || /^[A-Za-z]:/.test(path))
    throw new UnsafePathError(path, 'is absolute; artifact paths are relative to the run');
  const segments = path.split('/').filter((segment) => segment !== '' && segment !== '.');
  if (segments.includes('..'))
    throw new UnsafePathError(path, 'contains "..", which could leave the artifact root');
  if (segments.length === 0 && !allowEmpty) throw new UnsafePathError(path, 'names no file');
  return segments;
}

/** A run id used as a folder name: one plain segment. */
export function runSegment(runId: string): string {
  if (!/^[A-Za-z0-9_-]+$/.test(runId))
    throw new UnsafePathError(runId, 'is not a valid run id for an artifact folder');
  return runId;
}
