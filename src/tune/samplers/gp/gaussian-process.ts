import { choleskyFactor, choleskySolve } from '../../../learners/optim/cholesky.js';
import { minimizeLbfgs } from '../../../learners/optim/lbfgs.js';

const SQRT5 = Math.sqrt(5);

/**
 * A Gaussian process on points of the unit cube with a Matérn-5/2 kernel with one length scale
 * per dimension (ARD), a signal variance and a noise variance. Targets should be standardised.
 * Hyper-parameters (their logs) are fitted by maximising the log marginal likelihood with
 * L-BFGS under weak log-normal priors that keep them in a sane range.
 *
 * @example
 * const gp = new GaussianProcess(X, y, 2);
 * gp.fit();
 * const { mean, std } = gp.predict(Float64Array.of(0.3, 0.7));
 */
export class GaussianProcess {
  readonly n: number;
  readonly d: number;
  readonly #X: Float64Array;
  readonly #y: Float64Array;
  /** log length scales (d), log signal variance, log noise variance. */
  readonly theta: Float64Array;
  #L: Float64Array | null = null;
  #alpha: Float64Array | null = null;

  constructor(X: Float64Array, y: Float64Array, d: number, theta?: Float64Array) {
    this.n = y.length;
    this.d = d;
    this.#X = X;
    this.#y = y;
    this.theta = theta === undefined ? defaultTheta(d) : Float64Array.from(theta);
  }

  /** Fits the hyper-parameters (from the current ones), then factorises the kernel matrix. */
  fit(maxIterations = 50): void {
    const x = Float64Array.from(this.theta);
    minimizeLbfgs((t, g) => this.negativeLogPosterior(t, g), x, {
      maxIterations,
      gradientTolerance: 1e-5,
      relativeDecreaseTolerance: 1e-9,
    });
    if (Number.isFinite(this.negativeLogPosterior(x, new Float64Array(x.length))))
      this.theta.set(x);
    this.#factorise();
  }

  /** Uses the current hyper-parameters as they are. */
  condition(): void {
    this.#factorise();
  }

  /** The predictive mean and standard deviation of the latent function at a point. */
  predict(point: Float64Array): { mean: number; std: number } {
    const L = this.#L as Float64Array;
    const alpha = this.#alpha as Float64Array;
    const { n } = this;
    const signal = Math.exp(this.theta[this.d]);
    const k = new Float64Array(n);
    let mean = 0;
    for (let i = 0; i < n; i++) {
      k[i] = signal * matern(this.#distance(point, i));
      mean += k[i] * alpha[i];
    }
    // v = L⁻¹ k by forward substitution; variance = k(x, x) − v·v.
    let explained = 0;
    for (let i = 0; i < n; i++) {
      let s = k[i];
      for (let j = 0; j < i; j++) s -= L[i * n + j] * k[j];
      k[i] = s / L[i * n + i];
      explained += k[i] * k[i];
    }
    return { mean, std: Math.sqrt(Math.max(signal - explained, 1e-12)) };
  }

  /**
   * −log p(y | θ) − log prior(θ), with its gradient (from ½ tr((K⁻¹ − ααᵀ) ∂K/∂θ)). Infinity
   * when the kernel matrix is not positive definite.
   */
  negativeLogPosterior(theta: Float64Array, gradient: Float64Array): number {
    const { n, d } = this;
    const K = this.#kernelMatrix(theta);
    const L = Float64Array.from(K);
    if (!choleskyFactor(L, n)) {
      gradient.fill(0);
      return Infinity;
    }
    const alpha = Float64Array.from(this.#y);
    choleskySolve(L, n, alpha);
    let value = 0;
    for (let i = 0; i < n; i++) value += 0.5 * this.#y[i] * alpha[i] + Math.log(L[i * n + i]);
    value += 0.5 * n * Math.log(2 * Math.PI);
    // W = K⁻¹ − ααᵀ, column by column.
    const W = new Float64Array(n * n);
    const column = new Float64Array(n);
    for (let j = 0; j < n; j++) {
      column.fill(0);
      column[j] = 1;
      choleskySolve(L, n, column);
      for (let i = 0; i < n; i++) W[i * n + j] = column[i] - alpha[i] * alpha[j];
    }
    gradient.fill(0);
    const signal = Math.exp(theta[d]);
    const noise = Math.exp(theta[d + 1]);
    const lengths = Float64Array.from({ length: d }, (_, k) => Math.exp(theta[k]));
    for (let i = 0; i < n; i++) {
      for (let j = 0; j <= i; j++) {
        const w = (i === j ? 0.5 : 1) * W[i * n + j];
        let r2 = 0;
        for (let k = 0; k < d; k++)
          r2 += ((this.#X[i * d + k] - this.#X[j * d + k]) / lengths[k]) ** 2;
        const r = Math.sqrt(r2);
        const decay = Math.exp(-SQRT5 * r);
        gradient[d] += w * signal * (1 + SQRT5 * r + (5 / 3) * r2) * decay;
        const common = (5 / 3) * signal * (1 + SQRT5 * r) * decay;
        for (let k = 0; k < d; k++) {
          const delta = (this.#X[i * d + k] - this.#X[j * d + k]) / lengths[k];
          gradient[k] += w * common * delta * delta;
        }
      }
      gradient[d + 1] += 0.5 * W[i * n + i] * noise;
    }
    // Log-normal priors: length scales around 0.5 of the cube, unit signal, small noise.
    const priors = priorsFor(d);
    for (let t = 0; t < theta.length; t++) {
      const z = (theta[t] - priors.mean[t]) / priors.sd[t];
      value += 0.5 * z * z;
      gradient[t] += z / priors.sd[t];
    }
    return value;
  }

  #distance(point: Float64Array, i: number): number {
    let r2 = 0;
    for (let k = 0; k < this.d; k++)
      r2 += ((point[k] - this.#X[i * this.d + k]) / Math.exp(this.theta[k])) ** 2;
    return Math.sqrt(r2);
  }

  #kernelMatrix(theta: Float64Array): Float64Array {
    const { n, d } = this;
    const signal = Math.exp(theta[d]);
    const noise = Math.exp(theta[d + 1]);
    const lengths = Float64Array.from({ length: d }, (_, k) => Math.exp(theta[k]));
    const K = new Float64Array(n * n);
    for (let i = 0; i < n; i++) {
      for (let j = 0; j <= i; j++) {
        let r2 = 0;
        for (let k = 0; k < d; k++)
          r2 += ((this.#X[i * d + k] - this.#X[j * d + k]) / lengths[k]) ** 2;
        const value = signal * matern(Math.sqrt(r2)) + (i === j ? noise + 1e-9 : 0);
        K[i * n + j] = value;
        K[j * n + i] = value;
      }
    }
    return K;
  }

  #factorise(): void {
    const { n } = this;
    const L = this.#kernelMatrix(this.theta);
    // Should the fitted θ be borderline, more noise (jitter) makes the matrix usable.
    for (let attempt = 0; !choleskyFactor(L, n) && attempt < 6; attempt++) {
      this.theta[this.d + 1] += Math.log(10);
      L.set(this.#kernelMatrix(this.theta));
    }
    const alpha = Float64Array.from(this.#y);
    choleskySolve(L, n, alpha);
    this.#L = L;
    this.#alpha = alpha;
  }
}

/** Matérn-5/2 correlation at scaled distance r. */
export function matern(r: number): number {
  return (1 + SQRT5 * r + (5 / 3) * r * r) * Math.exp(-SQRT5 * r);
}

function defaultTheta(d: number): Float64Array {
  return priorsFor(d).mean.slice();
}

function priorsFor(d: number): { mean: Float64Array; sd: Float64Array } {
  const mean = new Float64Array(d + 2);
  const sd = new Float64Array(d + 2);
  for (let k = 0; k < d; k++) {
    mean[k] = Math.log(0.5);
    sd[k] = 1.5;
  }
  mean[d] = 0;
  sd[d] = 1.5;
  mean[d + 1] = Math.log(1e-3);
  sd[d + 1] = 2;
  return { mean, sd };
}
