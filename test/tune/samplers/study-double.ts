/**
 * A minimal in-memory study for driving samplers in tests: it records trials, asks the
 * sampler for relative then independent values (as the real study does), and stores the
 * objective values it is told. Not a mock: it evaluates the objectives it is given.
 */
import type { Distribution, ParamValue } from '../../../src/tune/distributions.js';
import { sameDistribution } from '../../../src/tune/distributions.js';
import type {
  Direction,
  FrozenTrial,
  Sampler,
  StudyView,
  TrialState,
} from '../../../src/tune/types.js';

interface TrialRecord {
  number: number;
  state: TrialState;
  values: number[] | null;
  params: Record<string, ParamValue>;
  distributions: Record<string, Distribution>;
  intermediateValues: Map<number, number>;
  /** The frozen view, rebuilt only after a change (so reads cost what a real study's do). */
  snapshot: FrozenTrial | null;
}

export type Suggest = (name: string, distribution: Distribution) => ParamValue;

/** One trial in progress: suggest values, then finish it. */
export interface TrialHandle {
  readonly number: number;
  readonly suggest: Suggest;
  complete(value: number): void;
  prune(step: number, value: number): void;
}

export class StudyDouble implements StudyView {
  readonly name = 'study-double';
  readonly directions: readonly Direction[];
  readonly #sampler: Sampler;
  readonly #records: TrialRecord[] = [];

  constructor(sampler: Sampler, direction: Direction = 'minimize') {
    this.#sampler = sampler;
    this.directions = [direction];
  }

  trials(states?: readonly TrialState[]): readonly FrozenTrial[] {
    return this.#records
      .filter((r) => states === undefined || states.includes(r.state))
      .map(snapshot);
  }

  /** Starts a trial: relative sampling happens here, independent sampling on each suggest. */
  start(): TrialHandle {
    const record: TrialRecord = {
      number: this.#records.length,
      state: 'RUNNING',
      values: null,
      params: {},
      distributions: {},
      intermediateValues: new Map(),
      snapshot: null,
    };
    this.#records.push(record);
    record.snapshot = null;
    const sampler = this.#sampler;
    const space = sampler.inferRelativeSearchSpace?.(this, snapshot(record)) ?? {};
    const relative =
      sampler.sampleRelative !== undefined && Object.keys(space).length > 0
        ? sampler.sampleRelative(this, snapshot(record), space)
        : {};
    const finish = (): void => sampler.afterTrial?.(this, snapshot(record));
    return {
      number: record.number,
      suggest: (name, distribution) => {
        if (name in record.params) return record.params[name];
        const fromRelative =
          name in relative &&
          space[name] !== undefined &&
          sameDistribution(space[name], distribution);
        const value = fromRelative
          ? relative[name]
          : sampler.sampleIndependent(this, snapshot(record), name, distribution);
        record.params[name] = value;
        record.distributions[name] = distribution;
        record.snapshot = null;
        return value;
      },
      complete: (value) => {
        record.state = 'COMPLETE';
        record.values = [value];
        record.snapshot = null;
        finish();
      },
      prune: (step, value) => {
        record.intermediateValues.set(step, value);
        record.state = 'PRUNED';
        record.snapshot = null;
        finish();
      },
    };
  }

  /** Runs `count` trials of `objective` one after another. */
  optimize(objective: (suggest: Suggest) => number, count: number): void {
    for (let i = 0; i < count; i++) {
      const trial = this.start();
      trial.complete(objective(trial.suggest));
    }
  }

  /** Best (lowest for minimize) complete value. */
  bestValue(): number {
    const sign = this.directions[0] === 'maximize' ? -1 : 1;
    let best = Infinity;
    for (const trial of this.trials(['COMPLETE']))
      best = Math.min(best, sign * (trial.values as number[])[0]);
    return sign * best;
  }
}

function snapshot(record: TrialRecord): FrozenTrial {
  record.snapshot ??= {
    number: record.number,
    state: record.state,
    values: record.values === null ? null : [...record.values],
    params: { ...record.params },
    distributions: { ...record.distributions },
    intermediateValues: new Map(record.intermediateValues),
    userAttrs: {},
    systemAttrs: {},
    startedAt: null,
    completedAt: null,
  };
  return record.snapshot;
}
