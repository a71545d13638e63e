export { RandomSampler, type RandomSamplerOptions } from './random-sampler.js';
export { GridSampler, type GridSamplerOptions } from './grid-sampler.js';
export { gridAxis } from './grid-axis.js';
export { QmcSampler, type QmcSamplerOptions } from './qmc-sampler.js';
export { SOBOL_MAX_DIMENSIONS, sobolDirections, sobolPoint } from './sobol.js';
export { firstPrimes, haltonPermutations, haltonPoint } from './halton.js';
export { TpeSampler, parzenAxis, type TpeSamplerOptions } from './tpe-sampler.js';
export { ParzenEstimator, type ParzenAxis, type ParzenOptions } from './parzen-estimator.js';
export { defaultGamma, defaultWeights, splitObservations } from './tpe-observations.js';
export { intersectionSearchSpace, trialSearchSpace } from './search-space.js';
export { CmaEsSampler, CMAES_GENERATION_KEY, type CmaEsSamplerOptions } from './cmaes-sampler.js';
export { AnnealingSampler, type AnnealingSamplerOptions } from './annealing-sampler.js';
export {
  RecursiveRandomSampler,
  type RecursiveRandomSamplerOptions,
} from './recursive-random-sampler.js';
export { UnitCube } from './unit-cube.js';
export { Nsga2Sampler, NSGA2_GENERATION_KEY, type Nsga2SamplerOptions } from './nsga2-sampler.js';
export { crowdingDistances, nondominatedFronts, selectElite } from './nsga2/selection.js';
export { GpSampler, type Acquisition, type GpSamplerOptions } from './gp-sampler.js';
export { GaussianProcess, matern } from './gp/gaussian-process.js';
export { AutoSampler, type AutoSamplerOptions } from './auto-sampler.js';
export { BohbSampler, bohb, type BohbSamplerOptions } from './bohb-sampler.js';
