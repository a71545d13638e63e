const encoder = new TextEncoder();

/**
 * MurmurHash3 (x86, 32-bit) of the UTF-8 bytes of `text`, as a signed 32-bit integer — the hash
 * scikit-learn's `murmurhash3_32(text, seed)` and `FeatureHasher` compute.
 *
 * @example
 * murmurhash3('Home=rent'); // same value as sklearn.utils.murmurhash3_32('Home=rent')
 */
export function murmurhash3(text: string, seed = 0): number {
  const bytes = encoder.encode(text);
  const length = bytes.length;
  const blocks = length & ~3;
  let h = seed | 0;
  for (let i = 0; i < blocks; i += 4) {
    let k = bytes[i] | (bytes[i + 1] << 8) | (bytes[i + 2] << 16) | (bytes[i + 3] << 24);
    k = Math.imul(k, 0xcc9e2d51);
    k = (k << 15) | (k >>> 17);
    k = Math.imul(k, 0x1b873593);
    h ^= k;
    h = (h << 13) | (h >>> 19);
    h = (Math.imul(h, 5) + 0xe6546b64) | 0;
  }
  const remaining = length & 3;
  if (remaining > 0) {
    let tail = 0;
    if (remaining === 3) tail ^= bytes[blocks + 2] << 16;
    if (remaining >= 2) tail ^= bytes[blocks + 1] << 8;
    tail ^= bytes[blocks];
    tail = Math.imul(tail, 0xcc9e2d51);
    tail = (tail << 15) | (tail >>> 17);
    tail = Math.imul(tail, 0x1b873593);
    h ^= tail;
  }
  h ^= length;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h | 0;
}
