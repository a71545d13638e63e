import type { DenseMatrix } from '../../data/matrix.js';
import { Rng } from '../../data/rng.js';
import { DataValidationError } from '../../errors.js';

/**
 * Per-feature bin edges learned from training data. A value x of a numeric feature falls in bin
 * b = (number of edges < x), so x ≤ edges[b] ⇔ bin ≤ b and a split "bin ≤ b" is the raw test
 * "x ≤ edges[b]". Categorical codes are their own bins. Missing values (NaN) go to `missingBin`,
 * which equals `maxBins`, so every code fits in a Uint8Array.
 */
export interface BinMapper {
  readonly nFeatures: number;
  readonly maxBins: number;
  /** The bin index reserved for missing values (= maxBins ≤ 255). */
  readonly missingBin: number;
  /** Non-missing bins used by each feature (edges + 1 for numeric, largest code + 1 for categorical). */
  readonly binCount: Int32Array;
  /** Upper edges of the numeric bins, one array per feature (empty for categorical features). */
  readonly edges: readonly Float64Array[];
  /** 1 where the feature is categorical. */
  readonly categorical: Uint8Array;
}

/**
 * Upper edges of at most `maxBins` bins: midpoints between consecutive distinct values when
 * there are few enough of them, else midpoints of quantiles (numpy's `percentile` with
 * `method='midpoint'`), as scikit-learn's `_find_binning_thresholds` does.
 */
export function quantileEdges(sortedValues: Float64Array, maxBins: number): Float64Array {
  const n = sortedValues.length;
  if (n === 0) return new Float64Array(0);
  const distinct: number[] = [sortedValues[0]];
  for (let i = 1; i < n; i++)
    if (sortedValues[i] !== sortedValues[i - 1]) distinct.push(sortedValues[i]);
  const edges: number[] = [];
  if (distinct.length <= maxBins) {
    for (let i = 0; i + 1 < distinct.length; i++) edges.push((distinct[i] + distinct[i + 1]) / 2);
    return Float64Array.from(edges);
  }
  for (let q = 1; q < maxBins; q++) {
    // numpy 'midpoint': the mean of the two order statistics around the fractional rank.
    const rank = (q / maxBins) * (n - 1);
    const below = sortedValues[Math.floor(rank)];
    const above = sortedValues[Math.ceil(rank)];
    const edge = (below + above) / 2;
    if (edges.length === 0 || edge > edges[edges.length - 1]) edges.push(edge);
  }
  return Float64Array.from(edges);
}

/** Rows the numeric bin edges are computed from at most (scikit-learn's default subsample). */
export const BIN_SAMPLE_ROWS = 200_000;

/** 1 for the rows edges are learned from: all rows, or a seeded sample of BIN_SAMPLE_ROWS. */
function edgeSample(rows: number): Uint8Array | null {
  if (rows <= BIN_SAMPLE_ROWS) return null;
  const mask = new Uint8Array(rows);
  const order = new Rng(0).permutation(rows);
  for (let k = 0; k < BIN_SAMPLE_ROWS; k++) mask[order[k]] = 1;
  return mask;
}

/**
 * Learns bin edges for every column of X (NaN = missing; Infinity is rejected naming its row
 * and column). Categorical columns must hold whole codes in [0, maxBins). Past
 * {@link BIN_SAMPLE_ROWS} rows, numeric edges come from a seeded sample of that many rows: 255
 * quantiles of 200k values are as good as of millions, and sorting every column was a
 * noticeable share of a large fit.
 */
export function fitBinMapper(
  owner: string,
  X: DenseMatrix,
  maxBins: number,
  categorical: Uint8Array,
): BinMapper {
  const { rows, cols, data } = X;
  const edges: Float64Array[] = [];
  const binCount = new Int32Array(cols);
  const sample = edgeSample(rows);
  const column = new Float64Array(sample === null ? rows : BIN_SAMPLE_ROWS);
  for (let j = 0; j < cols; j++) {
    let present = 0;
    let anyPresent = false;
    let largestCode = -1;
    for (let i = 0; i < rows; i++) {
      const x = data[i * cols + j];
      if (x !== x) continue;
      if (x === Infinity || x === -Infinity) {
        throw new DataValidationError(
          { column: String(j) },
          `${owner}: X holds ${x} at row ${i}, column ${j}; replace infinite values (NaN is read as missing).`,
        );
      }
      if (categorical[j] === 1) {
        if (!Number.isInteger(x) || x < 0 || x >= maxBins) {
          throw new DataValidationError(
            { column: String(j) },
            `${owner}: categorical column ${j} holds ${x} at row ${i}; codes must be whole numbers in [0, ${maxBins}).`,
          );
        }
        if (x > largestCode) largestCode = x;
      }
      anyPresent = true;
      if (sample === null || sample[i] === 1) column[present++] = x;
    }
    if (categorical[j] === 1) {
      edges.push(new Float64Array(0));
      binCount[j] = largestCode + 1;
      continue;
    }
    const sorted = column.slice(0, present).sort();
    const featureEdges = quantileEdges(sorted, maxBins);
    edges.push(featureEdges);
    binCount[j] = anyPresent ? featureEdges.length + 1 : 0;
  }
  return { nFeatures: cols, maxBins, missingBin: maxBins, binCount, edges, categorical };
}

/**
 * Bin codes of X, row-major like X (`codes[row * cols + feature]`), so that building a histogram
 * reads each row's codes as adjacent bytes (XGBoost's GHistIndexMatrix layout). Codes outside
 * [0, maxBins) map to the missing bin; codes unseen in training keep their own (empty) bin.
 */
export function binMatrix(mapper: BinMapper, X: DenseMatrix): Uint8Array {
  const { rows, cols, data } = X;
  const codes = new Uint8Array(rows * cols);
  for (let j = 0; j < cols; j++) {
    const featureEdges = mapper.edges[j];
    const isCategorical = mapper.categorical[j] === 1;
    for (let i = 0; i < rows; i++) {
      const x = data[i * cols + j];
      if (x !== x) {
        codes[i * cols + j] = mapper.missingBin;
      } else if (isCategorical) {
        codes[i * cols + j] =
          Number.isInteger(x) && x >= 0 && x < mapper.maxBins ? x : mapper.missingBin;
      } else {
        let low = 0;
        let high = featureEdges.length;
        while (low < high) {
          const middle = (low + high) >>> 1;
          if (x <= featureEdges[middle]) high = middle;
          else low = middle + 1;
        }
        codes[i * cols + j] = low;
      }
    }
  }
  return codes;
}
