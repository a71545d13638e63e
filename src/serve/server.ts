import { randomBytes } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import Fastify from 'fastify';
import { ArgminError, InvalidParameterError } from '../errors.js';
import type { Store } from '../store/index.js';
import type { BatcherOptions } from './batcher.js';
import { OverloadedError } from './batcher.js';
import type { EndpointConfig, FeedbackOutcome } from './endpoints.js';
import { EventLoopGuard } from './event-loop-guard.js';
import { Endpoints } from './endpoints.js';
import type { InputCodecOptions } from './input-codec.js';
import type { HostEvent, Slot } from './model-host.js';
import { ModelHost } from './model-host.js';
import { managementRoutes, operationsRoutes } from './admin-routes.js';
import { predictionRoutes } from './prediction-routes.js';
import type { PredictionLogOptions } from './prediction-log.js';
import { PredictionLog } from './prediction-log.js';
import { PredictionCache } from './prediction-cache.js';
import type { ModelAnswer } from './served-model.js';
import { ServerMetrics } from './server-metrics.js';
import { errorBody, tokenMatches } from './http-helpers.js';

export interface ServeOptions {
  /** What to serve: `credit@champion`, `credit/3`, `path/model.argmin`, `name=path`. */
  readonly models: readonly string[];
  /** Traffic policies per endpoint (model name); others serve their first slot. */
  readonly endpoints?: Readonly<Record<string, EndpointConfig>>;
  /** Registry store (registry references, hot swaps, the prediction log). */
  readonly store?: Store;
  readonly codec?: InputCodecOptions;
  readonly batching?: BatcherOptions;
  /** Cached answers (default 10,000; 0 = no cache). */
  readonly cacheSize?: number;
  /** The prediction log (needs a store; default sample rate 0.1); false = off. */
  readonly predictionLog?: PredictionLogOptions | false;
  /** Bearer token for management routes (load, unload, alias moves). */
  readonly token?: string;
  /** Require the token for predictions too. */
  readonly protectPredictions?: boolean;
  /** Largest request body, bytes (default 1 MiB). */
  readonly bodyLimit?: number;
  /** Alias check interval, ms (default 1,000; 0 = never). */
  readonly pollIntervalMs?: number;
  /**
   * Refuse predictions (503) while the event loop runs more than this many ms late: the
   * overload the batcher's queue cannot see (default off).
   */
  readonly maxEventLoopDelayMs?: number;
  /** Seeds traffic splits (tests). */
  readonly seed?: number;
  /** Log each request with pino (default off: it costs throughput). */
  readonly logger?: boolean;
  /** Replaces `/metrics`'s text (a cluster worker asks its primary for every worker's). */
  readonly metricsText?: () => Promise<string>;
  /** Swaps and failed swaps. */
  readonly onEvent?: (event: HostEvent) => void;
  /** Cluster workers: feedback for requests other workers routed, rewards shared with them. */
  readonly feedbackRelay?: FeedbackRelay;
  /** Cluster workers: models loaded or unloaded through the API here, applied by the others. */
  readonly modelsRelay?: ModelsRelay;
  /**
   * Loads and unloads made through the API before this server started, applied after `models`
   * and before it is ready (a cluster worker started in place of one that died).
   */
  readonly changes?: readonly ModelChange[];
}

/** A model loaded (`POST /v1/models`) or unloaded (`DELETE /v1/models/:model`) while serving. */
export type ModelChange = { readonly load: string } | { readonly unload: string };

/**
 * How a worker process shares the model changes made through its API with its siblings (through
 * the cluster primary), so every worker serves the same models.
 */
export interface ModelsRelay {
  /** Resolves once every other worker has applied `change`; rejects naming those that failed. */
  share(change: ModelChange): Promise<void>;
}

/**
 * How a worker process reaches its siblings' bandits (through the cluster primary). Each worker
 * routes with its own copy of an endpoint's policy; relayed rewards keep the copies learning
 * from the same feedback, whichever worker a client's feedback reaches.
 */
export interface FeedbackRelay {
  /**
   * Asks the other workers to reward a request this one did not route: the outcome, null if none
   * routed it, or 'pending' when a worker (or the primary) did not answer in time — the request
   * is with it and the reward applies if it routed the request.
   */
  forward(requestId: string, reward: number): Promise<FeedbackOutcome | null | 'pending'>;
  /** Tells the other workers of a reward applied here. */
  publish(outcome: FeedbackOutcome, reward: number): void;
}

/** A running (or ready to listen) model server. */
export interface ModelServer {
  readonly app: FastifyInstance;
  readonly host: ModelHost;
  readonly endpoints: Endpoints;
  readonly metrics: ServerMetrics;
  readonly cache: PredictionCache<ModelAnswer> | undefined;
  readonly log: PredictionLog | undefined;
  /** Resolves once every model is loaded, warmed and watched; rejects if one fails to load. */
  readonly loaded: Promise<void>;
  isReady(): boolean;
  /** Starts listening; resolves with the address (`http://127.0.0.1:8080`). */
  listen(port: number, host?: string): Promise<string>;
  /** Graceful stop: refuses new requests, finishes those in flight, writes the log, stops. */
  close(): Promise<void>;
  /**
   * Rewards a request this server routed (feedback another worker received) and publishes the
   * reward to the relay; null when this server did not route it.
   */
  claimFeedback(requestId: string, reward: number): FeedbackOutcome | null;
  /**
   * Loads or unloads a model here (a change a sibling worker was asked for): the slot loaded, or
   * the key unloaded; null when there was nothing to unload.
   */
  applyModelChange(change: ModelChange): Promise<Slot | string | null>;
}

const REQUEST_ID = /^[A-Za-z0-9_.:-]{1,128}$/;

/**
 * Builds the model server: Fastify with encapsulated plugins for predictions (`/v1/models/…`,
 * MLflow's `/invocations`, feedback), operations (`/health`, `/ready`, `/metrics`, `/docs`) and
 * management (load, unload, alias moves; bearer token). Models load in the background; `/ready`
 * answers 200 once they are loaded and warmed.
 *
 * @example
 * const server = createServer({ models: ['credit@champion'], store });
 * await server.listen(8080);
 * await server.loaded;
 */
export function createServer(options: ServeOptions): ModelServer {
  if (options.models.length === 0)
    throw new InvalidParameterError(
      'argmin serve',
      'models',
      'is empty; name at least one model to serve',
    );
  const metrics = new ServerMetrics();
  const cacheSize = options.cacheSize ?? 10_000;
  const cache = cacheSize > 0 ? new PredictionCache<ModelAnswer>(cacheSize) : undefined;
  const host: ModelHost = new ModelHost({
    metrics,
    ...(options.store === undefined ? {} : { store: options.store }),
    ...(options.codec === undefined ? {} : { codec: options.codec }),
    ...(options.batching === undefined ? {} : { batching: options.batching }),
    ...(options.pollIntervalMs === undefined ? {} : { pollIntervalMs: options.pollIntervalMs }),
    onEvent: (event) => {
      // A version no slot serves any more takes its cached answers with it.
      if (event.type === 'swap' && cache !== undefined) {
        const name = host.slots.get(event.key)?.name;
        const stillServed = [...host.slots.values()].some(
          (s) => s.name === name && s.current.version === event.from,
        );
        if (name !== undefined && !stillServed) cache.evictPrefix(`${name}:${event.from}\u0000`);
      }
      options.onEvent?.(event);
    },
  });
  const endpoints = new Endpoints(options.seed);
  const log =
    options.store !== undefined && options.predictionLog !== false
      ? new PredictionLog(options.store, {
          ...(options.predictionLog ?? {}),
          onDrop: (n) => metrics.logDropped.inc(n),
        })
      : undefined;
  if (cache !== undefined) metrics.cacheHitRatio = () => cache.hitRatio;
  const loopGuard =
    options.maxEventLoopDelayMs !== undefined && options.maxEventLoopDelayMs > 0
      ? new EventLoopGuard(options.maxEventLoopDelayMs)
      : undefined;

  let ready = false;
  let closing = false;
  const idPrefix = randomBytes(4).toString('hex');
  let nextId = 0;
  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit: options.bodyLimit ?? 1024 * 1024,
    return503OnClosing: true,
    forceCloseConnections: 'idle',
    requestIdHeader: false,
    genReqId: (raw) => {
      const given = raw.headers['x-request-id'];
      return typeof given === 'string' && REQUEST_ID.test(given)
        ? given
        : `${idPrefix}-${(nextId++).toString(36)}`;
    },
  });

  // JSON only: a text/plain body is 415, not a string the codec would have to refuse.
  app.removeContentTypeParser('text/plain');
  app.setErrorHandler((error: Error & { statusCode?: number; code?: string }, request, reply) => {
    const status = error instanceof ArgminError ? error.statusCode : (error.statusCode ?? 500);
    if (status >= 500 && !(error instanceof OverloadedError)) request.log.error(error);
    const message =
      status >= 500 && !(error instanceof ArgminError)
        ? 'internal error; see the server log'
        : error.message;
    void reply
      .code(status)
      .header('x-request-id', request.id)
      .send(
        errorBody(
          error.code ?? (status >= 500 ? 'ARGMIN_INTERNAL' : 'ARGMIN_BAD_REQUEST'),
          message,
        ),
      );
  });
  app.setNotFoundHandler((request, reply) => {
    void reply
      .code(404)
      .send(errorBody('ARGMIN_NOT_FOUND', `no route ${request.method} ${request.url}; see /docs`));
  });

  const requireToken = (request: FastifyRequest, reply: FastifyReply, done: () => void): void => {
    if (options.token === undefined || tokenMatches(request.headers.authorization, options.token)) {
      done();
      return;
    }
    void reply
      .code(401)
      .header('www-authenticate', 'Bearer realm="argmin"')
      .send(
        errorBody(
          'ARGMIN_UNAUTHORIZED',
          'this route needs "Authorization: Bearer <token>" with the server\'s token',
        ),
      );
  };

  const claimFeedback = (requestId: string, reward: number): FeedbackOutcome | null => {
    const routed = endpoints.feedback(requestId, reward);
    if (routed !== null) options.feedbackRelay?.publish(routed, reward);
    return routed;
  };

  void app.register(predictionRoutes, {
    host,
    endpoints,
    metrics,
    cache,
    log,
    loopGuard,
    isReady: () => ready,
    requireToken: options.protectPredictions === true ? requireToken : undefined,
    claimFeedback,
    feedbackRelay: options.feedbackRelay,
  });

  void app.register(operationsRoutes, {
    host,
    endpoints,
    metrics,
    state: () => (closing ? 'closing' : ready ? 'ready' : 'loading'),
    ...(options.metricsText === undefined ? {} : { metricsText: options.metricsText }),
    unknownAsMissing: options.codec?.unknownCategories === 'missing',
  });
  const applyModelChange = async (change: ModelChange): Promise<Slot | string | null> => {
    if ('load' in change) {
      const slot = await host.load(change.load);
      endpoints.ensureDefaults(host);
      return slot;
    }
    const slot = host.find(change.unload);
    if (slot === undefined || !host.unload(slot.key)) return null;
    endpoints.prune(host);
    endpoints.ensureDefaults(host);
    return slot.key;
  };

  void app.register(managementRoutes, {
    host,
    requireToken,
    applyModelChange,
    ...(options.modelsRelay === undefined ? {} : { modelsRelay: options.modelsRelay }),
  });

  const loaded = (async () => {
    for (const spec of options.models) await host.load(spec);
    for (const [name, config] of Object.entries(options.endpoints ?? {}))
      endpoints.configure(host, name, config);
    endpoints.ensureDefaults(host);
    for (const change of options.changes ?? []) await applyModelChange(change);
    await host.watch();
    ready = true;
  })();
  // The caller awaits `loaded`; this keeps an unawaited failure from crashing the process.
  loaded.catch(() => undefined);

  return {
    app,
    host,
    endpoints,
    metrics,
    cache,
    log,
    loaded,
    isReady: () => ready && !closing,
    claimFeedback,
    applyModelChange,
    async listen(port: number, hostname = '127.0.0.1') {
      return app.listen({ port, host: hostname });
    },
    async close() {
      closing = true;
      loopGuard?.stop();
      // Keep-alive sockets whose last request finishes while we close would otherwise stay
      // open until their timeout: close each as soon as it is idle.
      const sweep = setInterval(() => app.server.closeIdleConnections(), 25);
      try {
        await app.close();
      } finally {
        clearInterval(sweep);
      }
      for (const slot of host.slots.values()) slot.current.batcher.drain();
      await host.close();
      await log?.close();
    },
  };
}
