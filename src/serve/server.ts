import { randomBytes } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import Fastify from 'fastify';
import { ArgminError, InvalidParameterError } from '../errors.js';
import type { Store } from '../store/index.js';
import type { BatcherOptions } from './batcher.js';
import { OverloadedError } from './batcher.js';
import type { Endpoint, EndpointConfig, FeedbackOutcome } from './endpoints.js';
import { EventLoopGuard } from './event-loop-guard.js';
import { Endpoints } from './endpoints.js';
import type { InputCodecOptions } from './input-codec.js';
import { inputRecords } from './input-codec.js';
import type { HostEvent, Slot } from './model-host.js';
import { ModelHost } from './model-host.js';
import { managementRoutes, operationsRoutes } from './admin-routes.js';
import type { PredictionLogOptions } from './prediction-log.js';
import { PredictionLog } from './prediction-log.js';
import { PredictionCache } from './prediction-cache.js';
import type { ModelAnswer, ServedModel } from './served-model.js';
import { ServerMetrics } from './server-metrics.js';
import { errorBody, invalidInput, mlflowTable, stickyKey, tokenMatches } from './http-helpers.js';

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
}

/**
 * How a worker process reaches its siblings' bandits (through the cluster primary). Each worker
 * routes with its own copy of an endpoint's policy; relayed rewards keep the copies learning
 * from the same feedback, whichever worker a client's feedback reaches.
 */
export interface FeedbackRelay {
  /** Asks the other workers to reward a request this one did not route; null if none did. */
  forward(requestId: string, reward: number): Promise<FeedbackOutcome | null>;
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
}

const REQUEST_ID = /^[A-Za-z0-9_.:-]{1,128}$/;

declare module 'fastify' {
  interface FastifyRequest {
    /** `performance.now()` when the request reached the predictions plugin's first hook. */
    arrivedAt: number;
  }
}

/**
 * Milliseconds since the request arrived. (Fastify's `reply.elapsedTime` reads 0 unless a
 * logger or an onResponse hook is installed, which would cost every request more.)
 */
const elapsedMs = (request: FastifyRequest): number => performance.now() - request.arrivedAt;

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

  /** 503 with Retry-After, counted as shed. */
  const shed = (served: ServedModel, reply: FastifyReply, error: OverloadedError) => {
    served.metrics.error('shed');
    served.metrics.request(503, elapsedMs(reply.request) / 1000);
    return reply
      .code(503)
      .header('retry-after', String(error.retryAfterSeconds))
      .send(errorBody(error.code, error.message));
  };

  /** Validates, predicts (cache, batcher), answers, logs and mirrors one request. */
  const predictWith = async (
    request: FastifyRequest,
    reply: FastifyReply,
    slot: Slot,
    endpoint: string,
    body: unknown,
    shadow?: Slot,
  ): Promise<unknown> => {
    const served = slot.current;
    if (loopGuard?.overloaded === true)
      return shed(
        served,
        reply,
        new OverloadedError(
          `the server's event loop is ${Math.round(loopGuard.lagMs)} ms behind (limit ${loopGuard.limitMs} ms)`,
        ),
      );
    const at = Date.now();
    const decoded = served.codec.decode(body);
    if (!decoded.ok) {
      served.metrics.error('validation');
      served.metrics.request(400, elapsedMs(request) / 1000);
      return reply.code(400).send(invalidInput(decoded));
    }
    let answer: ModelAnswer;
    try {
      if (cache !== undefined) {
        const { value, hit } = cache.get(
          `${served.id}\u0000${served.codec.canonicalKey(decoded.input)}`,
          () => served.predict(decoded.input),
        );
        served.metrics.cache(hit);
        answer = await value;
      } else {
        answer = await served.predict(decoded.input);
      }
    } catch (error) {
      if (error instanceof OverloadedError) return shed(served, reply, error);
      served.metrics.error('internal');
      served.metrics.request(500, elapsedMs(request) / 1000);
      throw error;
    }
    const latencyMs = elapsedMs(request);
    served.metrics.request(200, latencyMs / 1000);
    const mirrored = shadow !== undefined;
    if (log !== undefined && (mirrored || log.sample())) {
      log.record({
        requestId: request.id,
        model: served.name,
        version: served.version,
        endpoint,
        role: mirrored ? 'primary' : slot.key,
        at,
        latencyMs,
        rows: decoded.input.rows,
        inputs: inputRecords(served.codec.signature, decoded.input),
        outputs: answer,
      });
    }
    if (shadow !== undefined) setImmediate(() => void mirror(request.id, shadow, endpoint, body));
    void reply.header('x-request-id', request.id);
    return {
      model: served.name,
      version: served.version,
      requestId: request.id,
      ...answer,
    };
  };

  /** Shadow traffic: predict with the candidate after answering, log it beside the primary. */
  const mirror = async (requestId: string, slot: Slot, endpoint: string, body: unknown) => {
    const served: ServedModel = slot.current;
    const started = performance.now();
    const at = Date.now();
    const decoded = served.codec.decode(body);
    let outputs: unknown;
    try {
      outputs = decoded.ok
        ? await served.predict(decoded.input)
        : { error: invalidInput(decoded).error };
    } catch (error) {
      outputs = { error: { message: (error as Error).message } };
    }
    log?.record({
      requestId,
      model: served.name,
      version: served.version,
      endpoint,
      role: 'shadow',
      at,
      latencyMs: performance.now() - started,
      rows: decoded.ok ? decoded.input.rows : 0,
      inputs: decoded.ok ? inputRecords(served.codec.signature, decoded.input) : body,
      outputs,
    });
  };

  const notReady = (reply: FastifyReply) =>
    reply
      .code(503)
      .header('retry-after', '1')
      .send(errorBody('ARGMIN_NOT_READY', 'models are still loading; see /ready'));

  /** `:model` → an endpoint (policy routing) or a slot. */
  const dispatch = (
    request: FastifyRequest,
    reply: FastifyReply,
    key: string,
    body: unknown,
  ): Promise<unknown> | FastifyReply => {
    if (!ready) return notReady(reply);
    const endpoint: Endpoint | undefined = endpoints.byName.get(key);
    if (endpoint !== undefined) {
      const policyKey = stickyKey(request, endpoint);
      const decision = endpoints.route(endpoint, request.id, policyKey);
      const slot = host.slots.get(decision.slot);
      const shadow = decision.shadow === undefined ? undefined : host.slots.get(decision.shadow);
      if (slot !== undefined) return predictWith(request, reply, slot, endpoint.name, body, shadow);
    }
    const slot = host.find(key);
    if (slot === undefined) {
      metrics.unrouted(404);
      return reply
        .code(404)
        .send(
          errorBody(
            'ARGMIN_MODEL_NOT_FOUND',
            `no model "${key}" is served here (serving: ${[...endpoints.byName.keys(), ...host.slots.keys()].join(', ')})`,
          ),
        );
    }
    return predictWith(request, reply, slot, slot.name, body);
  };

  // Predictions (token only when asked for).
  app.decorateRequest('arrivedAt', 0);
  void app.register(async (scope) => {
    scope.addHook('onRequest', (request, _reply, done) => {
      request.arrivedAt = performance.now();
      done();
    });
    if (options.protectPredictions === true) scope.addHook('onRequest', requireToken);
    scope.post('/v1/models/:model/predict', (request, reply) =>
      dispatch(request, reply, (request.params as { model: string }).model, request.body),
    );
    scope.post('/v1/models/:name/versions/:version/predict', (request, reply) => {
      const { name, version } = request.params as { name: string; version: string };
      return dispatch(request, reply, `${name}/versions/${version}`, request.body);
    });
    scope.post('/invocations', (request, reply) => {
      const body = request.body as Record<string, unknown> | null;
      const table = mlflowTable(body);
      if (table === undefined)
        return reply
          .code(400)
          .send(
            errorBody(
              'ARGMIN_BAD_REQUEST',
              'send {"dataframe_split": {"columns": [...], "data": [[...]]}} or {"dataframe_records": [{...}]} as MLflow clients do',
            ),
          );
      const first = endpoints.byName.keys().next().value;
      if (first === undefined) return notReady(reply);
      return (async () => {
        const answer = (await dispatch(request, reply, first, table)) as { predictions?: unknown };
        if (reply.statusCode !== 200 || answer?.predictions === undefined) return answer;
        return { predictions: answer.predictions };
      })();
    });
    scope.post('/v1/feedback', async (request, reply) => {
      const body = request.body as { requestId?: unknown; reward?: unknown } | null;
      const requestId = body?.requestId;
      const reward = body?.reward;
      if (
        typeof requestId !== 'string' ||
        typeof reward !== 'number' ||
        !(reward >= 0 && reward <= 1)
      )
        return reply
          .code(400)
          .send(
            errorBody(
              'ARGMIN_BAD_REQUEST',
              'send {"requestId": "<from a prediction>", "reward": <number from 0 to 1>}',
            ),
          );
      const routed =
        claimFeedback(requestId, reward) ??
        (await options.feedbackRelay?.forward(requestId, reward)) ??
        null;
      if (routed === null)
        return reply
          .code(404)
          .send(
            errorBody(
              'ARGMIN_NOT_FOUND',
              `request "${requestId}" was not routed by a bandit (unknown, too old, or already rewarded)`,
            ),
          );
      return { recorded: true, ...routed };
    });
  });

  void app.register(operationsRoutes, {
    host,
    endpoints,
    metrics,
    state: () => (closing ? 'closing' : ready ? 'ready' : 'loading'),
    ...(options.metricsText === undefined ? {} : { metricsText: options.metricsText }),
    unknownAsMissing: options.codec?.unknownCategories === 'missing',
  });
  void app.register(managementRoutes, { host, endpoints, requireToken });

  const loaded = (async () => {
    for (const spec of options.models) await host.load(spec);
    for (const [name, config] of Object.entries(options.endpoints ?? {}))
      endpoints.configure(host, name, config);
    endpoints.ensureDefaults(host);
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
