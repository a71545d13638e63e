import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Registry } from '../../src/registry/index.js';
import type { ModelServer } from '../../src/serve/index.js';
import { createServer } from '../../src/serve/index.js';
import type { Store } from '../../src/store/index.js';
import { openStore } from '../../src/store/index.js';
import { forEachDialect } from '../store/dialects.js';
import type { CreditModels } from './serve-fixture.js';
import { creditModels, recordsOf, registerCredit } from './serve-fixture.js';

let models: CreditModels;

beforeAll(async () => {
  models = await creditModels();
});

forEachDialect((target) => {
  describe(`hot swap on ${target.name}, over real sockets`, () => {
    let store: Store;
    let mover: Store;
    let server: ModelServer;
    let url: string;

    beforeAll(async () => {
      const uri = await target.freshUri();
      store = await openStore(uri, { handleExit: false });
      mover = await openStore(uri, { handleExit: false });
      await registerCredit(store, models);
      server = createServer({
        models: ['credit@champion'],
        store,
        // PostgreSQL: no polling at all, so a swap proves LISTEN/NOTIFY works.
        pollIntervalMs: target.name === 'postgres' ? 0 : 50,
        cacheSize: 0,
      });
      url = `${await server.listen(0)}/v1/models/credit/predict`;
      await server.loaded;
    });

    afterAll(async () => {
      await server.close();
      await store.close();
      await mover.close();
    });

    it('swaps versions while requests keep coming, failing none', async () => {
      const body = JSON.stringify(recordsOf(models.frame, [0, 1, 2]));
      const registry = new Registry(mover);
      const seen: number[] = [];
      const failures: string[] = [];
      let stop = false;
      const client = async () => {
        while (!stop) {
          try {
            const response = await fetch(url, {
              method: 'POST',
              body,
              headers: { 'content-type': 'application/json' },
            });
            if (response.status !== 200)
              failures.push(`${response.status} ${await response.text()}`);
            else seen.push(((await response.json()) as { version: number }).version);
          } catch (error) {
            failures.push(String(error));
          }
        }
      };
      const clients = Array.from({ length: 8 }, client);
      const waitFor = async (version: number) => {
        const deadline = Date.now() + 10_000;
        while (server.host.slots.get('credit@champion')?.current.version !== version) {
          if (Date.now() > deadline) throw new Error(`no swap to version ${version} within 10 s`);
          await new Promise((r) => setTimeout(r, 10));
        }
        const before = seen.length;
        while (seen.length < before + 50) await new Promise((r) => setTimeout(r, 5));
      };
      await new Promise((r) => setTimeout(r, 200));
      await registry.setAlias('credit', 'champion', 2);
      await waitFor(2);
      await registry.setAlias('credit', 'champion', 1);
      await waitFor(1);
      stop = true;
      await Promise.all(clients);
      expect(failures).toEqual([]);
      expect(seen.length).toBeGreaterThanOrEqual(100);
      // Versions answered in order 1…, 2…, 1… (an in-flight request may finish on the old one).
      expect(seen[0]).toBe(1);
      expect(seen.at(-1)).toBe(1);
      expect(seen).toContain(2);
      const metrics = await server.metrics.registry.getSingleMetricAsString(
        'argmin_model_swaps_total',
      );
      expect(metrics).toMatch(/argmin_model_swaps_total\{model="credit@champion"\} 2/);
    });
  });
});
