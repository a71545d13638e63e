import { EigenvalueDecomposition, Matrix } from 'ml-matrix';
import type { Rng } from '../../data/rng.js';

/**
 * The state of a (μ/μ_w, λ)-CMA-ES in n dimensions, as in Hansen's tutorial ("The CMA Evolution
 * Strategy: A Tutorial", 2016): weighted recombination of the best half, cumulative step-size
 * adaptation, rank-one and rank-μ covariance updates. Dense Float64Arrays, row-major n × n.
 */
export class CmaState {
  readonly n: number;
  readonly lambda: number;
  readonly mu: number;
  readonly weights: Float64Array;
  readonly muEff: number;
  readonly #cc: number;
  readonly #cs: number;
  readonly #c1: number;
  readonly #cmu: number;
  readonly #damps: number;
  readonly #chiN: number;
  readonly mean: Float64Array;
  sigma: number;
  readonly #C: Float64Array;
  readonly #pc: Float64Array;
  readonly #ps: Float64Array;
  /** C = B diag(D²) Bᵀ: eigenvectors in the columns of B, D the square roots of eigenvalues. */
  readonly #B: Float64Array;
  readonly #D: Float64Array;
  #generations = 0;

  constructor(mean: Float64Array, sigma: number, lambda: number) {
    const n = mean.length;
    this.n = n;
    this.lambda = lambda;
    this.mu = Math.floor(lambda / 2);
    const raw = Float64Array.from(
      { length: this.mu },
      (_, i) => Math.log(this.mu + 0.5) - Math.log(i + 1),
    );
    const sum = raw.reduce((s, w) => s + w, 0);
    this.weights = raw.map((w) => w / sum);
    this.muEff = 1 / this.weights.reduce((s, w) => s + w * w, 0);
    const muEff = this.muEff;
    this.#cc = (4 + muEff / n) / (n + 4 + (2 * muEff) / n);
    this.#cs = (muEff + 2) / (n + muEff + 5);
    this.#c1 = 2 / ((n + 1.3) ** 2 + muEff);
    this.#cmu = Math.min(1 - this.#c1, (2 * (muEff - 2 + 1 / muEff)) / ((n + 2) ** 2 + muEff));
    this.#damps = 1 + 2 * Math.max(0, Math.sqrt((muEff - 1) / (n + 1)) - 1) + this.#cs;
    this.#chiN = Math.sqrt(n) * (1 - 1 / (4 * n) + 1 / (21 * n * n));
    this.mean = Float64Array.from(mean);
    this.sigma = sigma;
    this.#C = identity(n);
    this.#B = identity(n);
    this.#D = new Float64Array(n).fill(1);
    this.#pc = new Float64Array(n);
    this.#ps = new Float64Array(n);
  }

  get generations(): number {
    return this.#generations;
  }

  /** One candidate m + σ B D z, z ~ N(0, I). */
  sample(rng: Rng, out: Float64Array): void {
    const { n } = this;
    const scaled = new Float64Array(n);
    for (let i = 0; i < n; i++) scaled[i] = this.#D[i] * rng.normal();
    for (let i = 0; i < n; i++) {
      let y = 0;
      for (let j = 0; j < n; j++) y += this.#B[i * n + j] * scaled[j];
      out[i] = this.mean[i] + this.sigma * y;
    }
  }

  /** Updates from one generation: `solutions` rows (n each), sorted best first, at least μ. */
  tell(solutions: readonly Float64Array[]): void {
    const { n, mu, weights, muEff } = this;
    const old = Float64Array.from(this.mean);
    this.mean.fill(0);
    for (let k = 0; k < mu; k++)
      for (let i = 0; i < n; i++) this.mean[i] += weights[k] * solutions[k][i];
    const step = new Float64Array(n);
    for (let i = 0; i < n; i++) step[i] = (this.mean[i] - old[i]) / this.sigma;
    // C^(-1/2) step = B D⁻¹ Bᵀ step.
    const bt = new Float64Array(n);
    for (let j = 0; j < n; j++) {
      let s = 0;
      for (let i = 0; i < n; i++) s += this.#B[i * n + j] * step[i];
      bt[j] = s / this.#D[j];
    }
    const cs = this.#cs;
    const csNorm = Math.sqrt(cs * (2 - cs) * muEff);
    let psNorm = 0;
    for (let i = 0; i < n; i++) {
      let s = 0;
      for (let j = 0; j < n; j++) s += this.#B[i * n + j] * bt[j];
      this.#ps[i] = (1 - cs) * this.#ps[i] + csNorm * s;
      psNorm += this.#ps[i] ** 2;
    }
    psNorm = Math.sqrt(psNorm);
    this.#generations++;
    const hsig =
      psNorm / Math.sqrt(1 - (1 - cs) ** (2 * this.#generations)) / this.#chiN < 1.4 + 2 / (n + 1)
        ? 1
        : 0;
    const cc = this.#cc;
    const ccNorm = Math.sqrt(cc * (2 - cc) * muEff);
    for (let i = 0; i < n; i++) this.#pc[i] = (1 - cc) * this.#pc[i] + hsig * ccNorm * step[i];
    const c1 = this.#c1;
    const cmu = this.#cmu;
    const keep = 1 - c1 - cmu;
    const correction = (1 - hsig) * cc * (2 - cc);
    for (let i = 0; i < n; i++) {
      for (let j = 0; j <= i; j++) {
        let rankMu = 0;
        for (let k = 0; k < mu; k++)
          rankMu +=
            weights[k] *
            ((solutions[k][i] - old[i]) / this.sigma) *
            ((solutions[k][j] - old[j]) / this.sigma);
        const value =
          keep * this.#C[i * n + j] +
          c1 * (this.#pc[i] * this.#pc[j] + correction * this.#C[i * n + j]) +
          cmu * rankMu;
        this.#C[i * n + j] = value;
        this.#C[j * n + i] = value;
      }
    }
    this.sigma *= Math.exp((cs / this.#damps) * (psNorm / this.#chiN - 1));
    this.#decompose();
  }

  #decompose(): void {
    const { n } = this;
    const rows = Array.from({ length: n }, (_, i) =>
      Array.from(this.#C.subarray(i * n, i * n + n)),
    );
    const eig = new EigenvalueDecomposition(new Matrix(rows), { assumeSymmetric: true });
    const vectors = eig.eigenvectorMatrix;
    eig.realEigenvalues.forEach((value, j) => {
      // Round-off can leave a tiny negative eigenvalue; floor it so sampling stays defined.
      this.#D[j] = Math.sqrt(Math.max(value, 1e-20));
      for (let i = 0; i < n; i++) this.#B[i * n + j] = vectors.get(i, j);
    });
  }
}

function identity(n: number): Float64Array {
  const out = new Float64Array(n * n);
  for (let i = 0; i < n; i++) out[i * n + i] = 1;
  return out;
}
