/**
 * Gradient histograms: for every feature and bin, the sums of gradients and hessians and the
 * row count of the rows in one node, interleaved as [g, h, count] per bin so one bin's three
 * sums share a cache line. Layout: `hist[(feature * binStride + bin) * 3 + k]`.
 */
export const HISTOGRAM_STATS = 3;

/** Which bins of the histogram are live: `[0, binCount[f])` and the missing bin. */
export interface HistogramShape {
  readonly binStride: number;
  readonly missingBin: number;
  readonly binCount: Int32Array;
}

/** Doubles needed for one node's histogram. */
export function histogramLength(nFeatures: number, binStride: number): number {
  return nFeatures * binStride * HISTOGRAM_STATS;
}

/** The rows of one node, their gradients and the bin codes they are read from. */
export interface HistogramInput {
  /** Feature-major bin codes, `codes[feature * nRows + row]`. */
  readonly codes: Uint8Array;
  readonly nRows: number;
  readonly shape: HistogramShape;
  /** Row indices of the node are `rows[start .. end)`. */
  readonly rows: Int32Array;
  readonly start: number;
  readonly end: number;
  readonly gradients: Float64Array;
  readonly hessians: Float64Array;
  /** Features to fill (others are left untouched). */
  readonly features: Int32Array;
}

/** Zeroes the live bins of one feature (features with few distinct values use few bins). */
function clearFeature(
  out: Float64Array,
  histBase: number,
  shape: HistogramShape,
  feature: number,
): void {
  out.fill(0, histBase, histBase + shape.binCount[feature] * HISTOGRAM_STATS);
  const missing = histBase + shape.missingBin * HISTOGRAM_STATS;
  out[missing] = 0;
  out[missing + 1] = 0;
  out[missing + 2] = 0;
}

/**
 * Sums the node's gradients per feature and bin into `out` (zeroing the listed features first).
 * Gradients are gathered into row order once (`orderedGradients`, `orderedHessians`, scratch
 * of at least end − start), so the per-feature loops read them sequentially and only the
 * one-byte bin codes are fetched at random: scikit-learn's `ordered_gradients` trick.
 */
export function buildHistogram(
  input: HistogramInput,
  out: Float64Array,
  orderedGradients: Float64Array,
  orderedHessians: Float64Array,
): void {
  const { codes, nRows, shape, rows, start, end, gradients, hessians, features } = input;
  const count = end - start;
  for (let k = 0; k < count; k++) {
    const row = rows[start + k];
    orderedGradients[k] = gradients[row];
    orderedHessians[k] = hessians[row];
  }
  const featureWidth = shape.binStride * HISTOGRAM_STATS;
  for (let f = 0; f < features.length; f++) {
    clearFeature(out, features[f] * featureWidth, shape, features[f]);
  }
  // Four features per pass: each gathered gradient is loaded once for four histograms, and
  // consecutive additions hit different histograms, so runs of rows in the same bin do not
  // serialise on one memory slot.
  let f = 0;
  for (; f + 4 <= features.length; f += 4) {
    const h0 = features[f] * featureWidth;
    const h1 = features[f + 1] * featureWidth;
    const h2 = features[f + 2] * featureWidth;
    const h3 = features[f + 3] * featureWidth;
    const c0 = features[f] * nRows;
    const c1 = features[f + 1] * nRows;
    const c2 = features[f + 2] * nRows;
    const c3 = features[f + 3] * nRows;
    for (let k = 0; k < count; k++) {
      const row = rows[start + k];
      const g = orderedGradients[k];
      const h = orderedHessians[k];
      const s0 = h0 + codes[c0 + row] * HISTOGRAM_STATS;
      const s1 = h1 + codes[c1 + row] * HISTOGRAM_STATS;
      const s2 = h2 + codes[c2 + row] * HISTOGRAM_STATS;
      const s3 = h3 + codes[c3 + row] * HISTOGRAM_STATS;
      out[s0] += g;
      out[s0 + 1] += h;
      out[s0 + 2] += 1;
      out[s1] += g;
      out[s1 + 1] += h;
      out[s1 + 2] += 1;
      out[s2] += g;
      out[s2 + 1] += h;
      out[s2 + 2] += 1;
      out[s3] += g;
      out[s3 + 1] += h;
      out[s3 + 2] += 1;
    }
  }
  for (; f < features.length; f++) {
    const histBase = features[f] * featureWidth;
    const codeBase = features[f] * nRows;
    for (let k = 0; k < count; k++) {
      const slot = histBase + codes[codeBase + rows[start + k]] * HISTOGRAM_STATS;
      out[slot] += orderedGradients[k];
      out[slot + 1] += orderedHessians[k];
      out[slot + 2] += 1;
    }
  }
}

/**
 * The histogram-subtraction trick: a parent's histogram minus its smaller child's is its larger
 * child's, so only the smaller child is built from rows. Overwrites `parent` with the result
 * for the live bins of the listed features.
 */
export function subtractHistogram(
  parent: Float64Array,
  smaller: Float64Array,
  shape: HistogramShape,
  features: Int32Array,
): void {
  const featureWidth = shape.binStride * HISTOGRAM_STATS;
  for (let f = 0; f < features.length; f++) {
    const histBase = features[f] * featureWidth;
    const liveEnd = histBase + shape.binCount[features[f]] * HISTOGRAM_STATS;
    for (let k = histBase; k < liveEnd; k++) parent[k] -= smaller[k];
    const missing = histBase + shape.missingBin * HISTOGRAM_STATS;
    parent[missing] -= smaller[missing];
    parent[missing + 1] -= smaller[missing + 1];
    parent[missing + 2] -= smaller[missing + 2];
  }
}
