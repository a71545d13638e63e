import type { Rng } from '../../data/rng.js';
import { LOG_SQRT_2PI, logNormalMass, sampleTruncatedNormal } from './normal.js';

/** One axis of the estimator, in internal coordinates (see `internalBounds`). */
export interface ParzenAxis {
  /** Numeric axes hold truncated-normal kernels; categorical axes hold weighted categorical ones. */
  readonly categorical: boolean;
  /** Internal bounds (widened by half a step on discrete axes); choices count on categoricals. */
  readonly low: number;
  readonly high: number;
  /** Grid step on non-log ints and stepped floats (kernels give probability masses), else 0. */
  readonly step: number;
  readonly choices: number;
}

export interface ParzenOptions {
  /** Joint bandwidth (Scott-like) for every kernel, instead of the per-axis neighbour rule. */
  readonly multivariate: boolean;
  readonly priorWeight: number;
  readonly considerMagicClip: boolean;
  readonly considerEndpoints: boolean;
  /**
   * Divide each continuous kernel by its width σ, so the estimator is a true density. Optuna
   * 3.1's truncated normal `logpdf` leaves the 1/σ out, which favours wide kernels in l(x)/g(x)
   * (more exploration); `false` reproduces that, number for number.
   */
  readonly exactKernelScale: boolean;
}

const SIGMA0_MAGNITUDE = 0.2;

/**
 * Optuna 3.1's Parzen estimator: one kernel per observation plus a prior kernel (centre of
 * the range, width of the range, weight `priorWeight`), combined as a weighted mixture whose
 * kernels are products over axes. Bandwidths: the larger gap to a neighbouring centre (range
 * ends count as neighbours, except for the outermost centres unless `considerEndpoints`),
 * clipped to [range / min(100, 1 + kernels), range] (the "magic clip"); multivariate kernels
 * all use 0.2 · n^(−1/(d+4)) · range. Observations are n × d row-major internal values.
 *
 * @example
 * const below = new ParzenEstimator([parzenAxis(x)], observed, defaultWeights(n), options);
 * below.sample(rng, 24, candidates);
 * below.logPdf(candidates, 24, logDensities);
 */
export class ParzenEstimator {
  readonly #axes: readonly ParzenAxis[];
  readonly #kernels: number;
  readonly #cumulativeWeights: Float64Array;
  readonly #logWeights: Float64Array;
  /** Numeric axes, axis-major: kernel centre, width, log truncation mass, and log(σ√2π) + that mass. */
  readonly #mus: Float64Array;
  readonly #sigmas: Float64Array;
  readonly #logMasses: Float64Array;
  readonly #logNormalizers: Float64Array;
  /** Categorical axes: per axis an offset into #logProbs / #probs (kernels × choices). */
  readonly #categoricalOffsets: Int32Array;
  readonly #probs: Float64Array;
  readonly #logProbs: Float64Array;

  constructor(
    axes: readonly ParzenAxis[],
    observations: Float64Array,
    observationWeights: Float64Array,
    options: ParzenOptions,
  ) {
    const d = axes.length;
    const n = observationWeights.length;
    const k = n + 1;
    this.#axes = axes;
    this.#kernels = k;
    const weights = new Float64Array(k);
    weights.set(observationWeights);
    weights[n] = options.priorWeight;
    let total = 0;
    for (let i = 0; i < k; i++) total += weights[i];
    this.#logWeights = new Float64Array(k);
    this.#cumulativeWeights = new Float64Array(k);
    let running = 0;
    for (let i = 0; i < k; i++) {
      this.#logWeights[i] = Math.log(weights[i] / total);
      running += weights[i] / total;
      this.#cumulativeWeights[i] = running;
    }
    this.#mus = new Float64Array(d * k);
    this.#sigmas = new Float64Array(d * k);
    this.#logMasses = new Float64Array(d * k);
    this.#logNormalizers = new Float64Array(d * k);
    this.#categoricalOffsets = new Int32Array(d).fill(-1);
    let categoricalSize = 0;
    for (let a = 0; a < d; a++) {
      if (!axes[a].categorical) continue;
      this.#categoricalOffsets[a] = categoricalSize;
      categoricalSize += k * axes[a].choices;
    }
    this.#probs = new Float64Array(categoricalSize);
    this.#logProbs = new Float64Array(categoricalSize);
    for (let a = 0; a < d; a++) {
      if (axes[a].categorical) this.#fitCategorical(a, observations, n, options.priorWeight);
      else this.#fitNumeric(a, observations, n, options);
    }
  }

  get kernels(): number {
    return this.#kernels;
  }

  /** Writes `count` draws (row-major, one internal value per axis) into `out`. */
  sample(rng: Rng, count: number, out: Float64Array): void {
    const d = this.#axes.length;
    const k = this.#kernels;
    for (let s = 0; s < count; s++) {
      const u = rng.next();
      let kernel = 0;
      while (kernel < k - 1 && this.#cumulativeWeights[kernel] <= u) kernel++;
      for (let a = 0; a < d; a++) {
        const axis = this.#axes[a];
        const at = a * k + kernel;
        if (axis.categorical) {
          const base = this.#categoricalOffsets[a] + kernel * axis.choices;
          let v = rng.next();
          let choice = 0;
          while (choice < axis.choices - 1 && v >= this.#probs[base + choice]) {
            v -= this.#probs[base + choice];
            choice++;
          }
          out[s * d + a] = choice;
          continue;
        }
        let x = sampleTruncatedNormal(this.#mus[at], this.#sigmas[at], axis.low, axis.high, rng);
        if (axis.step > 0) {
          const first = axis.low + axis.step / 2;
          const last = axis.high - axis.step / 2;
          x = Math.min(
            last,
            Math.max(first, first + Math.round((x - first) / axis.step) * axis.step),
          );
        }
        out[s * d + a] = x;
      }
    }
  }

  /** Writes the log density (log mass on discrete axes) of `count` row-major points into `out`. */
  logPdf(points: Float64Array, count: number, out: Float64Array): void {
    const d = this.#axes.length;
    const k = this.#kernels;
    const logWeights = this.#logWeights;
    const mus = this.#mus;
    const sigmas = this.#sigmas;
    const logMasses = this.#logMasses;
    const logNormalizers = this.#logNormalizers;
    const logProbs = this.#logProbs;
    const perKernel = new Float64Array(k);
    for (let s = 0; s < count; s++) {
      perKernel.set(logWeights);
      for (let a = 0; a < d; a++) {
        const axis = this.#axes[a];
        const x = points[s * d + a];
        const offset = a * k;
        if (axis.categorical) {
          const base = this.#categoricalOffsets[a] + x;
          const choices = axis.choices;
          for (let i = 0; i < k; i++) perKernel[i] += logProbs[base + i * choices];
        } else if (axis.step > 0) {
          const half = axis.step / 2;
          for (let i = 0; i < k; i++) {
            const mu = mus[offset + i];
            const sigma = sigmas[offset + i];
            perKernel[i] +=
              logNormalMass((x - half - mu) / sigma, (x + half - mu) / sigma) -
              logMasses[offset + i];
          }
        } else {
          for (let i = 0; i < k; i++) {
            const z = (x - mus[offset + i]) / sigmas[offset + i];
            perKernel[i] -= 0.5 * z * z + logNormalizers[offset + i];
          }
        }
      }
      let max = -Infinity;
      for (let i = 0; i < k; i++) if (perKernel[i] > max) max = perKernel[i];
      let sum = 0;
      for (let i = 0; i < k; i++) sum += Math.exp(perKernel[i] - max);
      out[s] = max + Math.log(sum);
    }
  }

  #fitNumeric(a: number, observations: Float64Array, n: number, options: ParzenOptions): void {
    const axis = this.#axes[a];
    const d = this.#axes.length;
    const k = n + 1;
    const range = axis.high - axis.low;
    const mus = this.#mus.subarray(a * k, (a + 1) * k);
    const sigmas = this.#sigmas.subarray(a * k, (a + 1) * k);
    for (let i = 0; i < n; i++) mus[i] = observations[i * d + a];
    mus[n] = 0.5 * (axis.low + axis.high);
    if (options.multivariate) {
      sigmas.fill(SIGMA0_MAGNITUDE * Math.max(n, 1) ** (-1 / (d + 4)) * range);
    } else {
      neighbourBandwidths(mus, axis.low, axis.high, options.considerEndpoints, sigmas);
    }
    const minSigma = options.considerMagicClip ? range / Math.min(100, 1 + k) : 1e-12;
    for (let i = 0; i < n; i++) sigmas[i] = Math.min(range, Math.max(minSigma, sigmas[i]));
    sigmas[n] = range;
    for (let i = 0; i < k; i++) {
      const sigma = sigmas[i];
      const logMass = logNormalMass((axis.low - mus[i]) / sigma, (axis.high - mus[i]) / sigma);
      this.#logMasses[a * k + i] = logMass;
      this.#logNormalizers[a * k + i] =
        LOG_SQRT_2PI + logMass + (options.exactKernelScale ? Math.log(sigma) : 0);
    }
  }

  #fitCategorical(a: number, observations: Float64Array, n: number, priorWeight: number): void {
    const axis = this.#axes[a];
    const d = this.#axes.length;
    const k = n + 1;
    const c = axis.choices;
    const base = this.#categoricalOffsets[a];
    // Each observation kernel: a floor of priorWeight / kernels on every choice plus 1 on the
    // observed one, normalised; the prior kernel is uniform.
    for (let i = 0; i < k; i++) {
      const row = base + i * c;
      const floor = i < n ? priorWeight / k : 1;
      for (let j = 0; j < c; j++) this.#probs[row + j] = floor;
      if (i < n) this.#probs[row + observations[i * d + a]] += 1;
      let total = 0;
      for (let j = 0; j < c; j++) total += this.#probs[row + j];
      for (let j = 0; j < c; j++) {
        this.#probs[row + j] /= total;
        this.#logProbs[row + j] = Math.log(this.#probs[row + j]);
      }
    }
  }
}

/** Per-centre bandwidth: the larger gap to its sorted neighbours, range ends included. */
function neighbourBandwidths(
  mus: Float64Array,
  low: number,
  high: number,
  considerEndpoints: boolean,
  out: Float64Array,
): void {
  const k = mus.length;
  const order = new Int32Array(k);
  for (let i = 0; i < k; i++) order[i] = i;
  order.sort((i, j) => mus[i] - mus[j]);
  const sorted = new Float64Array(k + 2);
  sorted[0] = low;
  sorted[k + 1] = high;
  for (let i = 0; i < k; i++) sorted[i + 1] = mus[order[i]];
  const widths = new Float64Array(k);
  for (let i = 0; i < k; i++)
    widths[i] = Math.max(sorted[i + 1] - sorted[i], sorted[i + 2] - sorted[i + 1]);
  if (!considerEndpoints && k >= 2) {
    widths[0] = sorted[2] - sorted[1];
    widths[k - 1] = sorted[k] - sorted[k - 1];
  }
  for (let i = 0; i < k; i++) out[order[i]] = widths[i];
}
