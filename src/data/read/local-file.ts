import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { DataReadError } from '../../errors.js';
import { isUrl } from './read-options.js';

/**
 * Checks a local source before DuckDB sees it, so the common mistakes get plain messages:
 * missing file, a folder, a 0-byte file. URLs and glob patterns are left to DuckDB.
 * Returns the file's size in bytes, or undefined for URLs and globs.
 */
export async function checkLocalFile(source: string): Promise<number | undefined> {
  if (isUrl(source) || /[*?[]/.test(source)) return undefined;
  let size: number;
  try {
    const info = await stat(source);
    if (info.isDirectory()) {
      throw new DataReadError(
        { file: source },
        'is a folder, not a file; name the data file inside it.',
      );
    }
    size = info.size;
  } catch (error) {
    if (error instanceof DataReadError) throw error;
    throw new DataReadError(
      { file: source },
      `file not found (looked for ${resolve(source)}); check the path and the working directory.`,
      { cause: error },
    );
  }
  if (size === 0) {
    throw new DataReadError(
      { file: source },
      'file is empty (0 bytes); there is no header and no data to read.',
    );
  }
  return size;
}
