/**
 * Which categories scikit-learn 1.2's OneHotEncoder pools as infrequent
 * (`_identify_infrequent`): those seen fewer than `minFrequency` times (a count when ≥ 1, a
 * fraction of `rows` when below 1), then, while more than `maxCategories` outputs would remain,
 * the least frequent ones (stable order: earlier categories first among equal counts) so that
 * `maxCategories - 1` frequent categories plus the infrequent column remain.
 */
export function infrequentMask(
  counts: readonly number[],
  rows: number,
  minFrequency: number | null,
  maxCategories: number | null,
): Uint8Array {
  const n = counts.length;
  const mask = new Uint8Array(n);
  if (minFrequency !== null) {
    const threshold = minFrequency >= 1 ? minFrequency : rows * minFrequency;
    for (let k = 0; k < n; k++) if (counts[k] < threshold) mask[k] = 1;
  }
  let infrequent = 0;
  for (let k = 0; k < n; k++) infrequent += mask[k];
  if (maxCategories !== null && maxCategories < n - infrequent + 1) {
    const order = Array.from({ length: n }, (_, k) => k).sort(
      (a, b) => counts[a] - counts[b] || a - b,
    );
    const pooled = Math.max(0, n - (maxCategories - 1));
    for (let r = 0; r < pooled; r++) mask[order[r]] = 1;
  }
  return mask;
}
