import cluster from 'node:cluster';
import type { Command } from 'commander';
import { Option } from 'commander';
import pc from 'picocolors';
import { AggregatorRegistry } from 'prom-client';
import { InvalidParameterError } from '../errors.js';
import type { EndpointConfig, ModelServer, ServeOptions } from '../serve/index.js';
import { createServer } from '../serve/index.js';
import { openStore } from '../store/index.js';
import { readConfigFile } from './config-file.js';
import { duration, positiveInteger } from './option-parsers.js';
import {
  answerSiblings,
  askPrimaryForMetrics,
  inheritedChanges,
  runPrimary,
  workerFeedbackRelay,
  workerModelsRelay,
} from './serve-cluster.js';

interface ServeCommandOptions {
  port: number;
  host: string;
  workers: number;
  store?: string;
  config?: string;
  token?: string;
  protectPredictions?: boolean;
  batching: boolean;
  maxBatch: number;
  maxDelay: number;
  latencyObjective: number;
  queueLimit: number;
  maxEventLoopDelay: number;
  cacheSize: number;
  logSample: number;
  predictionLog: boolean;
  unknownCategories: 'reject' | 'missing';
  allowMissing?: boolean;
  extraColumns: 'reject' | 'ignore';
  maxBody: number;
  maxRows: number;
  poll: number;
  logRequests?: boolean;
}

/** What `--config serve.yaml` may hold: more models, endpoints with traffic policies. */
interface ServeConfigFile {
  models?: string[];
  endpoints?: Record<string, EndpointConfig>;
}

function share(option: string) {
  return (value: string): number => {
    const n = Number(value);
    if (!(n >= 0 && n <= 1))
      throw new InvalidParameterError(
        'argmin serve',
        option,
        `is "${value}"; give a number from 0 to 1`,
      );
    return n;
  };
}

function bytes(value: string): number {
  const match = /^(\d+(?:\.\d+)?)\s*(b|kb|mb|gb)?$/i.exec(value.trim());
  if (match === null)
    throw new InvalidParameterError(
      'argmin serve',
      '--max-body',
      `is "${value}"; write e.g. 512kb or 4mb`,
    );
  const unit = { b: 1, kb: 1024, mb: 1024 ** 2, gb: 1024 ** 3 }[
    (match[2] ?? 'b').toLowerCase() as 'b'
  ];
  return Math.round(Number(match[1]) * unit);
}

const milliseconds = (option: string) => {
  const parse = duration(option);
  return (value: string): number => (/^\d+(\.\d+)?$/.test(value) ? Number(value) : parse(value));
};

export function registerServeCommand(program: Command): void {
  program
    .command('serve')
    .description(
      'serve models over HTTP: predictions, batching, caching, hot swaps, traffic policies, metrics',
    )
    .argument(
      '<models...>',
      'credit@champion, credit/3, path/model.argmin or name=path (first of a name answers /v1/models/<name>/predict)',
    )
    .option('-p, --port <port>', 'port (0 = any free one)', positiveInteger('--port', 0), 8080)
    .option('--host <host>', 'address to listen on', '127.0.0.1')
    .option(
      '-w, --workers <n>',
      'worker processes sharing the port',
      positiveInteger('--workers'),
      1,
    )
    .option(
      '--store <uri>',
      'store holding the registry and the prediction log (default: $ARGMIN_STORE or sqlite:./.argmin/argmin.db)',
    )
    .option(
      '--config <file>',
      'YAML/JSON with more models and endpoints: {endpoints: {credit: {policy: {type: canary, candidate: credit@challenger, percent: 10}}}}',
    )
    .option('--token <token>', 'bearer token for management routes (default: $ARGMIN_SERVE_TOKEN)')
    .option('--protect-predictions', 'require the token for predictions too')
    .option('--no-batching', 'predict each request on its own')
    .option('--max-batch <rows>', 'largest batch', positiveInteger('--max-batch'), 256)
    .option(
      '--max-delay <ms>',
      'longest a request waits for a batch to fill (0 = next event-loop turn)',
      milliseconds('--max-delay'),
      0,
    )
    .option(
      '--latency-objective <ms>',
      'batch latency the adaptive limit keeps under',
      milliseconds('--latency-objective'),
      10,
    )
    .option(
      '--queue-limit <rows>',
      'rows queued per model past which requests get 503',
      positiveInteger('--queue-limit'),
      4096,
    )
    .option(
      '--max-event-loop-delay <ms>',
      'answer 503 while the event loop runs this late (0 = off)',
      milliseconds('--max-event-loop-delay'),
      0,
    )
    .option(
      '--cache-size <n>',
      'cached answers (0 = no cache)',
      positiveInteger('--cache-size', 0),
      10_000,
    )
    .option(
      '--log-sample <share>',
      'share of requests written to the prediction log',
      share('--log-sample'),
      0.1,
    )
    .option('--no-prediction-log', 'keep no prediction log')
    .addOption(
      new Option('--unknown-categories <policy>', 'a category unseen in training')
        .choices(['reject', 'missing'])
        .default('reject'),
    )
    .option('--allow-missing', 'accept null in columns that had no missing values in training')
    .addOption(
      new Option('--extra-columns <policy>', 'columns the model does not use')
        .choices(['reject', 'ignore'])
        .default('reject'),
    )
    .option('--max-body <size>', 'largest request body', bytes, 1024 * 1024)
    .option('--max-rows <n>', 'most rows per request', positiveInteger('--max-rows'), 10_000)
    .option('--log-requests', 'log every request as a JSON line on standard output (pino)')
    .option(
      '--poll <duration>',
      'how often aliases are checked for moves (PostgreSQL also notifies at once)',
      milliseconds('--poll'),
      1000,
    )
    .action(async (models: string[], options: ServeCommandOptions) => {
      const config = options.config === undefined ? {} : await readConfig(options.config);
      const specs = [...models, ...(config.models ?? []).filter((m) => !models.includes(m))];
      if (options.workers > 1 && cluster.isPrimary) {
        await runPrimary(options);
        return;
      }
      await runServer(specs, config, options);
    });
}

async function readConfig(path: string): Promise<ServeConfigFile> {
  const config = await readConfigFile(path, 'argmin serve', ['models', 'endpoints']);
  const { models } = config.values;
  if (
    models !== undefined &&
    !(Array.isArray(models) && models.every((m) => typeof m === 'string'))
  )
    throw new InvalidParameterError(
      'argmin serve',
      'models',
      `must be a list of models such as [credit@challenger] (${config.where('models')})`,
    );
  return config.values as ServeConfigFile;
}

/** One server process (the only one, or a cluster worker). */
async function runServer(
  models: string[],
  config: ServeConfigFile,
  options: ServeCommandOptions,
): Promise<void> {
  const store = await openStore(options.store, { handleExit: false });
  const worker = cluster.isWorker;
  const token = options.token ?? process.env.ARGMIN_SERVE_TOKEN;
  const serveOptions: ServeOptions = {
    models,
    ...(config.endpoints === undefined ? {} : { endpoints: config.endpoints }),
    store,
    codec: {
      unknownCategories: options.unknownCategories,
      extraColumns: options.extraColumns,
      missingValues: options.allowMissing === true ? 'allow' : 'reject',
      maxRows: options.maxRows,
    },
    batching: {
      enabled: options.batching,
      maxBatchRows: options.maxBatch,
      maxDelayMs: options.maxDelay,
      latencyObjectiveMs: options.latencyObjective,
      queueLimitRows: options.queueLimit,
    },
    maxEventLoopDelayMs: options.maxEventLoopDelay,
    cacheSize: options.cacheSize,
    predictionLog: options.predictionLog ? { sampleRate: options.logSample } : false,
    ...(token === undefined || token === '' ? {} : { token }),
    protectPredictions: options.protectPredictions === true,
    bodyLimit: options.maxBody,
    pollIntervalMs: options.poll,
    logger: options.logRequests === true,
    ...(worker
      ? {
          metricsText: askPrimaryForMetrics,
          feedbackRelay: workerFeedbackRelay,
          modelsRelay: workerModelsRelay,
          changes: inheritedChanges(),
        }
      : {}),
    onEvent: (event) => {
      if (event.type === 'swap')
        console.error(
          `${prefix()}swapped ${event.key}: version ${event.from} → ${event.to} (${event.seconds.toFixed(2)} s to load and warm)`,
        );
      else
        console.error(
          `${prefix()}${pc.yellow('could not swap')} ${event.key}: ${event.error.message}; still serving the previous version`,
        );
    },
  };
  if (serveOptions.protectPredictions && serveOptions.token === undefined)
    throw new InvalidParameterError(
      'argmin serve',
      '--protect-predictions',
      'needs a token: pass --token or set ARGMIN_SERVE_TOKEN',
    );
  let server: ModelServer | undefined;
  try {
    server = createServer(serveOptions);
    if (worker) {
      // Constructing one installs prom-client's listener that answers the primary.
      new AggregatorRegistry();
      AggregatorRegistry.setRegistries([server.metrics.registry]);
      answerSiblings(server);
    }
    const address = await server.listen(options.port, options.host);
    await server.loaded;
    if (worker) process.send?.({ argmin: 'ready', address });
    else printReady(server, address, store.uri, serveOptions);
  } catch (error) {
    await server?.close().catch(() => undefined);
    await store.close();
    throw error;
  }
  await waitForShutdown(server);
  await store.close();
  // The IPC channel would keep a drained worker alive.
  if (worker) process.disconnect();
}

function prefix(): string {
  return cluster.isWorker ? pc.dim(`[worker ${cluster.worker?.id}] `) : '';
}

function printReady(
  server: ModelServer,
  address: string,
  storeUri: string,
  options: ServeOptions,
): void {
  console.error(`${pc.green('Serving')} at ${pc.bold(address)} (store ${storeUri})`);
  for (const slot of server.host.slots.values()) {
    const s = slot.current;
    console.error(
      `  ${pc.bold(slot.key)} → ${s.source} (${s.model.task}, target ${s.model.target}, ${s.codec.signature.length} inputs)${slot.alias === null ? '' : ', follows the alias'}`,
    );
  }
  for (const endpoint of server.endpoints.byName.values()) {
    const policy = endpoint.policy.config;
    console.error(
      `  POST ${address}/v1/models/${endpoint.name}/predict${policy.type === 'single' ? '' : `  [${policy.type}: ${endpoint.policy.slots.join(', ')}]`}`,
    );
  }
  console.error(
    `  also: /invocations (MLflow), /v1/models, /health, /ready, /metrics, /docs${options.token === undefined ? '' : '; management routes need the token'}`,
  );
  const first = server.host.slots.values().next().value;
  if (first !== undefined) {
    const row = Object.fromEntries(
      first.current.codec.signature.map((c) => [
        c.name,
        c.kind === 'categorical' ? (c.levels?.[0] ?? null) : c.kind === 'boolean' ? false : 0,
      ]),
    );
    console.error(
      pc.dim(
        `  try: curl -s ${address}/v1/models/${first.name}/predict -H 'content-type: application/json' -d '${JSON.stringify([row])}'`,
      ),
    );
  }
  console.error(pc.dim('  Ctrl-C stops after answering the requests in flight'));
}

/** Resolves after SIGINT/SIGTERM once the server drained; a second signal exits at once. */
function waitForShutdown(server: ModelServer): Promise<void> {
  return new Promise((resolve) => {
    let stopping = false;
    const stop = (signal: string) => {
      // A worker hears Ctrl-C itself and from its primary: once is enough (the primary kills
      // workers on a second Ctrl-C).
      if (stopping && cluster.isWorker) return;
      if (stopping) {
        console.error(`${prefix()}${signal} again: exiting without draining`);
        process.exit(1);
      }
      stopping = true;
      if (!cluster.isWorker) console.error(`${signal}: draining requests in flight…`);
      void server.close().then(resolve, (error: unknown) => {
        console.error(`${prefix()}shutdown failed: ${(error as Error).message}`);
        resolve();
      });
    };
    process.on('SIGINT', () => stop('SIGINT'));
    process.on('SIGTERM', () => stop('SIGTERM'));
    // A cluster worker is told to stop by its primary.
    process.on('message', (message: { argmin?: string }) => {
      if (message?.argmin === 'shutdown') stop('shutdown');
    });
    // A worker whose primary died stops too.
    if (cluster.isWorker) process.on('disconnect', () => stop('disconnect'));
  });
}
