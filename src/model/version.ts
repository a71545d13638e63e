import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Current model format; bump when the manifest or blob layout changes, and teach the loader the old one. */
export const MODEL_FORMAT_VERSION = 1;

let cached: string | undefined;

/** argmin's own version, read from the nearest package.json named "argmin" (works from src/ and dist/). */
export function argminVersion(): string {
  if (cached !== undefined) return cached;
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    try {
      const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as {
        name?: string;
        version?: string;
      };
      if (pkg.name === 'argmin' && typeof pkg.version === 'string') return (cached = pkg.version);
    } catch {
      // not here; keep walking up
    }
    dir = dirname(dir);
  }
  return (cached = '0.0.0');
}
