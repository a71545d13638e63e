import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Endpoints } from './endpoints.js';
import { describeSlot, errorBody } from './http-helpers.js';
import type { ModelHost, Slot } from './model-host.js';
import { docsPage, openApiDocument } from './openapi.js';
import type { ModelChange, ModelsRelay } from './server.js';
import type { ServerMetrics } from './server-metrics.js';

/** What the operations routes read. */
export interface OperationsContext {
  readonly host: ModelHost;
  readonly endpoints: Endpoints;
  readonly metrics: ServerMetrics;
  readonly state: () => 'loading' | 'ready' | 'closing';
  /** Replaces the local metrics (a cluster worker asks its primary for every worker's). */
  readonly metricsText?: () => Promise<string>;
  /** Unknown categories are read as missing: the OpenAPI schema lists no enum for them. */
  readonly unknownAsMissing: boolean;
}

/**
 * Operations, never behind the token (probes and scrapers): health, readiness, Prometheus
 * metrics, the OpenAPI document and page, and what is served.
 */
export async function operationsRoutes(
  scope: FastifyInstance,
  { host, endpoints, metrics, state, metricsText, unknownAsMissing }: OperationsContext,
): Promise<void> {
  scope.get('/health', () => ({ status: 'ok', pid: process.pid }));
  scope.get('/ready', (_request, reply) =>
    state() === 'ready'
      ? { status: 'ready', models: [...host.slots.keys()] }
      : reply.code(503).send({ status: state() }),
  );
  scope.get('/metrics', async (_request, reply) => {
    const text = metricsText !== undefined ? await metricsText() : await metrics.registry.metrics();
    return reply.header('content-type', metrics.registry.contentType).send(text);
  });
  scope.get('/docs/openapi.json', () => openApiDocument(host, unknownAsMissing));
  scope.get('/docs', (_request, reply) =>
    reply
      .header('content-type', 'text/html; charset=utf-8')
      .send(docsPage(openApiDocument(host, unknownAsMissing))),
  );
  scope.get('/v1/models', () => ({
    models: [...host.slots.values()].map(describeSlot),
    endpoints: [...endpoints.byName.values()].map((e) => ({
      name: e.name,
      primary: e.primary,
      policy: e.policy.config,
      ...(e.policy.state === undefined ? {} : { state: e.policy.state() }),
    })),
  }));
  scope.get('/v1/models/:model', (request, reply) => {
    const slot = host.find((request.params as { model: string }).model);
    return slot === undefined
      ? reply.code(404).send(errorBody('ARGMIN_MODEL_NOT_FOUND', 'no such model is served here'))
      : describeSlot(slot);
  });
}

/** What the management routes change, and the hook that checks the token. */
export interface ManagementContext {
  readonly host: ModelHost;
  readonly requireToken: (request: FastifyRequest, reply: FastifyReply, done: () => void) => void;
  /** Loads or unloads here (the slot loaded, the key unloaded, null if nothing to unload). */
  readonly applyModelChange: (change: ModelChange) => Promise<Slot | string | null>;
  /** Cluster workers: the same change on every sibling before answering. */
  readonly modelsRelay?: ModelsRelay;
}

/** Management, behind the bearer token when one is set: load, unload, move an alias. */
export async function managementRoutes(
  scope: FastifyInstance,
  { host, requireToken, applyModelChange, modelsRelay }: ManagementContext,
): Promise<void> {
  scope.addHook('onRequest', requireToken);
  scope.post('/v1/models', async (request, reply) => {
    const body = request.body as { model?: unknown } | null;
    if (typeof body?.model !== 'string')
      return reply
        .code(400)
        .send(
          errorBody(
            'ARGMIN_BAD_REQUEST',
            'send {"model": "credit/4"} (a registry reference or a .argmin path)',
          ),
        );
    const slot = (await applyModelChange({ load: body.model })) as Slot;
    await modelsRelay?.share({ load: body.model });
    return reply.code(201).send(describeSlot(slot));
  });
  scope.delete('/v1/models/:model', async (request, reply) => {
    const key = (request.params as { model: string }).model;
    const unloaded = (await applyModelChange({ unload: key })) as string | null;
    if (unloaded === null)
      return reply
        .code(404)
        .send(errorBody('ARGMIN_MODEL_NOT_FOUND', `no model "${key}" is loaded`));
    await modelsRelay?.share({ unload: unloaded });
    return { unloaded };
  });
  scope.put('/v1/models/:name/aliases/:alias', async (request, reply) => {
    const { name, alias } = request.params as { name: string; alias: string };
    const body = request.body as { version?: unknown; reason?: unknown } | null;
    const version = body?.version;
    if (typeof version !== 'number' || !Number.isInteger(version) || version < 1)
      return reply
        .code(400)
        .send(
          errorBody(
            'ARGMIN_BAD_REQUEST',
            'send {"version": <positive integer>, "reason": "optional text"}',
          ),
        );
    await host.setAlias(
      name,
      alias,
      version,
      typeof body?.reason === 'string' ? body.reason : undefined,
    );
    return { name, alias, version };
  });
}
