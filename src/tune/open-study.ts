import { InvalidParameterError } from '../errors.js';
import { openStore, Store } from '../store/store.js';
import { StoreTrialStorage } from './storage/store-trial-storage.js';
import { ensureStudy } from './storage/study-rows.js';
import type { StudySettingsOptions } from './storage/study-settings.js';
import { resolveStudySettings } from './storage/study-settings.js';
import type { CreateStudyOptions } from './study-options.js';
import { resolveStudyOptions } from './study-options.js';
import { Study } from './study.js';

export interface OpenStudyOptions extends CreateStudyOptions, StudySettingsOptions {
  /** The study's name: every process opening this name in this store shares its trials. */
  readonly name: string;
  /** An open store, or a store URI (opened here and closed with the study). Default: ARGMIN_STORE or sqlite:./.argmin/argmin.db. */
  readonly store?: Store | string;
  /** Default true: join the study when it exists (same directions required). */
  readonly loadIfExists?: boolean;
  /** Longest a change to a running trial waits before it is written, ms. Default 1,000. */
  readonly flushIntervalMs?: number;
  /**
   * Default true: on SIGINT/SIGTERM this worker's running trials fail at once and the study
   * closes. False leaves signals to the program (which then closes the study itself).
   */
  readonly handleExit?: boolean;
  /** Stored with the study when this call creates it (e.g. what the study is tuning). */
  readonly userAttrs?: Readonly<Record<string, unknown>>;
  /** Run id of the parent run of every trial's run (e.g. the `argmin tune` command's run). */
  readonly parentRunId?: string;
}

/**
 * A study persisted in the tracking store, shared by every process that opens it: trials are
 * claimed atomically, each trial that runs is a run of the experiment named after the study,
 * and a trial whose worker dies is failed once its heartbeats stop. The settings
 * (`heartbeatIntervalMs`, `maxTrials`, `retryFailedTrials`, `objective`) are fixed by whoever
 * creates the study; later openers use the stored ones. Close the study when done.
 *
 * @example
 * const study = await openStudy({ name: 'credit-gbdt', store: 'sqlite:./.argmin/argmin.db', direction: 'maximize', maxTrials: 100 });
 * await study.optimize(objective, { timeout: 60_000 });
 * await study.close();
 */
export async function openStudy(options: OpenStudyOptions): Promise<Study> {
  if (typeof options?.name !== 'string' || options.name.trim() === '')
    throw new InvalidParameterError(
      'openStudy',
      'name',
      'must be a non-empty string: workers find the study by it',
    );
  const resolved = resolveStudyOptions(options);
  const settings = resolveStudySettings(options);
  const owned = !(options.store instanceof Store);
  const store = options.store instanceof Store ? options.store : await openStore(options.store);
  try {
    const study = await ensureStudy(
      store,
      options.name,
      resolved.directions,
      settings,
      options.loadIfExists ?? true,
      options.userAttrs ?? {},
    );
    const storage = await StoreTrialStorage.open({
      connection: store,
      artifacts: store.artifacts,
      study,
      flushIntervalMs: options.flushIntervalMs,
      handleExit: options.handleExit ?? true,
      parentRunId: options.parentRunId ?? null,
      onClose: owned ? () => store.close() : undefined,
    });
    return new Study(resolved, storage);
  } catch (error) {
    if (owned) await store.close();
    throw error;
  }
}
