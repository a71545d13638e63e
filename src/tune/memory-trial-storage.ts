import type { Distribution, ParamValue } from './distributions.js';
import { StoreConflictError, StoreNotFoundError } from '../errors.js';
import type { FinishedState, TrialStorage } from './trial-storage.js';
import type { FrozenTrial, TrialState } from './types.js';

interface TrialRecord {
  readonly number: number;
  state: TrialState;
  values: readonly number[] | null;
  readonly params: Record<string, ParamValue>;
  readonly distributions: Record<string, Distribution>;
  readonly intermediateValues: Map<number, number>;
  readonly userAttrs: Record<string, unknown>;
  readonly systemAttrs: Record<string, unknown>;
  startedAt: number | null;
  completedAt: number | null;
  /** The frozen view handed out, rebuilt only after a change (samplers read trials often). */
  snapshot: FrozenTrial | null;
}

function freeze(record: TrialRecord): FrozenTrial {
  return Object.freeze({
    number: record.number,
    state: record.state,
    values: record.values === null ? null : Object.freeze([...record.values]),
    params: Object.freeze({ ...record.params }),
    distributions: Object.freeze({ ...record.distributions }),
    intermediateValues: new Map(record.intermediateValues),
    userAttrs: Object.freeze({ ...record.userAttrs }),
    systemAttrs: Object.freeze({ ...record.systemAttrs }),
    startedAt: record.startedAt,
    completedAt: record.completedAt,
  });
}

/**
 * Trials held in memory by one process.
 *
 * @example
 * const storage = new MemoryTrialStorage();
 * const trial = await storage.createTrial('RUNNING');
 * await storage.finish(trial.number, 'COMPLETE', [0.5]);
 */
export class MemoryTrialStorage implements TrialStorage {
  readonly #records: TrialRecord[] = [];
  #allSnapshot: readonly FrozenTrial[] | null = null;

  async createTrial(
    state: 'RUNNING' | 'WAITING',
    systemAttrs: Record<string, unknown> = {},
  ): Promise<FrozenTrial> {
    const record: TrialRecord = {
      number: this.#records.length,
      state,
      values: null,
      params: {},
      distributions: {},
      intermediateValues: new Map(),
      userAttrs: {},
      systemAttrs: { ...systemAttrs },
      startedAt: state === 'RUNNING' ? Date.now() : null,
      completedAt: null,
      snapshot: null,
    };
    this.#records.push(record);
    this.#allSnapshot = null;
    return this.#frozen(record);
  }

  async claimWaiting(): Promise<FrozenTrial | null> {
    const record = this.#records.find((r) => r.state === 'WAITING');
    if (record === undefined) return null;
    record.state = 'RUNNING';
    record.startedAt = Date.now();
    this.#changed(record);
    return this.#frozen(record);
  }

  setParam(trialNumber: number, name: string, distribution: Distribution, value: ParamValue): void {
    const record = this.#running(trialNumber, `set parameter "${name}"`);
    record.params[name] = value;
    record.distributions[name] = distribution;
    this.#changed(record);
  }

  setIntermediateValue(trialNumber: number, step: number, value: number): void {
    const record = this.#running(trialNumber, 'report an intermediate value');
    if (record.intermediateValues.has(step)) return;
    record.intermediateValues.set(step, value);
    this.#changed(record);
  }

  setUserAttr(trialNumber: number, key: string, value: unknown): void {
    const record = this.#record(trialNumber);
    record.userAttrs[key] = value;
    this.#changed(record);
  }

  setSystemAttr(trialNumber: number, key: string, value: unknown): void {
    const record = this.#record(trialNumber);
    record.systemAttrs[key] = value;
    this.#changed(record);
  }

  async finish(
    trialNumber: number,
    state: FinishedState,
    values: readonly number[] | null,
    systemAttrs: Record<string, unknown> = {},
  ): Promise<FrozenTrial> {
    const record = this.#running(trialNumber, `mark it ${state}`);
    record.state = state;
    record.values = state === 'COMPLETE' ? values : null;
    Object.assign(record.systemAttrs, systemAttrs);
    record.completedAt = Date.now();
    this.#changed(record);
    return this.#frozen(record);
  }

  get(trialNumber: number): FrozenTrial {
    return this.#frozen(this.#record(trialNumber));
  }

  all(states?: readonly TrialState[]): readonly FrozenTrial[] {
    this.#allSnapshot ??= Object.freeze(this.#records.map((r) => this.#frozen(r)));
    if (states === undefined) return this.#allSnapshot;
    return this.#allSnapshot.filter((t) => states.includes(t.state));
  }

  #record(trialNumber: number): TrialRecord {
    const record = Number.isInteger(trialNumber) ? this.#records[trialNumber] : undefined;
    if (record === undefined) throw new StoreNotFoundError('trial', String(trialNumber));
    return record;
  }

  #running(trialNumber: number, action: string): TrialRecord {
    const record = this.#record(trialNumber);
    if (record.state !== 'RUNNING')
      throw new StoreConflictError(
        `Cannot ${action} on trial ${trialNumber}: it is ${record.state}, not RUNNING`,
      );
    return record;
  }

  #changed(record: TrialRecord): void {
    record.snapshot = null;
    this.#allSnapshot = null;
  }

  #frozen(record: TrialRecord): FrozenTrial {
    record.snapshot ??= freeze(record);
    return record.snapshot;
  }
}
