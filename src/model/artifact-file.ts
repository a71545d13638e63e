import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, stat, writeFile, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { ArtifactError } from '../errors.js';
import type { ModelManifest } from './manifest.js';
import { validateManifest } from './manifest.js';

/**
 * Two layouts hold the same content:
 * - a single file (path ending in `.argmin`): magic `ARGMODEL`, u32 container version, u32 manifest
 *   length, u64 blob length, manifest JSON (UTF-8), zero padding to 8 bytes, blob;
 * - a directory: `manifest.json` + `model.bin`.
 * The manifest records the blob's size and SHA-256, so truncation and corruption are caught on load.
 */
const MAGIC = Buffer.from('ARGMODEL', 'ascii');
const HEADER_BYTES = 24;
const CONTAINER_VERSION = 1;

export const MANIFEST_FILE = 'manifest.json';
export const BLOB_FILE = 'model.bin';

export function isSingleFile(path: string): boolean {
  return path.endsWith('.argmin');
}

export function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** Writes atomically: everything goes to a temporary sibling first, then one rename. */
export async function writeArtifact(
  path: string,
  manifest: ModelManifest,
  blob: Buffer,
): Promise<void> {
  const manifestBytes = Buffer.from(JSON.stringify(manifest), 'utf8');
  const temporary = `${path}.tmp-${process.pid}-${Date.now()}`;
  await mkdir(dirname(path), { recursive: true });
  try {
    if (isSingleFile(path)) {
      const header = Buffer.alloc(HEADER_BYTES);
      MAGIC.copy(header, 0);
      header.writeUInt32LE(CONTAINER_VERSION, 8);
      header.writeUInt32LE(manifestBytes.length, 12);
      header.writeBigUInt64LE(BigInt(blob.length), 16);
      const padding = Buffer.alloc((8 - ((HEADER_BYTES + manifestBytes.length) % 8)) % 8);
      await writeFile(temporary, Buffer.concat([header, manifestBytes, padding, blob]));
      await rename(temporary, path);
    } else {
      await mkdir(temporary, { recursive: true });
      await writeFile(join(temporary, BLOB_FILE), blob);
      await writeFile(join(temporary, MANIFEST_FILE), manifestBytes);
      await rm(path, { recursive: true, force: true });
      await rename(temporary, path);
    }
  } catch (error) {
    await rm(temporary, { recursive: true, force: true });
    throw error;
  }
}

function parseManifest(bytes: Uint8Array, path: string): ModelManifest {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(bytes).toString('utf8'));
  } catch (error) {
    throw new ArtifactError(
      path,
      'the manifest is not valid JSON (the file is corrupt or truncated).',
      { cause: error },
    );
  }
  return validateManifest(parsed, path);
}

async function readSingleFile(
  path: string,
): Promise<{ manifest: ModelManifest; blob: Uint8Array }> {
  const bytes = await readFile(path);
  if (bytes.length < HEADER_BYTES || !bytes.subarray(0, 8).equals(MAGIC)) {
    throw new ArtifactError(
      path,
      'not an argmin model file (bad magic bytes); expected a file written by saveModel().',
    );
  }
  const container = bytes.readUInt32LE(8);
  if (container > CONTAINER_VERSION) {
    throw new ArtifactError(
      path,
      `container version ${container} is newer than this argmin reads (${CONTAINER_VERSION}); upgrade argmin.`,
    );
  }
  const manifestLength = bytes.readUInt32LE(12);
  const blobLength = Number(bytes.readBigUInt64LE(16));
  const manifestEnd = HEADER_BYTES + manifestLength;
  const blobStart = manifestEnd + ((8 - (manifestEnd % 8)) % 8);
  if (bytes.length < blobStart + blobLength) {
    throw new ArtifactError(
      path,
      `the file is truncated: ${bytes.length} bytes, expected ${blobStart + blobLength}.`,
    );
  }
  const manifest = parseManifest(bytes.subarray(HEADER_BYTES, manifestEnd), path);
  return { manifest, blob: bytes.subarray(blobStart, blobStart + blobLength) };
}

async function readDirectory(path: string): Promise<{ manifest: ModelManifest; blob: Uint8Array }> {
  let manifestBytes: Buffer;
  let blob: Buffer;
  try {
    manifestBytes = await readFile(join(path, MANIFEST_FILE));
    blob = await readFile(join(path, BLOB_FILE));
  } catch (error) {
    throw new ArtifactError(path, `expected ${MANIFEST_FILE} and ${BLOB_FILE} in this directory.`, {
      cause: error,
    });
  }
  return { manifest: parseManifest(manifestBytes, path), blob };
}

/** Reads and checks an artifact: manifest shape and version, blob size and checksum. */
export async function readArtifact(
  path: string,
): Promise<{ manifest: ModelManifest; blob: Uint8Array }> {
  let info;
  try {
    info = await stat(path);
  } catch (error) {
    throw new ArtifactError(path, 'no such file or directory.', { cause: error });
  }
  const { manifest, blob } = info.isDirectory()
    ? await readDirectory(path)
    : await readSingleFile(path);
  if (blob.byteLength !== manifest.blobBytes) {
    throw new ArtifactError(
      path,
      `the data section has ${blob.byteLength} bytes, the manifest says ${manifest.blobBytes} (truncated?).`,
    );
  }
  if (sha256(blob) !== manifest.blobSha256) {
    throw new ArtifactError(
      path,
      'the data section does not match its checksum: the file is corrupt. Re-save or re-download the model.',
    );
  }
  return { manifest, blob };
}
