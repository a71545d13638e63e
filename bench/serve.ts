/**
 * Serving: `argmin serve` against gunicorn (2 workers) + Flask around the same model in XGBoost
 * and in scikit-learn, and a bare node:http server that parses the JSON and answers a constant
 * (the ceiling of HTTP here). Model: GBDT, 500 trees of depth 6, on the credit data; every server
 * answers the same one-row JSON. Throughput and latency under load come from `wrk -t2 -c16`
 * (Debian's wrk); fixed-rate runs (p99 at 1,000 req/s, batching past saturation, a hot swap under
 * load) from bench/load-generator.ts in its own process; twice the unbatched saturation rate
 * from bench/open-loop.c (compiled with gcc at the start), since a Node generator cannot offer it
 * here. The prediction cache is off for every argmin figure (one repeated body would be all cache
 * hits); the prediction log keeps its default 10% sample.
 *
 * Needs: apt-get install wrk gunicorn python3-flask python3-xgboost python3-sklearn (and gcc)
 *
 *   npm run build && node dist/bench/serve.js
 */
import type { ChildProcess } from 'node:child_process';
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readTable } from '../src/data/index.js';
import { Pipeline, treePreprocessor } from '../src/features/index.js';
import { HistGradientBoostingClassifier } from '../src/learners/gbdt/index.js';
import { saveModel } from '../src/model/index.js';
import { Registry } from '../src/registry/index.js';
import type { InputCodec, ServedModel } from '../src/serve/index.js';
import { createServer, ModelHost, ServerMetrics } from '../src/serve/index.js';
import { openStore } from '../src/store/index.js';
import type { BenchRow } from './report.js';
import { printMarkdown, repoRoot, runAnchor, writeResults } from './report.js';

const WRK_SECONDS = 10;
const creditCsv = join(repoRoot, 'examples', 'data', 'credit.csv');
const argmin = join(repoRoot, 'bin', 'argmin.js');
const dir = mkdtempSync(join(tmpdir(), 'argmin-bench-serve-'));
const storeUri = `sqlite:${join(dir, 'argmin.db')}`;
const record = {
  Seniority: 9,
  Home: 'rent',
  Time: 60,
  Age: 30,
  Marital: 'married',
  Records: 'no',
  Job: 'freelance',
  Expenses: 73,
  Income: 129,
  Assets: 0,
  Debt: 0,
  Amount: 800,
  Price: 846,
};
const body = JSON.stringify([record]);
const bodyFile = join(dir, 'body.json');
writeFileSync(bodyFile, body);
const wrkScript = join(dir, 'post.lua');
writeFileSync(
  wrkScript,
  `wrk.method = "POST"\nwrk.headers["Content-Type"] = "application/json"\nwrk.body = ${JSON.stringify(body)}\n`,
);

interface WrkResult {
  readonly rps: number;
  readonly p50: number;
  readonly p99: number;
  readonly non2xx: number;
}

function wrk(url: string, connections = 16): WrkResult {
  const out = execFileSync(
    'wrk',
    ['-t2', `-c${connections}`, `-d${WRK_SECONDS}s`, '--latency', '-s', wrkScript, url],
    { encoding: 'utf8' },
  );
  const ms = (label: string): number => {
    const m = new RegExp(`\\s${label}%\\s+([\\d.]+)(us|ms|s)`).exec(out);
    if (m === null) throw new Error(`wrk printed no ${label}th percentile:\n${out}`);
    return Number(m[1]) * { us: 1e-3, ms: 1, s: 1000 }[m[2] as 'ms'];
  };
  const rps = Number(/Requests\/sec:\s+([\d.]+)/.exec(out)?.[1]);
  const non2xx = Number(/Non-2xx or 3xx responses: (\d+)/.exec(out)?.[1] ?? 0);
  return { rps, p50: ms('50'), p99: ms('99'), non2xx };
}

interface LoadResult {
  readonly sent: number;
  readonly completed: number;
  readonly errors: number;
  readonly statuses: Record<string, number>;
  readonly achievedRate: number;
  readonly p50: number;
  readonly p99: number;
}

function load(url: string, rate: number, seconds: number): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [
      join(repoRoot, 'dist', 'bench', 'load-generator.js'),
      url,
      String(rate),
      String(seconds),
      bodyFile,
    ]);
    let out = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString()));
    child.on('close', (code) =>
      code === 0
        ? resolve(JSON.parse(out.trim()) as LoadResult)
        : reject(new Error(`load generator exited ${code}`)),
    );
  });
}

interface OpenLoopResult {
  readonly sent: number;
  readonly completed: number;
  readonly errors: number;
  readonly statuses: { readonly '200': number; readonly '503': number; readonly other: number };
  readonly achievedRate: number;
  readonly okRate: number;
  readonly p50: number;
  readonly p99: number;
}

const openLoopBinary = join(dir, 'open-loop');
execFileSync('gcc', ['-O2', '-o', openLoopBinary, join(repoRoot, 'bench', 'open-loop.c'), '-lm']);

/** `rate` requests per second for `seconds` over 16 connections, on schedule (bench/open-loop.c). */
function openLoop(port: number, rate: number, seconds: number): OpenLoopResult {
  const out = execFileSync(
    openLoopBinary,
    [
      '127.0.0.1',
      String(port),
      '/v1/models/credit/predict',
      bodyFile,
      String(rate),
      String(seconds),
      '16',
    ],
    { encoding: 'utf8' },
  );
  return JSON.parse(out) as OpenLoopResult;
}

async function waitHealthy(url: string, child: ChildProcess, seconds = 120): Promise<void> {
  const deadline = Date.now() + seconds * 1000;
  for (;;) {
    if (child.exitCode !== null)
      throw new Error(`server exited (${child.exitCode}) before it was ready`);
    try {
      const response = await fetch(url);
      if (response.status === 200) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`${url} not ready after ${seconds} s`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

async function withServer<T>(
  command: string,
  args: readonly string[],
  env: NodeJS.ProcessEnv,
  readyUrl: string,
  work: () => Promise<T>,
): Promise<T> {
  const child = spawn(command, args, {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  try {
    await waitHealthy(readyUrl, child);
    return await work();
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => (child.exitCode !== null ? r(null) : child.on('close', r)));
  }
}

function argminServer(port: number, extra: readonly string[] = []): [string, string[]] {
  return [
    process.execPath,
    [
      argmin,
      'serve',
      'credit@champion',
      '--store',
      storeUri,
      '--port',
      String(port),
      '--cache-size',
      '0',
      ...extra,
    ],
  ];
}

function gbdt(trees: number, seed: number) {
  return new HistGradientBoostingClassifier({
    nEstimators: trees,
    maxDepth: 6,
    learningRate: 0.1,
    seed,
  });
}

async function main(): Promise<void> {
  const frame = await readTable(creditCsv, { target: 'Status' });
  console.log('fitting the 500-tree models…');
  const fit = (trees: number, seed: number) =>
    new Pipeline({
      preprocessor: treePreprocessor(frame, frame.featureNames),
      learner: gbdt(trees, seed),
    }).fit(frame, 'Status');
  const paths = {
    v1: join(dir, 'v1.argmin'),
    v2: join(dir, 'v2.argmin'),
    big: join(dir, 'big.argmin'),
  };
  await saveModel(fit(500, 1), paths.v1);
  await saveModel(fit(500, 2), paths.v2);
  await saveModel(fit(1000, 3), paths.big);
  const store = await openStore(storeUri, { handleExit: false });
  const registry = new Registry(store);
  await registry.createVersion('credit', { artifactUri: paths.v1, createModel: true });
  await registry.createVersion('credit', { artifactUri: paths.v2 });
  await registry.createVersion('credit', { artifactUri: paths.big });
  await registry.setAlias('credit', 'champion', 1);

  // Raw predict: decode the same body and predict one row in-process.
  const metrics = new ServerMetrics();
  const host = new ModelHost({ metrics, store, pollIntervalMs: 0 });
  const served: ServedModel = (await host.load('credit@champion')).current;
  const codec: InputCodec = served.codec;
  const parsed = JSON.parse(body) as unknown;
  const samples = new Float64Array(20_000);
  const warm = codec.decode(parsed);
  if (!warm.ok) throw new Error(`the benchmark body is invalid: ${JSON.stringify(warm.problems)}`);
  for (let i = 0; i < 2000; i++) served.predictBatch([warm.input]);
  for (let i = 0; i < samples.length; i++) {
    const t = performance.now();
    const decoded = codec.decode(parsed);
    if (decoded.ok) served.predictBatch([decoded.input]);
    samples[i] = performance.now() - t;
  }
  const rawP50 = samples.sort()[samples.length / 2];
  console.log(`raw decode + predict of one row: p50 ${(rawP50 * 1000).toFixed(1)} µs`);

  // The same request through the whole server in-process (Fastify inject: routing, JSON parse,
  // validation, batcher, serialization; no socket), against the raw decode + predict above.
  const inProcess = createServer({
    models: ['credit@champion'],
    store,
    cacheSize: 0,
    predictionLog: false,
    pollIntervalMs: 0,
  });
  await inProcess.loaded;
  const injected = new Float64Array(10_000);
  const injectOnce = () =>
    inProcess.app.inject({
      method: 'POST',
      url: '/v1/models/credit/predict',
      payload: body,
      headers: { 'content-type': 'application/json' },
    });
  for (let i = 0; i < 2000; i++) await injectOnce();
  for (let i = 0; i < injected.length; i++) {
    const t = performance.now();
    await injectOnce();
    injected[i] = performance.now() - t;
  }
  const injectP50 = injected.sort()[injected.length / 2];
  await inProcess.close();
  console.log(`in-process request p50 ${(injectP50 * 1000).toFixed(1)} µs`);

  // Load + warm a 1,000-tree model.
  const loadTimes: number[] = [];
  for (let i = 0; i < 5; i++) {
    const t = performance.now();
    const slot = await host.load('credit/3');
    loadTimes.push(performance.now() - t);
    host.unload(slot.key);
  }
  const loadMs = loadTimes.sort((a, b) => a - b)[2];
  await host.close();
  const anchorLoad = runAnchor('serve_load_anchor.py', [creditCsv]) as {
    load_ms: number;
    version: string;
  };
  console.log(
    `load + warm 1,000 trees: ${loadMs.toFixed(0)} ms (XGBoost ${anchorLoad.load_ms.toFixed(0)} ms)`,
  );

  const predictPath = '/v1/models/credit/predict';
  const results: Record<string, WrkResult> = {};
  const measure = async (
    name: string,
    port: number,
    command: string,
    args: readonly string[],
    env: NodeJS.ProcessEnv = {},
  ) => {
    console.log(`wrk -t2 -c16 -d${WRK_SECONDS}s against ${name}…`);
    results[name] = await withServer(
      command,
      args,
      env,
      `http://127.0.0.1:${port}/health`,
      async () => {
        if (command === process.execPath && args[0] === argmin)
          await waitHealthy(`http://127.0.0.1:${port}/ready`, { exitCode: null } as ChildProcess);
        wrk(`http://127.0.0.1:${port}${predictPath}`); // warm-up run, discarded
        return wrk(`http://127.0.0.1:${port}${predictPath}`);
      },
    );
    console.log(
      `  ${results[name].rps.toFixed(0)} req/s, p50 ${results[name].p50} ms, p99 ${results[name].p99} ms`,
    );
  };
  await measure('argmin', 18401, ...argminServer(18401));
  await measure('argmin-2-workers', 18402, ...argminServer(18402, ['--workers', '2']));
  await measure('argmin-unbatched', 18403, ...argminServer(18403, ['--no-batching']));
  await measure('bare', 18404, process.execPath, [
    join(repoRoot, 'dist', 'bench', 'bare-http.js'),
    '18404',
  ]);
  const gunicorn = (port: number, kind: string): [string, string[], NodeJS.ProcessEnv] => [
    '/usr/bin/gunicorn',
    [
      '-w',
      '2',
      '-b',
      `127.0.0.1:${port}`,
      '--chdir',
      join(repoRoot, 'bench', 'anchors'),
      'serve_anchor_app:app',
    ],
    { ARGMIN_ANCHOR_MODEL: kind, ARGMIN_CREDIT_CSV: creditCsv, OMP_NUM_THREADS: '1' },
  ];
  await measure('flask-xgboost', 18405, ...gunicorn(18405, 'xgboost'));
  await measure('flask-sklearn', 18406, ...gunicorn(18406, 'sklearn'));

  // Fixed-rate runs.
  const fixed: Record<string, LoadResult> = {};
  const atRate = async (
    name: string,
    port: number,
    server: [string, string[]],
    rate: number,
    during?: () => Promise<void>,
  ) => {
    console.log(`${rate} req/s for 10 s against ${name}…`);
    fixed[name] = await withServer(
      server[0],
      server[1],
      {},
      `http://127.0.0.1:${port}/ready`,
      async () => {
        await load(`http://127.0.0.1:${port}${predictPath}`, Math.min(rate, 500), 2); // warm-up
        const run = load(`http://127.0.0.1:${port}${predictPath}`, rate, 10);
        if (during !== undefined) await during();
        return run;
      },
    );
    const r = fixed[name];
    console.log(
      `  achieved ${r.achievedRate.toFixed(0)} req/s, p50 ${r.p50.toFixed(2)} ms, p99 ${r.p99.toFixed(2)} ms, statuses ${JSON.stringify(r.statuses)}, errors ${r.errors}`,
    );
  };
  await atRate('argmin@200', 18407, argminServer(18407), 200);
  await atRate(
    'bare@200',
    18408,
    [process.execPath, [join(repoRoot, 'dist', 'bench', 'bare-http.js'), '18408']],
    200,
  );
  await atRate('argmin@1000', 18409, argminServer(18409), 1000);
  // Past saturation: wrk with 64 connections (closed loop; an open-loop generator in Node on these
  // two cores cannot offer 2× the unbatched saturation rate, it saturates first).
  for (const [name, port, extra] of [
    ['argmin-batched-c64', 18413, []],
    ['argmin-unbatched-c64', 18414, ['--no-batching']],
  ] as const) {
    const [command, args] = argminServer(port, extra);
    console.log(`wrk -t2 -c64 against ${name}…`);
    results[name] = await withServer(
      command,
      args,
      {},
      `http://127.0.0.1:${port}/ready`,
      async () => {
        wrk(`http://127.0.0.1:${port}${predictPath}`, 64);
        return wrk(`http://127.0.0.1:${port}${predictPath}`, 64);
      },
    );
    console.log(
      `  ${results[name].rps.toFixed(0)} req/s, p50 ${results[name].p50} ms, p99 ${results[name].p99} ms, non-2xx ${results[name].non2xx}`,
    );
  }
  // Open loop at twice the unbatched saturation rate (bench/open-loop.c: requests leave on
  // schedule whatever the answers, latency charged from when each was due).
  // The unbatched saturation rate: the most the --no-batching server answered in this run
  // (wrk with 16 or 64 connections; one 10 s window alone can read low on these shared cores).
  const overload = Math.round(
    2 * Math.max(results['argmin-unbatched'].rps, results['argmin-unbatched-c64'].rps),
  );
  const open: Record<string, OpenLoopResult> = {};
  for (const [name, port, extra] of [
    ['batched', 18415, []],
    ['batched-guarded', 18416, ['--max-event-loop-delay', '20ms']],
    ['batched-2-workers', 18418, ['--workers', '2']],
    ['unbatched', 18417, ['--no-batching']],
  ] as const) {
    const [command, args] = argminServer(port, extra);
    console.log(`open loop at ${overload} req/s for 10 s against argmin ${name}…`);
    open[name] = await withServer(command, args, {}, `http://127.0.0.1:${port}/ready`, async () => {
      openLoop(port, Math.round(overload / 4), 2); // warm-up
      return openLoop(port, overload, 10);
    });
    const r = open[name];
    console.log(
      `  answered ${r.achievedRate.toFixed(0)} req/s (${r.okRate.toFixed(0)} with 200), p50 ${r.p50.toFixed(2)} ms, p99 ${r.p99.toFixed(2)} ms, 503 ${r.statuses['503']}, other ${r.statuses.other}, errors ${r.errors}`,
    );
  }
  let swaps = 0;
  await atRate(
    'argmin-swap@1000',
    18412,
    argminServer(18412, ['--poll', '200ms']),
    1000,
    async () => {
      for (const version of [2, 1, 2]) {
        await new Promise((r) => setTimeout(r, 2500));
        await registry.setAlias('credit', 'champion', version);
        swaps++;
      }
    },
  );
  await store.close();

  const a = results.argmin;
  const best = Math.max(results['flask-xgboost'].rps, results['flask-sklearn'].rps);
  const failed = (r: LoadResult) =>
    r.errors +
    Object.entries(r.statuses)
      .filter(([s]) => s !== '200')
      .reduce((n, [, c]) => n + c, 0);
  const rows: BenchRow[] = [
    {
      case: 'GBDT 500×depth 6, one-row JSON, wrk -t2 -c16',
      metric: 'throughput, 1 process',
      unit: 'req/s',
      argmin: a.rps,
      anchor: 'gunicorn (2 workers) + Flask + XGBoost 1.7.4',
      anchorValue: results['flask-xgboost'].rps,
      better: 'higher',
    },
    {
      case: 'GBDT 500×depth 6, one-row JSON, wrk -t2 -c16',
      metric: 'throughput, 1 process',
      unit: 'req/s',
      argmin: a.rps,
      anchor: 'gunicorn (2 workers) + Flask + scikit-learn 1.2.1 HGB',
      anchorValue: results['flask-sklearn'].rps,
      better: 'higher',
    },
    {
      case: 'GBDT 500×depth 6, one-row JSON, wrk -t2 -c16',
      metric: 'throughput, 1 process',
      unit: 'req/s',
      argmin: a.rps,
      anchor: 'bare node:http (parse JSON, constant answer)',
      anchorValue: results.bare.rps,
      better: 'higher',
    },
    {
      case: 'GBDT 500×depth 6, one-row JSON, wrk -t2 -c16',
      metric: 'throughput, --workers 2',
      unit: 'req/s',
      argmin: results['argmin-2-workers'].rps,
      anchor: 'bare node:http (parse JSON, constant answer)',
      anchorValue: results.bare.rps,
      better: 'higher',
    },
    {
      case: 'GBDT 500×depth 6, one-row JSON, wrk -t2 -c16',
      metric: 'throughput, --no-batching',
      unit: 'req/s',
      argmin: results['argmin-unbatched'].rps,
      anchor: 'argmin with batching (same run)',
      anchorValue: a.rps,
      better: 'higher',
    },
    {
      case: 'GBDT 500×depth 6, one-row JSON, wrk -t2 -c16',
      metric: 'p50 latency under wrk',
      unit: 'ms',
      argmin: a.p50,
      anchor: 'gunicorn + Flask + XGBoost',
      anchorValue: results['flask-xgboost'].p50,
      better: 'lower',
    },
    {
      case: 'GBDT 500×depth 6, one-row JSON, wrk -t2 -c16',
      metric: 'p99 latency under wrk',
      unit: 'ms',
      argmin: a.p99,
      anchor: 'gunicorn + Flask + XGBoost',
      anchorValue: results['flask-xgboost'].p99,
      better: 'lower',
    },
    {
      case: 'fixed 1,000 req/s for 10 s',
      metric: 'p99 latency',
      unit: 'ms',
      argmin: fixed['argmin@1000'].p99,
      anchor: 'target 10 ms',
      anchorValue: 10,
      better: 'lower',
    },
    {
      case: 'fixed 200 req/s',
      metric: 'p50 latency (client)',
      unit: 'ms',
      argmin: fixed['argmin@200'].p50,
      anchor: 'bare node:http p50 at 200 req/s',
      anchorValue: fixed['bare@200'].p50,
      better: 'lower',
    },
    {
      case: 'one-row request in-process (Fastify inject, no socket)',
      metric: 'server overhead: request p50 − raw decode+predict p50',
      unit: 'ms',
      argmin: injectP50 - rawP50,
      anchor: 'target 0.3 ms',
      anchorValue: 0.3,
      better: 'lower',
    },
    {
      case: 'fixed 200 req/s over loopback',
      metric: 'p50 latency − raw decode+predict p50',
      unit: 'ms',
      argmin: fixed['argmin@200'].p50 - rawP50,
      anchor: 'bare node:http p50 at 200 req/s',
      anchorValue: fixed['bare@200'].p50,
      better: 'lower',
    },
    {
      case: 'wrk -t2 -c64 (past saturation)',
      metric: 'throughput, batching on',
      unit: 'req/s',
      argmin: results['argmin-batched-c64'].rps,
      anchor: 'argmin --no-batching, same load',
      anchorValue: results['argmin-unbatched-c64'].rps,
      better: 'higher',
    },
    {
      case: 'wrk -t2 -c64 (past saturation)',
      metric: 'p99 latency, batching on',
      unit: 'ms',
      argmin: results['argmin-batched-c64'].p99,
      anchor: 'argmin --no-batching, same load',
      anchorValue: results['argmin-unbatched-c64'].p99,
      better: 'lower',
    },
    {
      case: 'wrk -t2 -c64 (past saturation)',
      metric: 'non-2xx (shed) share, batching on',
      unit: '%',
      argmin:
        (100 * results['argmin-batched-c64'].non2xx) /
        (results['argmin-batched-c64'].rps * WRK_SECONDS),
      anchor: 'target 1%',
      anchorValue: 1,
      better: 'lower',
    },
    ...(['batched', 'batched-guarded', 'batched-2-workers'] as const).flatMap(
      (name): BenchRow[] => {
        const r = open[name];
        const label = {
          batched: 'batching on',
          'batched-guarded': 'batching + --max-event-loop-delay 20ms',
          'batched-2-workers': 'batching, --workers 2',
        }[name];
        const caseName = `open loop at 2× the unbatched saturation rate (${overload} req/s), 10 s`;
        return [
          {
            case: caseName,
            metric: `p99 latency from due time, ${label}`,
            unit: 'ms',
            argmin: r.p99,
            anchor: 'target 20 ms',
            anchorValue: 20,
            better: 'lower',
          },
          {
            case: caseName,
            metric: `shed (503) or failed share, ${label}`,
            unit: '%',
            argmin: (100 * (r.sent - r.statuses['200'])) / r.sent,
            anchor: 'target 1%',
            anchorValue: 1,
            better: 'lower',
          },
          {
            case: caseName,
            metric: `answered (200) throughput, ${label}`,
            unit: 'req/s',
            argmin: r.okRate,
            anchor: 'argmin --no-batching, same load',
            anchorValue: open.unbatched.okRate,
            better: 'higher',
          },
        ];
      },
    ),
    {
      case: `hot swap ×${swaps} during 1,000 req/s for 10 s`,
      metric: 'failed requests',
      unit: 'requests',
      argmin: failed(fixed['argmin-swap@1000']),
      anchor: 'requests sent',
      anchorValue: fixed['argmin-swap@1000'].sent,
      better: 'lower',
    },
    {
      case: 'load + warm a 1,000-tree depth-6 model',
      metric: 'time',
      unit: 'ms',
      argmin: loadMs,
      anchor: `XGBoost ${anchorLoad.version} load_model(.ubj) + first predict`,
      anchorValue: anchorLoad.load_ms,
      better: 'lower',
    },
  ];
  printMarkdown(rows);
  console.log(
    `\nbest Flask anchor ${best.toFixed(0)} req/s; argmin ${a.rps.toFixed(0)} req/s = ${(a.rps / best).toFixed(1)}×; ${((100 * a.rps) / results.bare.rps).toFixed(0)}% of bare node:http`,
  );
  console.log(`results: ${writeResults('serve', 'npm run bench:serve', rows)}`);
}

main()
  .catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  })
  .finally(() => rmSync(dir, { recursive: true, force: true }));
