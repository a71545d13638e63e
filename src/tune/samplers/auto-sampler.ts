import type { Distribution, ParamValue } from '../distributions.js';
import type { FrozenTrial, Sampler, StudyView } from '../types.js';
import { GpSampler } from './gp-sampler.js';
import { intersectionSearchSpace } from './search-space.js';
import { resolveSeed } from './seed.js';
import { TpeSampler } from './tpe-sampler.js';

export interface AutoSamplerOptions {
  readonly seed?: number;
}

/**
 * argmin's default model-based sampler: Gaussian-process BO while every completed trial has the
 * same parameters (a fixed space, where the GP's global model finds optima in few trials), TPE
 * once the space is conditional (some trials hold parameters others lack — algorithm selection,
 * optional parts), where one GP over the shared parameters would see too little. The choice is
 * made per trial and kept for all of that trial's suggestions.
 *
 * @example
 * const study = createStudy({ sampler: new AutoSampler({ seed: 1 }) });
 */
export class AutoSampler implements Sampler {
  readonly #gp: GpSampler;
  readonly #tpe: TpeSampler;
  readonly #choice = new Map<number, Sampler>();

  constructor(options: AutoSamplerOptions = {}) {
    const seed = resolveSeed('AutoSampler', options.seed);
    this.#gp = new GpSampler({ seed });
    this.#tpe = new TpeSampler({ seed: (seed + 0x9e3779b9) >>> 0 });
  }

  inferRelativeSearchSpace(study: StudyView, trial: FrozenTrial): Record<string, Distribution> {
    const delegate: Sampler = isConditional(study) ? this.#tpe : this.#gp;
    this.#choice.set(trial.number, delegate);
    return delegate.inferRelativeSearchSpace?.(study, trial) ?? {};
  }

  sampleRelative(
    study: StudyView,
    trial: FrozenTrial,
    space: Readonly<Record<string, Distribution>>,
  ): Record<string, ParamValue> {
    return this.#delegate(trial).sampleRelative?.(study, trial, space) ?? {};
  }

  sampleIndependent(
    study: StudyView,
    trial: FrozenTrial,
    name: string,
    distribution: Distribution,
  ): ParamValue {
    return this.#delegate(trial).sampleIndependent(study, trial, name, distribution);
  }

  afterTrial(study: StudyView, trial: FrozenTrial): void {
    this.#delegate(trial).afterTrial?.(study, trial);
    this.#choice.delete(trial.number);
  }

  #delegate(trial: FrozenTrial): Sampler {
    return this.#choice.get(trial.number) ?? this.#gp;
  }
}

/** Whether some completed trial holds a parameter outside the space all of them share. */
function isConditional(study: StudyView): boolean {
  const shared = intersectionSearchSpace(study);
  return study
    .trials(['COMPLETE'])
    .some((t) =>
      Object.keys(t.distributions).some(
        (name) => !(name in shared) && !isSingle(t.distributions[name]),
      ),
    );
}

function isSingle(d: Distribution): boolean {
  return d.kind === 'categorical' ? d.choices.length === 1 : d.low === d.high;
}
