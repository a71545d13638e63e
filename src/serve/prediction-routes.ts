import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { OverloadedError } from './batcher.js';
import type { Endpoint, Endpoints, FeedbackOutcome } from './endpoints.js';
import type { EventLoopGuard } from './event-loop-guard.js';
import { errorBody, invalidInput, mlflowTable, stickyKey } from './http-helpers.js';
import { inputRecords } from './input-codec.js';
import type { ModelHost, Slot } from './model-host.js';
import type { PredictionCache } from './prediction-cache.js';
import type { PredictionLog } from './prediction-log.js';
import type { FeedbackRelay } from './server.js';
import type { ModelAnswer, ServedModel } from './served-model.js';
import type { ServerMetrics } from './server-metrics.js';

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

/** What the prediction routes use. */
export interface PredictionContext {
  readonly host: ModelHost;
  readonly endpoints: Endpoints;
  readonly metrics: ServerMetrics;
  readonly cache: PredictionCache<ModelAnswer> | undefined;
  readonly log: PredictionLog | undefined;
  /** Sheds predictions while the event loop runs late (`--max-event-loop-delay`). */
  readonly loopGuard: EventLoopGuard | undefined;
  /** Whether every model is loaded and warmed. */
  readonly isReady: () => boolean;
  /** The token check, when predictions need the token too. */
  readonly requireToken:
    ((request: FastifyRequest, reply: FastifyReply, done: () => void) => void) | undefined;
  /** Rewards a request this server routed (and shares the reward with sibling workers). */
  readonly claimFeedback: (requestId: string, reward: number) => FeedbackOutcome | null;
  /** Cluster workers: asks the siblings about feedback for requests they routed. */
  readonly feedbackRelay: FeedbackRelay | undefined;
}

/**
 * The prediction path as a Fastify plugin: `POST /v1/models/:model/predict` (an endpoint with its
 * traffic policy, `name@alias` or `name/N`), `…/versions/:version/predict`, MLflow's
 * `/invocations` and `/v1/feedback`. A request is routed, decoded by the model's codec, answered
 * from the cache or the batcher, logged (sampled) and, under a shadow policy, mirrored to the
 * candidate after the answer.
 */
export async function predictionRoutes(
  scope: FastifyInstance,
  {
    host,
    endpoints,
    metrics,
    cache,
    log,
    loopGuard,
    isReady,
    requireToken,
    claimFeedback,
    feedbackRelay,
  }: PredictionContext,
): Promise<void> {
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
    if (!isReady()) return notReady(reply);
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

  scope.decorateRequest('arrivedAt', 0);
  scope.addHook('onRequest', (request, _reply, done) => {
    request.arrivedAt = performance.now();
    done();
  });
  if (requireToken !== undefined) scope.addHook('onRequest', requireToken);
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
      claimFeedback(requestId, reward) ?? (await feedbackRelay?.forward(requestId, reward)) ?? null;
    if (routed === 'pending')
      return reply.code(202).send({
        recorded: 'pending',
        requestId,
        message:
          'another worker process has not answered yet; it will apply the reward if it routed this request (do not send it again)',
      });
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
}
