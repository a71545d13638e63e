import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { readTable } from '../../src/data/index.js';
import { linearPreprocessor, Pipeline } from '../../src/features/index.js';
import { Ridge } from '../../src/learners/index.js';
import { saveModel } from '../../src/model/index.js';
import type { ModelServer, ServeOptions } from '../../src/serve/index.js';
import { createServer, listPredictions } from '../../src/serve/index.js';
import type { Store } from '../../src/store/index.js';
import { openStore } from '../../src/store/index.js';
import type { CreditModels } from './serve-fixture.js';
import { creditModels, recordsOf, registerCredit } from './serve-fixture.js';

const storeDir = mkdtempSync(join(tmpdir(), 'argmin-serve-store-'));
let models: CreditModels;
let store: Store;
const servers: ModelServer[] = [];

beforeAll(async () => {
  models = await creditModels();
  store = await openStore(`sqlite:${join(storeDir, 's.db')}`, { handleExit: false });
  await registerCredit(store, models);
});

afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

afterAll(async () => {
  await store.close();
  rmSync(storeDir, { recursive: true, force: true });
});

async function serve(options: Partial<ServeOptions> = {}): Promise<ModelServer> {
  const server = createServer({
    models: ['credit@champion', 'credit@challenger'],
    store,
    pollIntervalMs: 0,
    seed: 3,
    ...options,
  });
  servers.push(server);
  await server.loaded;
  return server;
}

const rows = [0, 1, 2, 3, 4];

describe('argmin serve: prediction routes', () => {
  it('answers records and columnar bodies with the model version, labels and probabilities equal to the pipeline', async () => {
    const server = await serve();
    const records = recordsOf(models.frame, rows);
    const expected = models.gbdt.predictProba(models.frame.take(Int32Array.from(rows)));
    const byRecords = await server.app.inject({
      method: 'POST',
      url: '/v1/models/credit/predict',
      payload: records,
    });
    expect(byRecords.statusCode).toBe(200);
    const body = byRecords.json();
    expect(body).toMatchObject({ model: 'credit', version: 1, classes: expected.classes });
    expect(body.predictions).toEqual(models.gbdt.predict(models.frame.take(Int32Array.from(rows))));
    expect(body.probabilities.flat()).toEqual(Array.from(expected.proba.data));
    expect(byRecords.headers['x-request-id']).toBe(body.requestId);

    const columns = Object.keys(records[0]);
    const byColumns = await server.app.inject({
      method: 'POST',
      url: '/v1/models/credit/predict',
      payload: { columns, data: records.map((r) => columns.map((c) => r[c])) },
    });
    expect(byColumns.json().probabilities).toEqual(body.probabilities);
  });

  it('serves name@alias, name/versions/N and the MLflow /invocations forms', async () => {
    const server = await serve();
    const records = recordsOf(models.frame, rows);
    const challenger = await server.app.inject({
      method: 'POST',
      url: '/v1/models/credit@challenger/predict',
      payload: records,
    });
    expect(challenger.json()).toMatchObject({ version: 2 });
    expect(challenger.json().predictions).toEqual(
      models.logistic.predict(models.frame.take(Int32Array.from(rows))),
    );
    const pinned = await server.app.inject({
      method: 'POST',
      url: '/v1/models/credit/versions/2/predict',
      payload: records,
    });
    expect(pinned.json()).toMatchObject({ version: 2 });
    const unknownVersion = await server.app.inject({
      method: 'POST',
      url: '/v1/models/credit/versions/9/predict',
      payload: records,
    });
    expect(unknownVersion.statusCode).toBe(404);
    expect(unknownVersion.json().error.message).toMatch(/serving: credit/);

    const columns = Object.keys(records[0]);
    const split = await server.app.inject({
      method: 'POST',
      url: '/invocations',
      payload: { dataframe_split: { columns, data: records.map((r) => columns.map((c) => r[c])) } },
    });
    const recs = await server.app.inject({
      method: 'POST',
      url: '/invocations',
      payload: { dataframe_records: records },
    });
    const expected = models.gbdt.predict(models.frame.take(Int32Array.from(rows)));
    expect(split.json()).toEqual({ predictions: expected });
    expect(recs.json()).toEqual({ predictions: expected });
    const other = await server.app.inject({
      method: 'POST',
      url: '/invocations',
      payload: { instances: records },
    });
    expect(other.statusCode).toBe(400);
    expect(other.json().error.message).toMatch(/dataframe_split/);
  });

  it('lists models with versions and signatures, reports health, readiness, metrics and docs', async () => {
    const server = await serve();
    const listed = (await server.app.inject({ url: '/v1/models' })).json();
    expect(
      listed.models.map((m: { model: string; version: number }) => [m.model, m.version]),
    ).toEqual([
      ['credit@champion', 1],
      ['credit@challenger', 2],
    ]);
    expect(listed.models[0].signature.map((c: { name: string }) => c.name)).toEqual(
      models.frame.featureNames,
    );
    expect(listed.endpoints).toEqual([
      { name: 'credit', primary: 'credit@champion', policy: { type: 'single' } },
    ]);
    expect((await server.app.inject({ url: '/v1/models/credit@challenger' })).json().version).toBe(
      2,
    );
    expect((await server.app.inject({ url: '/health' })).json()).toEqual({
      status: 'ok',
      pid: process.pid,
    });
    expect((await server.app.inject({ url: '/ready' })).statusCode).toBe(200);

    await server.app.inject({
      method: 'POST',
      url: '/v1/models/credit/predict',
      payload: recordsOf(models.frame, [0]),
    });
    await server.app.inject({
      method: 'POST',
      url: '/v1/models/credit/predict',
      payload: recordsOf(models.frame, [0]),
    });
    await server.app.inject({ method: 'POST', url: '/v1/models/credit/predict', payload: [{}] });
    const metrics = await server.app.inject({ url: '/metrics' });
    expect(metrics.headers['content-type']).toMatch(/text\/plain/);
    expect(metrics.body).toMatch(
      /argmin_requests_total\{model="credit",version="1",status="200"\} 2/,
    );
    expect(metrics.body).toMatch(
      /argmin_requests_total\{model="credit",version="1",status="400"\} 1/,
    );
    expect(metrics.body).toMatch(
      /argmin_cache_lookups_total\{model="credit",version="1",result="hit"\} 1/,
    );
    expect(metrics.body).toMatch(/argmin_cache_hit_ratio 0.5/);
    expect(metrics.body).toMatch(
      /argmin_errors_total\{model="credit",version="1",kind="validation"\} 1/,
    );
    expect(metrics.body).toMatch(
      /argmin_request_duration_seconds_bucket\{le="0.005",model="credit",version="1"\}/,
    );
    expect(metrics.body).toMatch(/argmin_batch_rows_count\{model="credit",version="1"\} 1/);
    // Request time is measured (three requests, none of them instantaneous).
    const timed = /argmin_request_duration_seconds_sum\{model="credit",version="1"\} (\S+)/.exec(
      metrics.body,
    );
    expect(Number(timed?.[1])).toBeGreaterThan(0);

    const openapi = (await server.app.inject({ url: '/docs/openapi.json' })).json();
    expect(openapi.openapi).toBe('3.0.3');
    expect(openapi.paths['/v1/models/credit@champion/predict'].post).toBeDefined();
    const home = openapi.components.schemas['credit_champion_record'].properties.Home;
    expect(home.enum).toContain('rent');
    expect((await server.app.inject({ url: '/docs' })).body).toMatch(/<table>.*\/v1\/models/s);
  });

  it('sheds requests past the queue limit with 503 and Retry-After', async () => {
    const server = await serve({
      models: ['credit@champion'],
      cacheSize: 0,
      batching: { queueLimitRows: 2, maxDelayMs: 500, adaptive: false },
    });
    const payload = recordsOf(models.frame, [0, 1]);
    const [first, second] = await Promise.all([
      server.app.inject({ method: 'POST', url: '/v1/models/credit/predict', payload }),
      server.app.inject({ method: 'POST', url: '/v1/models/credit/predict', payload }),
    ]);
    expect([first.statusCode, second.statusCode]).toEqual([200, 503]);
    expect(second.headers['retry-after']).toBe('1');
    expect(second.json().error.code).toBe('ARGMIN_OVERLOADED');
    const metrics = await server.app.inject({ url: '/metrics' });
    expect(metrics.body).toMatch(/argmin_errors_total\{model="credit",version="1",kind="shed"\} 1/);
  });

  it('sheds predictions while the event loop runs later than --max-event-loop-delay, then recovers', async () => {
    const server = await serve({ models: ['credit@champion'], maxEventLoopDelayMs: 100 });
    const payload = recordsOf(models.frame, [0]);
    const predict = () =>
      server.app.inject({ method: 'POST', url: '/v1/models/credit/predict', payload });
    expect((await predict()).statusCode).toBe(200);
    const until = performance.now() + 400; // a saturated loop: nothing runs for 400 ms
    while (performance.now() < until);
    await new Promise((wake) => setTimeout(wake, 1)); // the guard's overdue check runs first
    const refused = await predict();
    expect(refused.statusCode).toBe(503);
    expect(refused.headers['retry-after']).toBe('1');
    expect(refused.json().error.message).toMatch(/event loop is \d+ ms behind \(limit 100 ms\)/);
    let status = 503;
    for (let attempt = 0; attempt < 40 && status === 503; attempt++) {
      await new Promise((wake) => setTimeout(wake, 50));
      status = (await predict()).statusCode;
    }
    expect(status).toBe(200);
    const metrics = await server.app.inject({ url: '/metrics' });
    expect(metrics.body).toMatch(
      /argmin_errors_total\{model="credit",version="1",kind="shed"\} [1-9]/,
    );
  });

  it('is not ready (503) until every model is loaded and warmed', async () => {
    const server = createServer({ models: ['credit@champion'], store, pollIntervalMs: 0 });
    servers.push(server);
    const early = await server.app.inject({ url: '/ready' });
    const predicted = await server.app.inject({
      method: 'POST',
      url: '/v1/models/credit/predict',
      payload: recordsOf(models.frame, [0]),
    });
    await server.loaded;
    const late = await server.app.inject({ url: '/ready' });
    expect([early.statusCode, late.statusCode]).toEqual([503, 200]);
    expect(predicted.statusCode).toBe(503);
  });

  it('fails to load a model that does not exist, naming it', async () => {
    const server = createServer({ models: ['credit@nobody'], store, pollIntervalMs: 0 });
    servers.push(server);
    await expect(server.loaded).rejects.toThrow(/nobody/);
  });
});

describe('argmin serve: models from files, regression', () => {
  it('serves .argmin files without a store, under their file name or name=path, regressors included', async () => {
    const ames = await readTable('examples/data/ames.csv', { target: 'Sale_Price' });
    const features = ames.featureNames;
    const ridge = new Pipeline({
      preprocessor: linearPreprocessor(ames, features),
      learner: new Ridge(),
    }).fit(ames, 'Sale_Price');
    const ridgePath = join(models.dir, 'ames-ridge.argmin');
    await saveModel(ridge, ridgePath);
    const server = createServer({
      models: [ridgePath, `fraud=${models.gbdtPath}`],
      pollIntervalMs: 0,
    });
    servers.push(server);
    await server.loaded;
    const rows = [0, 1, 2];
    const payload = recordsOf(ames, rows).map((r) =>
      Object.fromEntries(features.map((f) => [f, r[f]])),
    );
    const answer = (
      await server.app.inject({ method: 'POST', url: '/v1/models/ames-ridge/predict', payload })
    ).json();
    expect(answer).toMatchObject({ model: 'ames-ridge', version: null });
    expect(answer.classes).toBeUndefined();
    expect(answer.predictions).toEqual(
      Array.from(ridge.predict(ames.take(Int32Array.from(rows))) as Float64Array),
    );
    const fraud = await server.app.inject({
      method: 'POST',
      url: '/v1/models/fraud/predict',
      payload: recordsOf(models.frame, [0]),
    });
    expect(fraud.json()).toMatchObject({
      model: 'fraud',
      version: null,
      predictions: models.gbdt.predict(models.frame.take(Int32Array.of(0))),
    });
    const noStore = createServer({ models: ['credit@champion'], pollIntervalMs: 0 });
    servers.push(noStore);
    await expect(noStore.loaded).rejects.toThrow(/--store/);
  });
});

describe('argmin serve: bad requests are 4xx with every problem, never 500', () => {
  const [good] = [0].map(() => ({}) as Record<string, unknown>);
  it('answers a table of malformed bodies with 4xx and a useful body', async () => {
    const server = await serve();
    const record = recordsOf(models.frame, [0])[0];
    Object.assign(good, record);
    const json = (payload: unknown) => ({
      payload: JSON.stringify(payload),
      headers: { 'content-type': 'application/json' },
    });
    const cases: [string, { payload: string; headers: Record<string, string> }, number, RegExp][] =
      [
        [
          'broken JSON',
          { payload: '[{"Age": 3', headers: { 'content-type': 'application/json' } },
          400,
          /JSON/,
        ],
        [
          'empty body',
          { payload: '', headers: { 'content-type': 'application/json' } },
          400,
          /empty|body/i,
        ],
        [
          'not JSON',
          { payload: 'Age=3', headers: { 'content-type': 'text/plain' } },
          415,
          /content-type|media/i,
        ],
        ['a number', json(42), 400, /array of records/],
        ['no rows', json([]), 400, /no rows/],
        ['missing column', json([{ ...record, Age: undefined }]), 400, /Age/],
        ['wrong type', json([{ ...record, Age: 'old' }]), 400, /should be a number/],
        [
          'unknown category',
          json([{ ...record, Home: 'castle' }]),
          400,
          /unknown category "castle"/,
        ],
        ['extra column', json([{ ...record, Colour: 'blue' }]), 400, /not an input/],
        [
          'null where none in training',
          json([{ ...record, Records: null }]),
          400,
          /no missing values/,
        ],
        [
          'ragged columnar row',
          json({ columns: Object.keys(record), data: [[1]] }),
          400,
          /array of 13 values/,
        ],
        ['nested objects', json([{ ...record, Age: { years: 3 } }]), 400, /got an object/],
        ['huge body', json(Array.from({ length: 20_000 }, () => record)), 413, /large|limit/i],
      ];
    for (const [what, request, status, message] of cases) {
      const response = await server.app.inject({
        method: 'POST',
        url: '/v1/models/credit/predict',
        ...request,
      });
      expect(response.statusCode, what).toBe(status);
      expect(response.json().error.message, what).toMatch(message);
    }
    const unknown = await server.app.inject({
      method: 'POST',
      url: '/v1/models/fraud/predict',
      ...json([record]),
    });
    expect(unknown.statusCode).toBe(404);
    const multi = await server.app.inject({
      method: 'POST',
      url: '/v1/models/credit/predict',
      ...json([{ ...record, Age: 'x' }, record, { ...record, Home: 'castle' }]),
    });
    expect(multi.json().error.problems).toEqual([
      { row: 0, column: 'Age', problem: expect.stringMatching(/number/) },
      { row: 2, column: 'Home', problem: expect.stringMatching(/castle/) },
    ]);
  });

  it('answers fuzzed bodies with 2xx or 4xx only', async () => {
    const server = await serve({ cacheSize: 0 });
    const record = recordsOf(models.frame, [0])[0];
    const bodies = fc.oneof(
      fc.string().map((s) => s),
      fc.jsonValue().map((v) => JSON.stringify(v)),
      fc
        .dictionary(fc.constantFrom(...Object.keys(record)), fc.jsonValue())
        .map((patch) => JSON.stringify([{ ...record, ...patch }])),
    );
    await fc.assert(
      fc.asyncProperty(bodies, async (payload) => {
        const response = await server.app.inject({
          method: 'POST',
          url: '/v1/models/credit/predict',
          payload,
          headers: { 'content-type': 'application/json' },
        });
        expect(response.statusCode).toBeLessThan(500);
        if (response.statusCode !== 200)
          expect(response.json().error.code).toMatch(/^(ARGMIN|FST)_/);
      }),
      { numRuns: 300 },
    );
  });
});

describe('argmin serve: tokens, management and traffic', () => {
  it('checks the bearer token on management routes, and on predictions when protected', async () => {
    const server = await serve({ token: 's3cret', protectPredictions: true });
    const payload = recordsOf(models.frame, [0]);
    const noToken = await server.app.inject({
      method: 'POST',
      url: '/v1/models/credit/predict',
      payload,
    });
    const wrong = await server.app.inject({
      method: 'POST',
      url: '/v1/models/credit/predict',
      payload,
      headers: { authorization: 'Bearer nope!!' },
    });
    const right = await server.app.inject({
      method: 'POST',
      url: '/v1/models/credit/predict',
      payload,
      headers: { authorization: 'Bearer s3cret' },
    });
    expect([noToken.statusCode, wrong.statusCode, right.statusCode]).toEqual([401, 401, 200]);
    expect(noToken.headers['www-authenticate']).toMatch(/Bearer/);
    expect((await server.app.inject({ url: '/health' })).statusCode).toBe(200);
    const unload = await server.app.inject({
      method: 'DELETE',
      url: '/v1/models/credit@challenger',
    });
    expect(unload.statusCode).toBe(401);
  });

  it('loads and unloads models and moves aliases through the management routes, swapping at once', async () => {
    const server = await serve({ models: ['credit@champion'], token: 'tok' });
    const auth = { authorization: 'Bearer tok' };
    const loaded = await server.app.inject({
      method: 'POST',
      url: '/v1/models',
      payload: { model: 'credit/2' },
      headers: auth,
    });
    expect(loaded.statusCode).toBe(201);
    expect(loaded.json()).toMatchObject({ model: 'credit/2', version: 2 });
    const again = await server.app.inject({
      method: 'POST',
      url: '/v1/models',
      payload: { model: 'credit/2' },
      headers: auth,
    });
    expect(again.statusCode).toBe(409);
    const payload = recordsOf(models.frame, [0]);
    expect(
      (await server.app.inject({ method: 'POST', url: '/v1/models/credit/2/predict', payload }))
        .statusCode,
    ).toBe(404);
    expect(
      (
        await server.app.inject({ method: 'POST', url: '/v1/models/credit@2/predict', payload })
      ).json().version,
    ).toBe(2);

    await server.app.inject({ method: 'POST', url: '/v1/models/credit/predict', payload });
    const cachedBefore = server.cache?.size ?? 0;
    expect(cachedBefore).toBe(2);
    const moved = await server.app.inject({
      method: 'PUT',
      url: '/v1/models/credit/aliases/champion',
      payload: { version: 2, reason: 'test' },
      headers: auth,
    });
    expect(moved.json()).toEqual({ name: 'credit', alias: 'champion', version: 2 });
    // Version 1 is served by no slot now: its cached answers are gone.
    expect(server.cache?.size).toBe(1);
    expect(
      (
        await server.app.inject({ method: 'POST', url: '/v1/models/credit/predict', payload })
      ).json().version,
    ).toBe(2);
    await server.app.inject({
      method: 'PUT',
      url: '/v1/models/credit/aliases/champion',
      payload: { version: 1 },
      headers: auth,
    });
    const bad = await server.app.inject({
      method: 'PUT',
      url: '/v1/models/credit/aliases/champion',
      payload: { version: 'two' },
      headers: auth,
    });
    expect(bad.statusCode).toBe(400);
    const missing = await server.app.inject({
      method: 'PUT',
      url: '/v1/models/credit/aliases/champion',
      payload: { version: 99 },
      headers: auth,
    });
    expect(missing.statusCode).toBe(404);

    expect(
      (
        await server.app.inject({ method: 'DELETE', url: '/v1/models/credit@2', headers: auth })
      ).json(),
    ).toEqual({ unloaded: 'credit/2' });
    expect(
      (await server.app.inject({ method: 'POST', url: '/v1/models/credit@2/predict', payload }))
        .statusCode,
    ).toBe(404);
  });

  it('canary and A/B endpoints split traffic as configured; A/B sticks to a key', async () => {
    const server = await serve({
      endpoints: {
        credit: { policy: { type: 'canary', candidate: 'credit@challenger', percent: 25 } },
      },
      cacheSize: 0,
    });
    const payload = recordsOf(models.frame, [0]);
    let challenger = 0;
    for (let i = 0; i < 400; i++) {
      const r = await server.app.inject({
        method: 'POST',
        url: '/v1/models/credit/predict',
        payload,
      });
      if (r.json().version === 2) challenger++;
    }
    expect(challenger / 400).toBeGreaterThan(0.18);
    expect(challenger / 400).toBeLessThan(0.32);

    const ab = await serve({
      endpoints: {
        credit: {
          policy: {
            type: 'ab',
            variants: [
              { model: 'credit@champion', weight: 1 },
              { model: 'credit@challenger', weight: 1 },
            ],
          },
        },
      },
    });
    const versions = new Set<number>();
    for (let user = 0; user < 40; user++) {
      const seen = new Set<number>();
      for (let k = 0; k < 3; k++) {
        const r = await ab.app.inject({
          method: 'POST',
          url: '/v1/models/credit/predict',
          payload,
          headers: { 'x-argmin-key': `user-${user}` },
        });
        seen.add(r.json().version);
      }
      expect(seen.size).toBe(1);
      versions.add([...seen][0]);
    }
    expect(versions).toEqual(new Set([1, 2]));
  });

  it('a bandit endpoint learns from POST /v1/feedback', async () => {
    const server = await serve({
      endpoints: {
        credit: { policy: { type: 'bandit', arms: ['credit@champion', 'credit@challenger'] } },
      },
      cacheSize: 0,
    });
    const payload = recordsOf(models.frame, [0]);
    let late = 0;
    for (let i = 0; i < 300; i++) {
      const r = (
        await server.app.inject({ method: 'POST', url: '/v1/models/credit/predict', payload })
      ).json();
      const fb = await server.app.inject({
        method: 'POST',
        url: '/v1/feedback',
        payload: { requestId: r.requestId, reward: r.version === 2 ? 1 : 0 },
      });
      expect(fb.json()).toMatchObject({ recorded: true, endpoint: 'credit' });
      if (i >= 200 && r.version === 2) late++;
    }
    expect(late).toBeGreaterThan(80);
    const again = await server.app.inject({
      method: 'POST',
      url: '/v1/feedback',
      payload: { requestId: 'nope', reward: 1 },
    });
    expect(again.statusCode).toBe(404);
    const bad = await server.app.inject({
      method: 'POST',
      url: '/v1/feedback',
      payload: { requestId: 'x', reward: 2 },
    });
    expect(bad.statusCode).toBe(400);
    const state = (await server.app.inject({ url: '/v1/models' })).json().endpoints[0].state;
    expect(state[1].pulls).toBeGreaterThan(state[0].pulls);
  });

  it('refuses a policy that routes to a model not loaded', async () => {
    const server = createServer({
      models: ['credit@champion'],
      store,
      pollIntervalMs: 0,
      endpoints: { credit: { policy: { type: 'shadow', candidate: 'credit@challenger' } } },
    });
    servers.push(server);
    await expect(server.loaded).rejects.toThrow(/credit@challenger.*not loaded/);
  });
});

describe('argmin serve: prediction log', () => {
  it('writes sampled requests off the request path, and both sides of shadowed ones', async () => {
    const server = await serve({
      endpoints: { credit: { policy: { type: 'shadow', candidate: 'credit@challenger' } } },
      predictionLog: { sampleRate: 1, flushIntervalMs: 50 },
      cacheSize: 0,
    });
    const payload = recordsOf(models.frame, [3, 4]);
    const answer = (
      await server.app.inject({ method: 'POST', url: '/v1/models/credit/predict', payload })
    ).json();
    expect(answer.version).toBe(1);
    await new Promise((r) => setTimeout(r, 20));
    await server.log?.flush();
    const logged = await listPredictions(store, { requestId: answer.requestId });
    expect(logged.map((r) => [r.role, r.version]).sort()).toEqual([
      ['primary', 1],
      ['shadow', 2],
    ]);
    const primary = logged.find((r) => r.role === 'primary');
    expect(primary?.inputs).toEqual(payload);
    expect(primary?.latencyMs).toBeGreaterThan(0);
    expect((primary?.outputs as { predictions: string[] }).predictions).toEqual(answer.predictions);
    const shadow = logged.find((r) => r.role === 'shadow');
    expect((shadow?.outputs as { predictions: string[] }).predictions).toEqual(
      models.logistic.predict(models.frame.take(Int32Array.of(3, 4))),
    );
  });

  it('samples at the configured rate', async () => {
    const server = await serve({
      models: ['credit@champion'],
      predictionLog: { sampleRate: 0.2, seed: 5 },
      cacheSize: 0,
    });
    const payload = recordsOf(models.frame, [7]);
    const ids: string[] = [];
    for (let i = 0; i < 300; i++)
      ids.push(
        (
          await server.app.inject({ method: 'POST', url: '/v1/models/credit/predict', payload })
        ).json().requestId,
      );
    await server.log?.flush();
    const logged = (await listPredictions(store, { model: 'credit', limit: 10_000 })).filter((r) =>
      ids.includes(r.requestId),
    );
    expect(logged.length).toBeGreaterThan(35);
    expect(logged.length).toBeLessThan(85);
  });
});
