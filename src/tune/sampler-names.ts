import { InvalidParameterError } from '../errors.js';
import { AnnealingSampler } from './samplers/annealing-sampler.js';
import { AutoSampler } from './samplers/auto-sampler.js';
import { CmaEsSampler } from './samplers/cmaes-sampler.js';
import { GpSampler } from './samplers/gp-sampler.js';
import { RecursiveRandomSampler } from './samplers/recursive-random-sampler.js';
import { Nsga2Sampler } from './samplers/nsga2-sampler.js';
import { QmcSampler } from './samplers/qmc-sampler.js';
import { RandomSampler } from './samplers/random-sampler.js';
import { TpeSampler } from './samplers/tpe-sampler.js';
import type { Sampler } from './types.js';

/**
 * Samplers a configuration or the CLI can name, each from a seed. `auto` is GP-BO on fixed
 * spaces and TPE on conditional ones; `tpe` is TPE as parallel workers should run it
 * (multivariate, constant liar); `tpe-optuna` is Optuna 3.1's default.
 */
const factories: Readonly<Record<string, (seed: number) => Sampler>> = Object.freeze({
  auto: (seed) => new AutoSampler({ seed }),
  random: (seed) => new RandomSampler({ seed }),
  qmc: (seed) => new QmcSampler({ seed, scramble: true }),
  tpe: (seed) => new TpeSampler({ seed, multivariate: true, constantLiar: true }),
  'tpe-optuna': (seed) => new TpeSampler({ seed }),
  cmaes: (seed) => new CmaEsSampler({ seed }),
  gp: (seed) => new GpSampler({ seed }),
  annealing: (seed) => new AnnealingSampler({ seed }),
  'recursive-random': (seed) => new RecursiveRandomSampler({ seed }),
  nsga2: (seed) => new Nsga2Sampler({ seed }),
});

export const SAMPLER_NAMES: readonly string[] = Object.freeze(Object.keys(factories));

/**
 * The sampler called `name`, seeded.
 *
 * @example
 * const sampler = samplerByName('tpe', 7);
 */
export function samplerByName(name: string, seed: number): Sampler {
  const factory = factories[name];
  if (factory === undefined)
    throw new InvalidParameterError(
      'sampler',
      'name',
      `"${name}" is not a sampler; choose one of ${SAMPLER_NAMES.join(', ')}`,
    );
  return factory(seed);
}
