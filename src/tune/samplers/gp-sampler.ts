import { Rng } from '../../data/rng.js';
import { InvalidParameterError } from '../../errors.js';
import type { Distribution, ParamValue } from '../distributions.js';
import { sampleUniform } from '../distributions.js';
import type { FrozenTrial, Sampler, StudyView } from '../types.js';
import { GaussianProcess } from './gp/gaussian-process.js';
import { normalCdf } from './normal.js';
import { intersectionSearchSpace } from './search-space.js';
import { resolveCount, resolveSeed } from './seed.js';
import { UnitCube } from './unit-cube.js';

export type Acquisition = 'ei' | 'ucb' | 'pi';

export interface GpSamplerOptions {
  readonly seed?: number;
  /** Random trials before the model is used. Default 10. */
  readonly nStartupTrials?: number;
  /** Expected improvement (default), upper confidence bound or probability of improvement. */
  readonly acquisition?: Acquisition;
  /** UCB's exploration weight β (mean − β·std is minimised). Default 2. */
  readonly ucbBeta?: number;
  /** Random starting candidates for maximising the acquisition. Default 1,000. */
  readonly candidates?: number;
  /** Most observations the model is fitted to: the best half and the most recent half. Default 200. */
  readonly maxObservations?: number;
}

const INV_SQRT_2PI = 1 / Math.sqrt(2 * Math.PI);
/** Asks per fit of the hyper-parameters (the others reuse the last fit's). */
const REFIT_EVERY = 5;

/**
 * Bayesian optimisation with a Gaussian process (Matérn-5/2, one length scale per dimension,
 * hyper-parameters by maximum marginal likelihood) over the parameters every completed trial
 * shares, mapped to the unit cube (log scales as logs; ints and steps rounded at the end;
 * categoricals as their choice index — an ordinal simplification). Objective values are
 * standardised and minimised (maximised ones are negated); pruned and failed trials are left out.
 * The acquisition (EI, UCB or PI) is maximised over random candidates, the best of them then
 * refined by a shrinking local search. To keep an ask under ~200 ms the model sees at most
 * `maxObservations` trials and its hyper-parameters are refitted every fifth ask, warm-started. The first trials, and parameters outside the shared space, are
 * sampled uniformly at random. Single objective only.
 *
 * @example
 * const study = createStudy({ sampler: new GpSampler({ seed: 3, acquisition: 'ei' }) });
 */
export class GpSampler implements Sampler {
  readonly options: Readonly<Required<GpSamplerOptions>>;
  readonly #rng: Rng;
  #theta: Float64Array | null = null;
  #thetaKey = '';
  #asksSinceFit = 0;

  constructor(options: GpSamplerOptions = {}) {
    const owner = 'GpSampler';
    const acquisition = options.acquisition ?? 'ei';
    if (!['ei', 'ucb', 'pi'].includes(acquisition))
      throw new InvalidParameterError(
        owner,
        'acquisition',
        `must be ei, ucb or pi (got ${String(acquisition)})`,
      );
    const ucbBeta = options.ucbBeta ?? 2;
    if (!(ucbBeta >= 0) || !Number.isFinite(ucbBeta))
      throw new InvalidParameterError(owner, 'ucbBeta', `must be ≥ 0 (got ${ucbBeta})`);
    this.options = Object.freeze({
      seed: resolveSeed(owner, options.seed),
      nStartupTrials: resolveCount(owner, 'nStartupTrials', options.nStartupTrials, 10, 1),
      acquisition,
      ucbBeta,
      candidates: resolveCount(owner, 'candidates', options.candidates, 1000, 1),
      maxObservations: resolveCount(owner, 'maxObservations', options.maxObservations, 200, 2),
    });
    this.#rng = new Rng(this.options.seed);
  }

  inferRelativeSearchSpace(study: StudyView): Record<string, Distribution> {
    if (study.directions.length !== 1)
      throw new InvalidParameterError('GpSampler', 'directions', 'must hold one objective');
    if (study.trials(['COMPLETE']).length < this.options.nStartupTrials) return {};
    return intersectionSearchSpace(study);
  }

  sampleRelative(
    study: StudyView,
    _trial: FrozenTrial,
    space: Readonly<Record<string, Distribution>>,
  ): Record<string, ParamValue> {
    const cube = new UnitCube(space);
    const sign = study.directions[0] === 'maximize' ? -1 : 1;
    const observed = this.#observations(study, cube, sign);
    const d = cube.dimensions;
    const X = new Float64Array(observed.length * d);
    observed.forEach((o, i) => X.set(o.point, i * d));
    const raw = Float64Array.from(observed, (o) => o.value);
    const mean = raw.reduce((s, v) => s + v, 0) / raw.length;
    const sd = Math.sqrt(raw.reduce((s, v) => s + (v - mean) ** 2, 0) / raw.length) || 1;
    const y = raw.map((v) => (v - mean) / sd);
    const warm = this.#theta !== null && this.#thetaKey === cube.key;
    const gp = new GaussianProcess(X, y, d, warm ? (this.#theta as Float64Array) : undefined);
    // Hyper-parameters move little from one trial to the next: refit them (from the last fit)
    // every few asks and only condition on the new data in between, which keeps an ask cheap.
    if (warm && this.#asksSinceFit < REFIT_EVERY - 1) {
      gp.condition();
      this.#asksSinceFit++;
    } else {
      gp.fit(warm ? 15 : 50);
      this.#asksSinceFit = 0;
    }
    this.#theta = Float64Array.from(gp.theta);
    this.#thetaKey = cube.key;
    const best = y.reduce((m, v) => Math.min(m, v), Infinity);
    const score = (point: Float64Array) => this.#acquisition(gp.predict(point), best);
    return cube.fromUnit(this.#maximise(score, d, observed));
  }

  sampleIndependent(
    _study: StudyView,
    _trial: FrozenTrial,
    _name: string,
    distribution: Distribution,
  ): ParamValue {
    return sampleUniform(distribution, this.#rng);
  }

  /** Completed trials as cube points and signed values: the best half and the newest half. */
  #observations(study: StudyView, cube: UnitCube, sign: number) {
    const all = study
      .trials(['COMPLETE'])
      .filter((t) => t.values !== null && Number.isFinite(t.values[0]))
      .map((t) => ({
        number: t.number,
        point: cube.toUnit(t.params),
        value: sign * (t.values as number[])[0],
      }));
    const cap = this.options.maxObservations;
    if (all.length <= cap) return all;
    const best = [...all].sort((a, b) => a.value - b.value).slice(0, cap >> 1);
    const chosen = new Set(best.map((o) => o.number));
    for (let i = all.length - 1; i >= 0 && chosen.size < cap; i--) chosen.add(all[i].number);
    return all.filter((o) => chosen.has(o.number));
  }

  #acquisition({ mean, std }: { mean: number; std: number }, best: number): number {
    if (this.options.acquisition === 'ucb') return -(mean - this.options.ucbBeta * std);
    const z = (best - mean) / std;
    if (this.options.acquisition === 'pi') return normalCdf(z);
    return (best - mean) * normalCdf(z) + std * INV_SQRT_2PI * Math.exp(-0.5 * z * z);
  }

  /** Random candidates (and jitters of the best observations), then local refinement of the top 5. */
  #maximise(
    score: (point: Float64Array) => number,
    d: number,
    observed: readonly { point: Float64Array; value: number }[],
  ): Float64Array {
    const candidates: { point: Float64Array; value: number }[] = [];
    for (let c = 0; c < this.options.candidates; c++) {
      const point = Float64Array.from({ length: d }, () => this.#rng.next());
      candidates.push({ point, value: score(point) });
    }
    for (const o of [...observed].sort((a, b) => a.value - b.value).slice(0, 5)) {
      const point = o.point.map((v) => clip(v + 0.05 * this.#rng.normal()));
      candidates.push({ point, value: score(point) });
    }
    candidates.sort((a, b) => b.value - a.value);
    let winner = candidates[0];
    for (const start of candidates.slice(0, 5)) {
      let current = start;
      let step = 0.1;
      for (let iteration = 0; iteration < 30 && step > 1e-3; iteration++) {
        const point = current.point.map((v) => clip(v + step * this.#rng.normal()));
        const value = score(point);
        if (value > current.value) current = { point, value };
        else step *= 0.8;
      }
      if (current.value > winner.value) winner = current;
    }
    return winner.point;
  }
}

function clip(v: number): number {
  return Math.min(1, Math.max(0, v));
}
