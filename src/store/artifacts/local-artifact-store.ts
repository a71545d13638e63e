import { randomBytes } from 'node:crypto';
import {
  copyFile,
  mkdir,
  readFile,
  readdir,
  realpath,
  rename,
  rm,
  stat,
  writeFile,
} from 'node:fs/promises';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { StoreNotFoundError, UnsafePathError } from '../../errors.js';
import type { ArtifactEntry, ArtifactStore } from './artifact-store.js';
import { artifactSegments, runSegment } from './safe-path.js';

/** Where artifacts go when no root is given, relative to the working directory. */
export const DEFAULT_ARTIFACT_ROOT = './.argmin/artifacts';

const tempSuffix = '.argmin-tmp';

function errorCode(error: unknown): string | undefined {
  return (error as { code?: string }).code;
}

function inside(root: string, path: string): boolean {
  const rel = relative(root, path);
  return rel === '' || (rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel));
}

/**
 * Artifacts in a local folder: `<root>/<runId>/<path>`. Paths are checked twice — as text
 * (safe-path.ts) and on disk, by resolving symlinks (realpath) of the deepest existing part of
 * the path, so a link planted inside the root cannot lead reads or writes outside it. Writes go
 * to a temporary file in the same folder, then rename over the target (atomic on one file system).
 *
 * @example
 * const artifacts = new LocalArtifactStore('./.argmin/artifacts');
 * await artifacts.put(run.id, 'reports/summary.json', JSON.stringify(summary));
 */
export class LocalArtifactStore implements ArtifactStore {
  /** Absolute path of the root folder. */
  readonly root: string;

  constructor(root: string = DEFAULT_ARTIFACT_ROOT) {
    this.root = resolve(root);
  }

  uriFor(runId: string): string {
    return pathToFileURL(join(this.root, runSegment(runId))).href;
  }

  async put(runId: string, path: string, data: Uint8Array | string): Promise<void> {
    await this.#writeAtomically(runId, path, (temp) => writeFile(temp, data));
  }

  async putFile(runId: string, path: string, localFile: string): Promise<void> {
    await this.#writeAtomically(runId, path, (temp) => copyFile(localFile, temp));
  }

  async get(runId: string, path: string): Promise<Uint8Array> {
    const target = await this.#resolve(runId, path);
    try {
      return new Uint8Array(await readFile(target));
    } catch (error) {
      if (errorCode(error) === 'ENOENT')
        throw new StoreNotFoundError('Artifact', `${runId}/${path}`);
      throw error;
    }
  }

  async exists(runId: string, path: string): Promise<boolean> {
    const target = await this.#resolve(runId, path);
    try {
      await stat(target);
      return true;
    } catch {
      return false;
    }
  }

  async list(runId: string, prefix = ''): Promise<ArtifactEntry[]> {
    const runDir = join(this.root, runSegment(runId));
    const base = await this.#resolve(runId, prefix, true);
    const entries: ArtifactEntry[] = [];
    await this.#walk(runDir, base, entries);
    return entries.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  }

  async delete(runId: string, path: string): Promise<void> {
    await rm(await this.#resolve(runId, path), { recursive: true, force: true });
  }

  async deleteRun(runId: string): Promise<void> {
    await rm(join(this.root, runSegment(runId)), { recursive: true, force: true });
  }

  async #realRoot(): Promise<string> {
    await mkdir(this.root, { recursive: true });
    return realpath(this.root);
  }

  /** The absolute path of an artifact, after checking the path as text and on disk. */
  async #resolve(runId: string, path: string, allowEmpty = false): Promise<string> {
    const target = join(this.root, runSegment(runId), ...artifactSegments(path, allowEmpty));
    const realRoot = await this.#realRoot();
    // The deepest part of the path that exists decides where the rest would land.
    let existing = target;
    let rest = '';
    for (;;) {
      try {
        const real = await realpath(existing);
        if (!inside(realRoot, join(real, rest)))
          throw new UnsafePathError(path, 'leads outside the artifact root through a symlink');
        return target;
      } catch (error) {
        if (error instanceof UnsafePathError) throw error;
        const code = errorCode(error);
        if (code !== 'ENOENT' && code !== 'ENOTDIR') throw error;
        rest = join(basename(existing), rest);
        existing = dirname(existing);
      }
    }
  }

  async #writeAtomically(
    runId: string,
    path: string,
    write: (temp: string) => Promise<void>,
  ): Promise<void> {
    const target = await this.#resolve(runId, path);
    await mkdir(dirname(target), { recursive: true });
    await this.#resolve(runId, path); // the folders just made must not have been swapped for links
    const temp = `${target}.${randomBytes(6).toString('hex')}${tempSuffix}`;
    try {
      await write(temp);
      await rename(temp, target);
    } catch (error) {
      await rm(temp, { force: true });
      throw error;
    }
  }

  async #walk(runDir: string, dir: string, entries: ArtifactEntry[]): Promise<void> {
    let children;
    try {
      children = await readdir(dir, { withFileTypes: true });
    } catch (error) {
      if (errorCode(error) === 'ENOENT') return;
      if (errorCode(error) === 'ENOTDIR') {
        const info = await stat(dir);
        entries.push({ path: relative(runDir, dir).split(sep).join('/'), size: info.size });
        return;
      }
      throw error;
    }
    const realRoot = await this.#realRoot();
    for (const child of children) {
      const full = join(dir, child.name);
      if (child.name.endsWith(tempSuffix)) continue;
      if (child.isSymbolicLink()) {
        // Listed only when it resolves to a file inside the root.
        const real = await realpath(full).catch(() => undefined);
        if (real === undefined || !inside(realRoot, real)) continue;
        const info = await stat(real);
        if (info.isFile())
          entries.push({ path: relative(runDir, full).split(sep).join('/'), size: info.size });
      } else if (child.isDirectory()) {
        await this.#walk(runDir, full, entries);
      } else if (child.isFile()) {
        const info = await stat(full);
        entries.push({ path: relative(runDir, full).split(sep).join('/'), size: info.size });
      }
    }
  }
}
