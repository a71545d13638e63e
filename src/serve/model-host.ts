import { existsSync } from 'node:fs';
import { basename } from 'node:path';
import pg from 'pg';
import { InvalidParameterError, StoreConflictError, StoreNotFoundError } from '../errors.js';
import { loadModel } from '../model/index.js';
import type { ModelRef } from '../registry/index.js';
import { Registry, formatModelRef, parseModelRef } from '../registry/index.js';
import type { Store } from '../store/index.js';
import type { BatcherOptions } from './batcher.js';
import type { InputCodecOptions } from './input-codec.js';
import { ServedModel } from './served-model.js';
import type { ServerMetrics } from './server-metrics.js';

/**
 * A model the server loaded, under the key it was asked for: `credit@champion` (follows the
 * alias: hot-swapped when it moves), `credit/3` (pinned), or a file's name.
 */
export interface Slot {
  readonly key: string;
  readonly name: string;
  /** The alias this slot follows, or null. */
  readonly alias: string | null;
  /** The version answering now; replaced whole on a swap. */
  current: ServedModel;
  readonly loadedAt: number;
}

/** What `argmin serve` was asked to load, parsed. */
export type ModelSpec =
  | { readonly kind: 'registry'; readonly key: string; readonly ref: ModelRef }
  | { readonly kind: 'file'; readonly key: string; readonly path: string };

/**
 * Reads a model argument: `name@alias`, `name/N`, `name/versions/N` (optionally after
 * `models:/`) from the registry; a path to a `.argmin` file or model folder; or `name=path` to
 * serve a file under another name.
 */
export function parseModelSpec(spec: string): ModelSpec {
  const eq = spec.indexOf('=');
  if (eq > 0) {
    const name = spec.slice(0, eq);
    checkName(name, spec);
    return { kind: 'file', key: name, path: spec.slice(eq + 1) };
  }
  if (existsSync(spec) || spec.endsWith('.argmin')) {
    const name = basename(spec).replace(/\.argmin$/, '');
    checkName(name, spec);
    return { kind: 'file', key: name, path: spec };
  }
  const ref = parseModelRef(spec);
  return { kind: 'registry', key: formatModelRef(ref), ref };
}

function checkName(name: string, spec: string): void {
  if (!/^[A-Za-z0-9][A-Za-z0-9_.-]*$/.test(name))
    throw new InvalidParameterError(
      'argmin serve',
      'model',
      `${JSON.stringify(spec)} gives the name ${JSON.stringify(name)}; names are letters, digits, '_', '.', '-' (use name=path)`,
    );
}

export interface ModelHostOptions {
  readonly metrics: ServerMetrics;
  /** Store holding the registry; needed for registry references and hot swaps. */
  readonly store?: Store;
  readonly codec?: InputCodecOptions;
  readonly batching?: BatcherOptions;
  /** How often alias slots are checked, ms (default 1,000; 0 = never). PostgreSQL is also told at once by NOTIFY. */
  readonly pollIntervalMs?: number;
  /** Told about swaps and failed reloads. */
  readonly onEvent?: (event: HostEvent) => void;
}

export type HostEvent =
  | {
      readonly type: 'swap';
      readonly key: string;
      readonly from: number | null;
      readonly to: number | null;
      readonly seconds: number;
    }
  | { readonly type: 'swap-failed'; readonly key: string; readonly error: Error };

/**
 * The models a server holds. Loads each (registry or file), warms it, and keeps alias slots
 * current: when an alias moves (polling; LISTEN/NOTIFY on PostgreSQL), the new version is loaded
 * and warmed in the background and swapped in with one assignment, so requests already holding
 * the old version finish on it and none fail.
 */
export class ModelHost {
  readonly slots = new Map<string, Slot>();
  readonly #options: ModelHostOptions;
  readonly #registry: Registry | undefined;
  readonly #refreshing = new Map<string, Promise<boolean>>();
  #timer: NodeJS.Timeout | undefined;
  #listener: pg.Client | undefined;
  #closed = false;

  constructor(options: ModelHostOptions) {
    this.#options = options;
    this.#registry = options.store === undefined ? undefined : new Registry(options.store);
  }

  /** Loads and warms a model and adds it under its key (refused if the key is taken). */
  async load(spec: string | ModelSpec): Promise<Slot> {
    const parsed = typeof spec === 'string' ? parseModelSpec(spec) : spec;
    if (this.slots.has(parsed.key))
      throw new StoreConflictError(`model "${parsed.key}" is already loaded`);
    const served = await this.#loadVersion(parsed);
    const slot: Slot = {
      key: parsed.key,
      name: served.name,
      alias: parsed.kind === 'registry' ? (parsed.ref.alias ?? null) : null,
      current: served,
      loadedAt: Date.now(),
    };
    if (this.slots.has(parsed.key))
      throw new StoreConflictError(`model "${parsed.key}" is already loaded`);
    this.slots.set(parsed.key, slot);
    return slot;
  }

  /** Forgets a slot; requests already holding it finish. */
  unload(key: string): boolean {
    return this.slots.delete(key);
  }

  /**
   * The slot a URL names: its key (`credit@champion`, `credit/3`), `credit/versions/3` or
   * `credit@3` (any slot of credit now at version 3).
   */
  find(key: string): Slot | undefined {
    const slot = this.slots.get(key);
    if (slot !== undefined) return slot;
    let ref: ModelRef;
    try {
      ref = parseModelRef(key);
    } catch {
      return undefined;
    }
    if (ref.version === undefined) return undefined;
    for (const s of this.slots.values())
      if (s.name === ref.name && s.current.version === ref.version) return s;
    return undefined;
  }

  /** Starts watching alias slots (polling, and LISTEN on PostgreSQL). */
  async watch(): Promise<void> {
    const interval = this.#options.pollIntervalMs ?? 1000;
    if (interval > 0 && this.#registry !== undefined) {
      this.#timer = setInterval(() => void this.refreshAll(), interval);
      this.#timer.unref();
    }
    const store = this.#options.store;
    if (store?.dialect === 'postgres') {
      const client = new pg.Client({ connectionString: store.uri });
      client.on('error', () => {
        // Polling goes on; a lost listener only costs the immediate swap.
        this.#listener = undefined;
      });
      client.on('notification', (message) => {
        const slot = message.payload === undefined ? undefined : this.slots.get(message.payload);
        if (slot !== undefined) void this.refresh(slot);
      });
      await client.connect();
      await client.query('LISTEN argmin_aliases');
      this.#listener = client;
    }
  }

  /** Checks every alias slot once; resolves with how many swapped. */
  async refreshAll(): Promise<number> {
    const results = await Promise.all([...this.slots.values()].map((slot) => this.refresh(slot)));
    return results.filter(Boolean).length;
  }

  /**
   * Swaps an alias slot to the version its alias points at now, if that changed. Concurrent
   * calls for one slot share one check. Resolves with whether it swapped; a failed load leaves
   * the current version serving (reported through `onEvent`).
   */
  refresh(slot: Slot): Promise<boolean> {
    if (slot.alias === null || this.#registry === undefined || this.#closed)
      return Promise.resolve(false);
    const running = this.#refreshing.get(slot.key);
    if (running !== undefined) return running;
    const registry = this.#registry;
    const alias = slot.alias;
    const check = (async () => {
      try {
        let target: number;
        try {
          target = (await registry.getByAlias(slot.name, alias)).version;
        } catch (error) {
          // An alias removed from under a server: keep serving what it pointed at.
          if (error instanceof StoreNotFoundError) return false;
          throw error;
        }
        if (target === slot.current.version) return false;
        const started = performance.now();
        const next = await this.#loadVersion({
          kind: 'registry',
          key: slot.key,
          ref: { name: slot.name, version: target },
        });
        if (this.#closed || this.slots.get(slot.key) !== slot) return false;
        const from = slot.current.version;
        slot.current = next;
        const seconds = (performance.now() - started) / 1000;
        this.#options.metrics.swaps.labels({ model: slot.key }).inc();
        this.#options.onEvent?.({ type: 'swap', key: slot.key, from, to: target, seconds });
        return true;
      } catch (error) {
        this.#options.onEvent?.({ type: 'swap-failed', key: slot.key, error: error as Error });
        return false;
      } finally {
        this.#refreshing.delete(slot.key);
      }
    })();
    this.#refreshing.set(slot.key, check);
    return check;
  }

  /** Moves an alias in the registry and swaps the slots following it before resolving. */
  async setAlias(name: string, alias: string, version: number, reason?: string): Promise<void> {
    await this.#requireRegistry(`${name}@${alias}`).setAlias(name, alias, version, {
      actor: 'argmin serve',
      ...(reason === undefined ? {} : { reason }),
    });
    await Promise.all(
      [...this.slots.values()]
        .filter((s) => s.name === name && s.alias === alias)
        .map((s) => this.refresh(s)),
    );
  }

  /** Stops watching; waits for swaps under way. */
  async close(): Promise<void> {
    this.#closed = true;
    clearInterval(this.#timer);
    await Promise.allSettled(this.#refreshing.values());
    const listener = this.#listener;
    this.#listener = undefined;
    await listener?.end().catch(() => undefined);
  }

  async #loadVersion(spec: ModelSpec): Promise<ServedModel> {
    const started = performance.now();
    let served: ServedModel;
    if (spec.kind === 'file') {
      const { pipeline, manifest } = await loadModel(spec.path);
      served = this.#served(spec.key, null, spec.path, pipeline, manifest);
    } else {
      const registry = this.#requireRegistry(spec.key);
      const version = await registry.resolve(spec.ref);
      const { pipeline, manifest } = await loadModel(await registry.artifactPath(version));
      served = this.#served(
        version.name,
        version.version,
        `${version.name}/${version.version}`,
        pipeline,
        manifest,
      );
    }
    served.warm();
    this.#options.metrics.loadSeconds
      .labels({ model: served.name })
      .observe((performance.now() - started) / 1000);
    return served;
  }

  #served(
    name: string,
    version: number | null,
    source: string,
    model: ServedModel['model'],
    manifest: ServedModel['manifest'],
  ): ServedModel {
    return new ServedModel({
      name,
      version,
      source,
      model,
      manifest,
      ...(this.#options.codec === undefined ? {} : { codec: this.#options.codec }),
      ...(this.#options.batching === undefined ? {} : { batching: this.#options.batching }),
      metrics: this.#options.metrics.forVersion(name, version === null ? '' : String(version)),
    });
  }

  #requireRegistry(key: string): Registry {
    if (this.#registry === undefined)
      throw new InvalidParameterError(
        'argmin serve',
        'store',
        `is not given, and "${key}" is a registry reference; pass --store (or ARGMIN_STORE), or serve a .argmin file`,
      );
    return this.#registry;
  }
}
