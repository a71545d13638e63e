/**
 * Gradient histograms: for every feature and bin, the sums of gradients and hessians of the
 * rows in one node, interleaved `[g, h]` per bin: `sums[(feature * binStride + bin) * 2 + k]`.
 * Row counts per bin are kept only when a split needs them (`minSamplesLeaf` > 1), in a
 * separate `counts[feature * binStride + bin]`: counting costs a third more memory traffic in
 * the hottest loop, and a node's row count is known from its row slice anyway.
 */
export const HISTOGRAM_STATS = 2;

/** Which bins of the histogram are live: `[0, binCount[f])` and the missing bin. */
export interface HistogramShape {
  readonly binStride: number;
  readonly missingBin: number;
  readonly binCount: Int32Array;
}

/** One node's histogram; `counts` is null when the fit does not count rows per bin. */
export interface NodeHistogram {
  readonly sums: Float64Array;
  readonly counts: Float64Array | null;
}

/** Doubles needed for one node's gradient/hessian sums. */
export function histogramLength(nFeatures: number, binStride: number): number {
  return nFeatures * binStride * HISTOGRAM_STATS;
}

/** The rows of one node, their gradients and the bin codes they are read from. */
export interface HistogramInput {
  /** Row-major bin codes, `codes[row * nFeatures + feature]`. */
  readonly codes: Uint8Array;
  readonly nFeatures: number;
  readonly shape: HistogramShape;
  /** Row indices of the node are `rows[start .. end)`, ascending. */
  readonly rows: Int32Array;
  readonly start: number;
  readonly end: number;
  readonly gradients: Float64Array;
  readonly hessians: Float64Array;
  /** Features to fill (others are left untouched). */
  readonly features: Int32Array;
}

/**
 * Fills the histogram of `features[from .. to)` for the node's rows. Self-contained (no imports,
 * no closures) because worker threads run its source text: with `threads` > 1 each thread fills
 * its own block of features of the same shared histogram, so every bin is summed by one thread
 * in row order and results do not depend on the thread count.
 *
 * The node's gradients and hessians are first gathered into row order, interleaved
 * (`ordered[2k]`, `ordered[2k + 1]`; scratch of at least 2 × rows), so the passes over features
 * read them sequentially and only the one-byte codes are fetched at random (scikit-learn's
 * ordered gradients). Each pass then covers up to four features, so consecutive additions hit
 * different histograms and runs of rows in the same bin do not serialise on one memory slot.
 */
export function fillHistogram(
  codes: Uint8Array,
  nFeatures: number,
  binStride: number,
  missingBin: number,
  binCount: Int32Array,
  rows: Int32Array,
  start: number,
  end: number,
  gradients: Float64Array,
  hessians: Float64Array,
  features: Int32Array,
  from: number,
  to: number,
  sums: Float64Array,
  counts: Float64Array | null,
  ordered: Float64Array,
): void {
  const width = binStride * 2;
  for (let f = from; f < to; f++) {
    const feature = features[f];
    const base = feature * width;
    sums.fill(0, base, base + binCount[feature] * 2);
    sums[base + missingBin * 2] = 0;
    sums[base + missingBin * 2 + 1] = 0;
    if (counts !== null) {
      counts.fill(0, feature * binStride, feature * binStride + binCount[feature]);
      counts[feature * binStride + missingBin] = 0;
    }
  }
  const n = end - start;
  for (let k = 0; k < n; k++) {
    const row = rows[start + k];
    ordered[2 * k] = gradients[row];
    ordered[2 * k + 1] = hessians[row];
  }
  for (let f = from; f < to; f += 4) {
    const left = to - f;
    const f0 = features[f];
    const h0 = f0 * width;
    if (left >= 4) {
      const f1 = features[f + 1];
      const f2 = features[f + 2];
      const f3 = features[f + 3];
      const h1 = f1 * width;
      const h2 = f2 * width;
      const h3 = f3 * width;
      for (let k = 0; k < n; k++) {
        const at = rows[start + k] * nFeatures;
        const g = ordered[2 * k];
        const h = ordered[2 * k + 1];
        const s0 = h0 + codes[at + f0] * 2;
        const s1 = h1 + codes[at + f1] * 2;
        const s2 = h2 + codes[at + f2] * 2;
        const s3 = h3 + codes[at + f3] * 2;
        sums[s0] += g;
        sums[s0 + 1] += h;
        sums[s1] += g;
        sums[s1 + 1] += h;
        sums[s2] += g;
        sums[s2 + 1] += h;
        sums[s3] += g;
        sums[s3 + 1] += h;
      }
    } else if (left === 3) {
      const f1 = features[f + 1];
      const f2 = features[f + 2];
      const h1 = f1 * width;
      const h2 = f2 * width;
      for (let k = 0; k < n; k++) {
        const at = rows[start + k] * nFeatures;
        const g = ordered[2 * k];
        const h = ordered[2 * k + 1];
        const s0 = h0 + codes[at + f0] * 2;
        const s1 = h1 + codes[at + f1] * 2;
        const s2 = h2 + codes[at + f2] * 2;
        sums[s0] += g;
        sums[s0 + 1] += h;
        sums[s1] += g;
        sums[s1 + 1] += h;
        sums[s2] += g;
        sums[s2 + 1] += h;
      }
    } else if (left === 2) {
      const f1 = features[f + 1];
      const h1 = f1 * width;
      for (let k = 0; k < n; k++) {
        const at = rows[start + k] * nFeatures;
        const g = ordered[2 * k];
        const h = ordered[2 * k + 1];
        const s0 = h0 + codes[at + f0] * 2;
        const s1 = h1 + codes[at + f1] * 2;
        sums[s0] += g;
        sums[s0 + 1] += h;
        sums[s1] += g;
        sums[s1 + 1] += h;
      }
    } else {
      for (let k = 0; k < n; k++) {
        const s0 = h0 + codes[rows[start + k] * nFeatures + f0] * 2;
        sums[s0] += ordered[2 * k];
        sums[s0 + 1] += ordered[2 * k + 1];
      }
    }
  }
  if (counts === null) return;
  for (let c = from; c < to; c++) {
    const feature = features[c];
    const base = feature * binStride;
    for (let k = start; k < end; k++) counts[base + codes[rows[k] * nFeatures + feature]] += 1;
  }
}

/**
 * Fills the node's histogram on this thread for `features[from .. to)` (every listed feature by
 * default). `ordered` is scratch of at least 2 × (end − start) doubles.
 */
export function buildHistogram(
  input: HistogramInput,
  out: NodeHistogram,
  ordered: Float64Array,
  from = 0,
  to = input.features.length,
): void {
  const { codes, nFeatures, shape, rows, start, end, gradients, hessians, features } = input;
  fillHistogram(
    codes,
    nFeatures,
    shape.binStride,
    shape.missingBin,
    shape.binCount,
    rows,
    start,
    end,
    gradients,
    hessians,
    features,
    from,
    to,
    out.sums,
    out.counts,
    ordered,
  );
}

/**
 * The histogram-subtraction trick: a parent's histogram minus its smaller child's is its larger
 * child's, so only the smaller child is built from rows. Overwrites `parent` with the result
 * for the live bins of the listed features.
 */
export function subtractHistogram(
  parent: NodeHistogram,
  smaller: NodeHistogram,
  shape: HistogramShape,
  features: Int32Array,
): void {
  const { binStride, missingBin, binCount } = shape;
  const width = binStride * HISTOGRAM_STATS;
  const p = parent.sums;
  const s = smaller.sums;
  for (let f = 0; f < features.length; f++) {
    const base = features[f] * width;
    const liveEnd = base + binCount[features[f]] * HISTOGRAM_STATS;
    for (let k = base; k < liveEnd; k++) p[k] -= s[k];
    const missing = base + missingBin * HISTOGRAM_STATS;
    p[missing] -= s[missing];
    p[missing + 1] -= s[missing + 1];
  }
  const pc = parent.counts;
  const sc = smaller.counts;
  if (pc === null || sc === null) return;
  for (let f = 0; f < features.length; f++) {
    const base = features[f] * binStride;
    const liveEnd = base + binCount[features[f]];
    for (let k = base; k < liveEnd; k++) pc[k] -= sc[k];
    pc[base + missingBin] -= sc[base + missingBin];
  }
}
