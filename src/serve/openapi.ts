import type { ColumnSignature } from '../features/index.js';
import { argminVersion } from '../model/index.js';
import type { ModelHost } from './model-host.js';

type Json = Record<string, unknown>;

/** The JSON Schema of one input cell. */
function cellSchema(column: ColumnSignature, nullableAlways: boolean): Json {
  const nullable = column.nullable || nullableAlways;
  const base: Json =
    column.kind === 'numeric'
      ? { type: 'number' }
      : column.kind === 'boolean'
        ? { type: 'boolean' }
        : column.kind === 'datetime'
          ? { type: 'string', format: 'date-time' }
          : {
              type: 'string',
              ...(column.levels === undefined ? {} : { enum: [...column.levels] }),
            };
  return nullable ? { ...base, nullable: true } : base;
}

/**
 * An OpenAPI 3.0 document of the server: every route, and for each loaded model its input
 * schema (records and columnar forms) built from the model's signature.
 */
export function openApiDocument(host: ModelHost, unknownAsMissing: boolean): Json {
  const paths: Json = {};
  const schemas: Json = {};
  const errorRef = { $ref: '#/components/schemas/Error' };
  schemas.Error = {
    type: 'object',
    properties: {
      error: {
        type: 'object',
        properties: {
          code: { type: 'string' },
          message: { type: 'string' },
          problems: {
            type: 'array',
            items: {
              type: 'object',
              properties: {
                row: { type: 'integer', nullable: true },
                column: { type: 'string', nullable: true },
                problem: { type: 'string' },
              },
            },
          },
          total: { type: 'integer' },
        },
      },
    },
  };
  for (const slot of host.slots.values()) {
    const served = slot.current;
    const id = slot.key.replace(/[^A-Za-z0-9_.-]/g, '_');
    const properties: Json = {};
    for (const c of served.codec.signature) {
      const cell = cellSchema(c, served.codec.options.missingValues === 'allow');
      // With unknown categories treated as missing, any string is accepted.
      if (unknownAsMissing && c.kind === 'categorical') delete cell.enum;
      properties[c.name] = cell;
    }
    const names = served.codec.signature.map((c) => c.name);
    schemas[`${id}_record`] = {
      type: 'object',
      properties,
      required: names,
      additionalProperties: served.codec.options.extraColumns === 'ignore',
    };
    schemas[`${id}_input`] = {
      oneOf: [
        { type: 'array', items: { $ref: `#/components/schemas/${id}_record` }, minItems: 1 },
        {
          type: 'object',
          required: ['columns', 'data'],
          properties: {
            columns: { type: 'array', items: { type: 'string', enum: names } },
            data: { type: 'array', items: { type: 'array' } },
          },
        },
      ],
    };
    const classifier = served.model.task === 'classification';
    paths[`/v1/models/${slot.key}/predict`] = {
      post: {
        summary: `Predict with ${slot.key} (${served.source}, ${served.model.task}, target ${served.model.target})`,
        operationId: `predict_${id}`,
        requestBody: {
          required: true,
          content: { 'application/json': { schema: { $ref: `#/components/schemas/${id}_input` } } },
        },
        responses: {
          200: {
            description: 'Predictions, one per row',
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  properties: {
                    model: { type: 'string' },
                    version: { type: 'integer', nullable: true },
                    requestId: { type: 'string' },
                    predictions: {
                      type: 'array',
                      items: classifier
                        ? { type: 'string', enum: [...(served.classes ?? [])] }
                        : { type: 'number' },
                    },
                    ...(classifier
                      ? {
                          classes: { type: 'array', items: { type: 'string' } },
                          probabilities: {
                            type: 'array',
                            items: { type: 'array', items: { type: 'number' } },
                          },
                        }
                      : {}),
                  },
                },
              },
            },
          },
          400: {
            description: 'Invalid input: every problem with its row and column',
            content: { 'application/json': { schema: errorRef } },
          },
          503: {
            description: 'Overloaded (see Retry-After) or not ready',
            content: { 'application/json': { schema: errorRef } },
          },
        },
      },
    };
  }
  const simple = (summary: string): Json => ({
    get: { summary, responses: { 200: { description: 'OK' } } },
  });
  paths['/v1/models'] = {
    ...simple('Models served: versions, signatures, traffic policies'),
    post: {
      summary: 'Load a model (management token)',
      responses: { 201: { description: 'Loaded' } },
    },
  };
  paths['/v1/models/{model}'] = {
    delete: {
      summary: 'Unload a model (management token)',
      responses: { 200: { description: 'Unloaded' } },
    },
  };
  paths['/v1/models/{name}/aliases/{alias}'] = {
    put: {
      summary: 'Move a registry alias and swap to it (management token)',
      responses: { 200: { description: 'Moved' } },
    },
  };
  paths['/v1/feedback'] = {
    post: {
      summary: 'Reward a routed request (bandit policies)',
      responses: {
        200: { description: 'Recorded' },
        202: {
          description:
            'Passed to a worker process that has not answered yet; it applies the reward if it routed the request (do not resend)',
        },
        400: { description: 'Not {"requestId": string, "reward": 0..1}' },
        404: { description: 'Not routed by a bandit here (unknown, too old or already rewarded)' },
      },
    },
  };
  paths['/invocations'] = {
    post: {
      summary: 'MLflow-compatible scoring (dataframe_split / dataframe_records)',
      responses: { 200: { description: 'OK' } },
    },
  };
  paths['/health'] = simple('Liveness');
  paths['/ready'] = simple('Readiness: 200 once every model is loaded and warmed');
  paths['/metrics'] = simple('Prometheus metrics');
  return {
    openapi: '3.0.3',
    info: { title: 'argmin model server', version: argminVersion() },
    paths,
    components: {
      schemas,
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } },
    },
  };
}

/** A small page listing the routes and each model's input schema, with no external assets. */
export function docsPage(document: Json): string {
  const escape = (s: string): string =>
    s.replace(
      /[&<>"]/g,
      (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c] ?? c,
    );
  const paths = document.paths as Record<string, Record<string, { summary?: string }>>;
  const rows = Object.entries(paths)
    .flatMap(([path, ops]) =>
      Object.entries(ops).map(
        ([method, op]) =>
          `<tr><td><code>${method.toUpperCase()}</code></td><td><code>${escape(path)}</code></td><td>${escape(op.summary ?? '')}</td></tr>`,
      ),
    )
    .join('\n');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>argmin model server</title>
<style>body{font-family:system-ui,sans-serif;margin:2rem;max-width:70rem}td{padding:.2rem .8rem;vertical-align:top}pre{background:#f6f6f6;padding:1rem;overflow:auto}</style>
</head><body>
<h1>argmin model server</h1>
<p>OpenAPI document: <a href="/docs/openapi.json">/docs/openapi.json</a></p>
<table>${rows}</table>
<h2>Schemas</h2>
<pre>${escape(JSON.stringify((document.components as Json).schemas, null, 2))}</pre>
</body></html>`;
}
