import { createHash } from 'node:crypto';
import type { Hash } from 'node:crypto';
import type { Frame } from './frame.js';

/** Rows hashed per block; bounds the scratch copy used to canonicalise NaN. */
const blockRows = 65_536;

/**
 * SHA-256 (hex) of a frame's content: row count, and for every column its name, kind, levels and
 * values (bytes of the typed arrays, NaN canonicalised since NaN payloads vary by producer).
 * Roles and the source path are left out: the same data read twice fingerprints the same.
 *
 * @example
 * fingerprintFrame(await readTable('a.csv')) === fingerprintFrame(await readTable('a.csv')); // true
 */
export function fingerprintFrame(frame: Frame): string {
  const hash = createHash('sha256');
  hash.update(`argmin-frame-v1\0${frame.rows}\0${frame.columns.length}\0`);
  for (const column of frame.columns) {
    updateText(hash, column.name);
    updateText(hash, column.kind);
    if (column.kind === 'categorical') {
      hash.update(`${column.levels.length}\0`);
      for (const level of column.levels) updateText(hash, level);
      hash.update(
        new Uint8Array(column.codes.buffer, column.codes.byteOffset, column.codes.byteLength),
      );
    } else {
      updateValues(hash, column.values);
    }
  }
  return hash.digest('hex');
}

/** Length-prefixed so that ("ab", "c") and ("a", "bc") hash differently. */
function updateText(hash: Hash, text: string): void {
  const bytes = Buffer.from(text, 'utf8');
  hash.update(`${bytes.length}:`);
  hash.update(bytes);
}

function updateValues(hash: Hash, values: Float64Array): void {
  const scratch = new Float64Array(Math.min(blockRows, values.length));
  for (let start = 0; start < values.length; start += blockRows) {
    const end = Math.min(start + blockRows, values.length);
    for (let i = start; i < end; i++) {
      const v = values[i];
      scratch[i - start] = v === v ? v : Number.NaN;
    }
    hash.update(new Uint8Array(scratch.buffer, 0, (end - start) * 8));
  }
}
