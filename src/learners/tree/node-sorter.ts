import type { RankedColumns } from './ranked-columns.js';

/** Above this many level slots per node row, a radix sort beats a counting sort. */
const COUNTING_SLOTS_PER_ROW = 4;
/** Nodes up to this many rows are insertion-sorted. */
const INSERTION_SORT_ROWS = 24;

/**
 * Orders a node's rows by one feature, missing values last, with scratch buffers allocated
 * once per tree. `gather` reads the node's codes and their present range (counting them per
 * code when the feature has few levels); `sort` then orders the rows by code: a counting sort
 * over the codes the node spans when they are few (O(rows + span)), otherwise a radix sort
 * (O(rows) per 8 bits of span) or, for tiny nodes, an insertion sort.
 * Both are stable, so equal values keep the node's row order.
 *
 * @example
 * const sorter = new NodeSorter(ranked, rowCount);
 * sorter.gather(feature, samples, start, end);
 * if (sorter.presentCount > 0) sorter.sort(samples, start, end); // sorter.sortedSamples…
 */
export class NodeSorter {
  /** The node's rows by ascending value (missing last), at `[0, end − start)`. */
  readonly sortedSamples: Int32Array;
  /** Their codes, aligned with `sortedSamples`. */
  readonly sortedCodes: Int32Array;
  /** The node's codes in node order, at `[0, end − start)`, after `gather`. */
  readonly gatheredCodes: Int32Array;
  /** Rows with a present (non-NaN) value, after `gather`. */
  presentCount = 0;
  /** Smallest and largest present code, after `gather` (meaningless if presentCount is 0). */
  lowCode = 0;
  highCode = 0;
  /** The code that marks a missing value in the gathered feature (its level count). */
  missingCode = 0;
  readonly #ranked: RankedColumns;
  /**
   * Scratch counts; right after a `gather` with `countedByCode`, the node's rows per code
   * (slot = code, missing rows in slot `missingCode`).
   */
  readonly codeCounts: Int32Array;
  readonly #radixKeys: Int32Array;
  readonly #radixRows: Int32Array;
  readonly #digitCounts = new Int32Array(256);
  /** Whether `gather` left per-code counts in `#counts` (slot = code, missing = level count). */
  countedByCode = false;

  constructor(ranked: RankedColumns, maxRows: number) {
    this.#ranked = ranked;
    this.sortedSamples = new Int32Array(maxRows);
    this.sortedCodes = new Int32Array(maxRows);
    this.gatheredCodes = new Int32Array(maxRows);
    this.#radixKeys = new Int32Array(maxRows);
    this.#radixRows = new Int32Array(maxRows);
    let widest = 0;
    for (let j = 0; j < ranked.cols; j++)
      widest = Math.max(widest, ranked.levelStart[j + 1] - ranked.levelStart[j]);
    this.codeCounts = new Int32Array(Math.min(widest, COUNTING_SLOTS_PER_ROW * maxRows) + 2);
  }

  gather(feature: number, samples: Int32Array, start: number, end: number): void {
    const codes = this.#ranked.codes;
    const base = feature * this.#ranked.rows;
    const missing = this.#ranked.levelStart[feature + 1] - this.#ranked.levelStart[feature];
    const gathered = this.gatheredCodes;
    const size = end - start;
    this.missingCode = missing;
    // Few levels (letters: 16): count them while gathering, so `sort` skips its counting pass.
    this.countedByCode =
      missing <= COUNTING_SLOTS_PER_ROW * size && missing + 1 <= this.codeCounts.length;
    if (this.countedByCode) {
      const counts = this.codeCounts;
      counts.fill(0, 0, missing + 1);
      for (let p = 0; p < size; p++) {
        const code = codes[base + samples[start + p]];
        gathered[p] = code;
        counts[code]++;
      }
      this.summariseCounts(feature, size);
      return;
    }
    let low = missing;
    let high = -1;
    let present = 0;
    for (let p = 0; p < size; p++) {
      const code = codes[base + samples[start + p]];
      gathered[p] = code;
      if (code === missing) continue;
      present++;
      if (code < low) low = code;
      if (code > high) high = code;
    }
    this.presentCount = present;
    this.lowCode = low;
    this.highCode = high;
  }

  /**
   * Reads the node's present range from the per-code row counts in `codeCounts` (filled by
   * `gather`, or by a binned criterion instead of gathering, in which case `gatheredCodes` is
   * stale and `sort` must not be called).
   */
  summariseCounts(feature: number, size: number): void {
    const missing = this.#ranked.levelStart[feature + 1] - this.#ranked.levelStart[feature];
    const counts = this.codeCounts;
    let low = 0;
    while (low < missing && counts[low] === 0) low++;
    let high = missing - 1;
    while (high > low && counts[high] === 0) high--;
    this.missingCode = missing;
    this.countedByCode = true;
    this.presentCount = size - counts[missing];
    this.lowCode = low;
    this.highCode = high;
  }

  /** Orders the gathered node `[start, end)` of `samples`; call after `gather` on it. */
  sort(samples: Int32Array, start: number, end: number): void {
    const size = end - start;
    const span = this.highCode - this.lowCode + 1;
    if (this.countedByCode) this.#placeCounted(samples, start, size);
    else if (span <= COUNTING_SLOTS_PER_ROW * size && span + 2 <= this.codeCounts.length)
      this.#countingSort(samples, start, size, span);
    else this.#radixSort(samples, start, size, span);
  }

  /** The counting sort's placement pass over counts `gather` made per code (missing last). */
  #placeCounted(samples: Int32Array, start: number, size: number): void {
    const counts = this.codeCounts;
    const missing = this.missingCode;
    let offset = 0;
    for (let code = this.lowCode; code <= this.highCode; code++) {
      const n = counts[code];
      counts[code] = offset;
      offset += n;
    }
    counts[missing] = offset;
    const gathered = this.gatheredCodes;
    const sortedSamples = this.sortedSamples;
    const sortedCodes = this.sortedCodes;
    for (let p = 0; p < size; p++) {
      const code = gathered[p];
      const at = counts[code]++;
      sortedSamples[at] = samples[start + p];
      sortedCodes[at] = code;
    }
  }

  /** Slot k holds code lowCode + k; slot `span` holds the missing rows. */
  #countingSort(samples: Int32Array, start: number, size: number, span: number): void {
    const counts = this.codeCounts;
    const gathered = this.gatheredCodes;
    const low = this.lowCode;
    const missing = this.missingCode;
    counts.fill(0, 0, span + 1);
    for (let p = 0; p < size; p++) {
      const code = gathered[p];
      counts[code === missing ? span : code - low]++;
    }
    let offset = 0;
    for (let k = 0; k <= span; k++) {
      const n = counts[k];
      counts[k] = offset;
      offset += n;
    }
    const sortedSamples = this.sortedSamples;
    const sortedCodes = this.sortedCodes;
    for (let p = 0; p < size; p++) {
      const code = gathered[p];
      const at = counts[code === missing ? span : code - low]++;
      sortedSamples[at] = samples[start + p];
      sortedCodes[at] = code;
    }
  }

  /**
   * Stable sort by `code − lowCode` (missing rows keyed `span`, so last): insertion sort for
   * small nodes, else least-significant-digit radix sort, one counting pass per 8-bit digit of
   * the span (two for up to 65536 levels), so O(rows) however the levels are spread.
   */
  #radixSort(samples: Int32Array, start: number, size: number, span: number): void {
    const gathered = this.gatheredCodes;
    const low = this.lowCode;
    const missing = this.missingCode;
    let keys = this.sortedCodes;
    let rows = this.sortedSamples;
    if (size <= INSERTION_SORT_ROWS) {
      for (let p = 0; p < size; p++) {
        const code = gathered[p];
        const key = code === missing ? span : code - low;
        const sample = samples[start + p];
        let at = p;
        while (at > 0 && keys[at - 1] > key) {
          keys[at] = keys[at - 1];
          rows[at] = rows[at - 1];
          at--;
        }
        keys[at] = key;
        rows[at] = sample;
      }
    } else {
      let otherKeys = this.#radixKeys;
      let otherRows = this.#radixRows;
      for (let p = 0; p < size; p++) {
        const code = gathered[p];
        otherKeys[p] = code === missing ? span : code - low;
        otherRows[p] = samples[start + p];
      }
      const digits = this.#digitCounts;
      for (let shift = 0; shift < 32 && span >>> shift > 0; shift += 8) {
        digits.fill(0);
        for (let p = 0; p < size; p++) digits[(otherKeys[p] >>> shift) & 255]++;
        let offset = 0;
        for (let d = 0; d < 256; d++) {
          const n = digits[d];
          digits[d] = offset;
          offset += n;
        }
        for (let p = 0; p < size; p++) {
          const key = otherKeys[p];
          const at = digits[(key >>> shift) & 255]++;
          keys[at] = key;
          rows[at] = otherRows[p];
        }
        const sortedKeys = keys;
        const sortedRows = rows;
        keys = otherKeys;
        rows = otherRows;
        otherKeys = sortedKeys;
        otherRows = sortedRows;
      }
      // After the last pass the sorted rows are in `other*`; bring them home if needed.
      if (otherKeys !== this.sortedCodes) {
        this.sortedCodes.set(otherKeys.subarray(0, size));
        this.sortedSamples.set(otherRows.subarray(0, size));
      }
    }
    const sortedCodes = this.sortedCodes;
    for (let p = 0; p < size; p++) {
      const key = sortedCodes[p];
      sortedCodes[p] = key === span ? missing : key + low;
    }
  }
}
