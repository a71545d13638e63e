import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/index.js';
import type { CreditModels, JsonRecord } from '../serve/serve-fixture.js';
import { creditModels, recordsOf, registerCredit } from '../serve/serve-fixture.js';
import type { Child } from './cli-child.js';
import { runArgmin, stopChildren } from './cli-child.js';

const folder = mkdtempSync(join(tmpdir(), 'argmin-serve-cli-'));
const storeUri = `sqlite:${join(folder, 'argmin.db')}`;
let models: CreditModels;
let payload: JsonRecord[];

beforeAll(async () => {
  models = await creditModels();
  payload = recordsOf(models.frame, [0]);
  const store = await openStore(storeUri, { handleExit: false });
  await registerCredit(store, models);
  await store.close();
});
afterAll(() => rmSync(folder, { recursive: true, force: true }));

const predict = (address: string, body: unknown = payload) =>
  fetch(`${address}/v1/models/credit/predict`, {
    method: 'POST',
    body: JSON.stringify(body),
    headers: { 'content-type': 'application/json' },
  });

/**
 * One request through `agent` (false: on a connection of its own, which the cluster hands to the
 * workers in turn), answering the status and the parsed JSON body; status 0 when it fails.
 */
const send = (agent: http.Agent | false, address: string, path: string, body?: unknown) =>
  new Promise<{ status: number; json: Record<string, unknown> }>((resolve) => {
    const request = http.request(
      `${address}${path}`,
      {
        method: body === undefined ? 'GET' : 'POST',
        agent,
        headers: { 'content-type': 'application/json' },
      },
      (response) => {
        let text = '';
        response.on('data', (c: Buffer) => (text += c.toString()));
        response.on('end', () =>
          resolve({ status: response.statusCode ?? 0, json: JSON.parse(text) }),
        );
      },
    );
    request.on('error', () => resolve({ status: 0, json: {} }));
    request.end(body === undefined ? undefined : JSON.stringify(body));
  });

const onNewConnection = (address: string, path: string, body?: unknown) =>
  send(false, address, path, body);

/** The pid answering /health on a new connection. */
const healthPid = async (address: string) => {
  const { status, json } = await onNewConnection(address, '/health');
  return status === 200 ? (json.pid as number) : undefined;
};

/** `argmin serve credit@champion` on a free port with `extra` options, once it is serving. */
async function serveCredit(...extra: string[]): Promise<{ child: Child; address: string }> {
  const child = runArgmin([
    'serve',
    'credit@champion',
    '--store',
    storeUri,
    '--port',
    '0',
    ...extra,
  ]);
  const [, address] = await child.stderrMatches(/Serving at (http:\/\/[\d.:]+)/);
  return { child, address };
}

/**
 * `argmin serve` with `--config FILE` serving credit@challenger too and giving the `credit`
 * endpoint `policy` (YAML flow); no prediction log, no cache.
 */
async function serveWithPolicy(file: string, policy: string, ...extra: string[]) {
  const config = join(folder, file);
  writeFileSync(
    config,
    `models: [credit@challenger]\nendpoints:\n  credit:\n    policy: ${policy}\n`,
  );
  const served = await serveCredit(
    '--config',
    config,
    '--no-prediction-log',
    '--cache-size',
    '0',
    ...extra,
  );
  return { ...served, config };
}

/** `argmin serve` with two workers and a Thompson bandit over champion and challenger. */
async function serveBanditOnTwoWorkers(file: string) {
  const served = await serveWithPolicy(
    file,
    '{ type: bandit, arms: [credit@champion, credit@challenger] }',
    '--workers',
    '2',
  );
  await served.child.stderrMatches(/with 2 worker processes/);
  return served;
}

/**
 * Rewards of 1 a worker's bandit holds, from its `GET /v1/models`: Σ(alpha − 1) over the arms,
 * where meanReward = alpha / (alpha + 1) while every reward was 1.
 */
function banditRewards(models: Record<string, unknown>): number {
  const [endpoint] = (models as { endpoints: { state: { meanReward: number }[] }[] }).endpoints;
  return endpoint.state.reduce((sum, arm) => sum + arm.meanReward / (1 - arm.meanReward) - 1, 0);
}

// A test that fails before stopping its argmin process must not leave it running.
afterEach(stopChildren);

describe('argmin serve (child process)', () => {
  it('drains requests in flight on SIGTERM, exits 0, and the prediction log holds them', async () => {
    const { child, address } = await serveCredit(
      '--log-sample',
      '1',
      '--max-delay',
      '1500ms',
      '--cache-size',
      '0',
    );
    const inFlight = Array.from({ length: 6 }, (_, i) =>
      predict(address, recordsOf(models.frame, [i])),
    );
    // The batcher holds them up to 1.5 s: SIGTERM arrives while all six are in flight.
    await new Promise((r) => setTimeout(r, 400));
    child.kill('SIGTERM');
    const answers = await Promise.all(inFlight);
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 200, 200, 200]);
    const result = await child.done;
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/SIGTERM: draining/);
    await expect(predict(address)).rejects.toThrow();

    const listed = await runArgmin([
      'predictions',
      'list',
      '--store',
      storeUri,
      '--format',
      'json',
      '--max',
      '50',
    ]).done;
    expect(listed.code).toBe(0);
    const records = JSON.parse(listed.stdout) as { model: string; version: number; rows: number }[];
    expect(records).toHaveLength(6);
    expect(records.every((r) => r.model === 'credit' && r.version === 1 && r.rows === 1)).toBe(
      true,
    );
    const table = await runArgmin(['predictions', 'list', '--store', storeUri, '--model', 'credit'])
      .done;
    expect(table.stdout).toMatch(/request\s+model\s+version\s+role/);
  });

  it('runs worker processes on one port and sums their metrics', async () => {
    const { child, address } = await serveCredit('--workers', '2', '--no-prediction-log');
    await child.stderrMatches(/Serving at (http:\/\/[\d.:]+) with 2 worker processes/);
    const answers = await Promise.all(Array.from({ length: 40 }, () => predict(address)));
    expect(answers.every((a) => a.status === 200)).toBe(true);
    const text = await (await fetch(`${address}/metrics`)).text();
    const counted = [
      ...text.matchAll(/^argmin_requests_total\{[^}]*status="200"[^}]*\} (\d+)/gm),
    ].reduce((sum, m) => sum + Number(m[1]), 0);
    expect(counted).toBe(40);
    child.kill('SIGTERM');
    const result = await child.done;
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/draining requests in flight in 2 workers/);
  });

  it('replaces a worker that dies and keeps answering meanwhile', async () => {
    const { child, address } = await serveCredit('--workers', '2', '--no-prediction-log');
    await child.stderrMatches(/Serving at (http:\/\/[\d.:]+) with 2 worker/);
    const pids = new Set<number>();
    for (let i = 0; i < 40 && pids.size < 2; i++) {
      const pid = await healthPid(address);
      if (pid !== undefined) pids.add(pid);
    }
    expect(pids.size).toBe(2);
    const [victim] = [...pids];
    process.kill(victim, 'SIGKILL');
    await child.stderrMatches(/worker \d+ died \(SIGKILL\); starting another/);
    const answers = await Promise.all(Array.from({ length: 20 }, () => predict(address)));
    expect(answers.every((a) => a.status === 200)).toBe(true);
    const later = new Set<number>();
    for (let i = 0; i < 200 && later.size < 2; i++) {
      const pid = await healthPid(address);
      if (pid !== undefined && pid !== victim) later.add(pid);
      await new Promise((r) => setTimeout(r, 20));
    }
    expect(later.size).toBe(2);
    expect(later.has(victim)).toBe(false);
    child.kill('SIGTERM');
    expect((await child.done).code).toBe(0);
  });

  it('loads and unloads a model through the API on every worker, a replacement worker too', async () => {
    const { child, address } = await serveCredit(
      '--workers',
      '2',
      '--no-prediction-log',
      '--cache-size',
      '0',
    );
    await child.stderrMatches(/with 2 worker processes/);
    // Predictions for credit@challenger on ten new connections: both workers answer.
    const challengerStatuses = async () => {
      const statuses = [];
      for (let i = 0; i < 10; i++)
        statuses.push(
          (await onNewConnection(address, '/v1/models/credit@challenger/predict', payload)).status,
        );
      return statuses;
    };
    expect(await challengerStatuses()).toEqual(Array(10).fill(404));

    const loaded = await onNewConnection(address, '/v1/models', { model: 'credit@challenger' });
    expect(loaded.status, JSON.stringify(loaded.json)).toBe(201);
    expect(await challengerStatuses()).toEqual(Array(10).fill(200));

    // A worker started in place of a dead one loads it before it is ready.
    const victim = await healthPid(address);
    expect(victim).toBeDefined();
    process.kill(victim as number, 'SIGKILL');
    await child.stderrMatches(/with 2 worker processes[\s\S]*with 2 worker processes/);
    expect(await challengerStatuses()).toEqual(Array(10).fill(200));

    const unloaded = await fetch(`${address}/v1/models/credit@challenger`, { method: 'DELETE' });
    expect(unloaded.status).toBe(200);
    expect(await unloaded.json()).toEqual({ unloaded: 'credit@challenger' });
    expect(await challengerStatuses()).toEqual(Array(10).fill(404));
    expect((await predict(address)).status).toBe(200);
    child.kill('SIGTERM');
    expect((await child.done).code).toBe(0);
  });

  it('rewards a bandit whichever worker the feedback reaches, and every worker learns from it', async () => {
    const { child, address } = await serveBanditOnTwoWorkers('bandit.yaml');
    // A new connection per call, so predictions and their feedback land on either worker.
    const post = (path: string, body: unknown) => onNewConnection(address, path, body);
    const ids: string[] = [];
    for (let i = 0; i < 12; i++) {
      const answer = await post('/v1/models/credit/predict', payload);
      expect(answer.status).toBe(200);
      ids.push(answer.json.requestId as string);
    }
    await healthPid(address); // shifts the turn, so feedback mostly reaches the other worker
    for (const requestId of ids) {
      const feedback = await post('/v1/feedback', { requestId, reward: 1 });
      expect(feedback.status, JSON.stringify(feedback.json)).toBe(200);
      expect(feedback.json).toMatchObject({ recorded: true, endpoint: 'credit' });
    }
    // Rewarded once only, wherever asked.
    expect((await post('/v1/feedback', { requestId: ids[0], reward: 1 })).status).toBe(404);
    // Each worker's posterior holds all 12 rewards. Ten fresh connections reach both workers.
    for (let i = 0; i < 10; i++) {
      const { json } = await onNewConnection(address, '/v1/models');
      expect(banditRewards(json)).toBeCloseTo(12, 6);
    }
    child.kill('SIGTERM');
    expect((await child.done).code).toBe(0);
  });

  it('answers 202 for feedback a stopped sibling worker holds, which that worker applies on resuming', async () => {
    const { child, address } = await serveBanditOnTwoWorkers('bandit-stopped.yaml');
    // Two keep-alive connections, one to each worker.
    const agents: http.Agent[] = [];
    const pids: number[] = [];
    for (let i = 0; i < 20 && pids.length < 2; i++) {
      const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
      const pid = (await send(agent, address, '/health')).json.pid as number;
      if (pids.includes(pid)) agent.destroy();
      else {
        agents.push(agent);
        pids.push(pid);
      }
    }
    expect(pids).toHaveLength(2);
    const [toStopped, toRunning] = agents;
    try {
      const routed = await send(toStopped, address, '/v1/models/credit/predict', payload);
      expect(routed.status).toBe(200);
      const requestId = routed.json.requestId as string;
      process.kill(pids[0], 'SIGSTOP');
      let pending: Awaited<ReturnType<typeof send>>;
      try {
        pending = await send(toRunning, address, '/v1/feedback', { requestId, reward: 1 });
      } finally {
        process.kill(pids[0], 'SIGCONT');
      }
      expect(pending.status, JSON.stringify(pending.json)).toBe(202);
      expect(pending.json).toMatchObject({ recorded: 'pending', requestId });
      // Resumed, the worker that routed the request applies the reward it was offered…
      await new Promise((wake) => setTimeout(wake, 300));
      const { json } = await send(toStopped, address, '/v1/models');
      expect(banditRewards(json)).toBeCloseTo(1, 6);
      // …once: the request is no longer open for feedback.
      expect(
        (await send(toRunning, address, '/v1/feedback', { requestId, reward: 1 })).status,
      ).toBe(404);
    } finally {
      for (const agent of agents) agent.destroy();
    }
    child.kill('SIGTERM');
    expect((await child.done).code).toBe(0);
  });

  it('routes by the traffic policy of a --config file', async () => {
    const { child, address, config } = await serveWithPolicy(
      'serve.yaml',
      '{ type: canary, candidate: credit@challenger, percent: 50 }',
    );
    await child.stderrMatches(/\[canary: credit@champion, credit@challenger\]/);
    const versions = new Set<number>();
    for (let i = 0; i < 60; i++)
      versions.add(((await (await predict(address)).json()) as { version: number }).version);
    expect(versions).toEqual(new Set([1, 2]));
    child.kill('SIGTERM');
    expect((await child.done).code).toBe(0);
    writeFileSync(config, 'endpoint: {}\n');
    const bad = await runArgmin([
      'serve',
      'credit@champion',
      '--store',
      storeUri,
      '--port',
      '0',
      '--config',
      config,
    ]).done;
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(
      /option "endpoint" is not a setting of its config file \(.*line 1, column 1\); known: models, endpoints/,
    );
  });

  it('exits 1 naming a model the registry does not have', async () => {
    const result = await runArgmin(['serve', 'credit@nobody', '--store', storeUri, '--port', '0'])
      .done;
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/nobody/);
  });
});
