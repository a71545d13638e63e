import { sql } from 'kysely';
import { InvalidParameterError } from '../errors.js';
import { hydrateModels } from './hydrate.js';
import type { RegisteredModel } from './records.js';
import type { RegistryConnection } from './registry-connection.js';

export interface ListModelsOptions {
  /**
   * SQL LIKE pattern on the name (`%` any run of characters, `_` one character, `\` escapes),
   * case-insensitive on both dialects, e.g. `%credit%`.
   */
  readonly nameLike?: string;
  /** Only models holding every one of these tags with exactly this value. */
  readonly tags?: Readonly<Record<string, string>>;
  /** Page size: 1 to 1000, default 100. */
  readonly maxResults?: number;
  /** `nextPageToken` of the previous page. */
  readonly pageToken?: string;
}

export interface RegisteredModelPage {
  /** Sorted by name. */
  readonly models: readonly RegisteredModel[];
  /** Pass back as `pageToken` for the next page; absent on the last page. */
  readonly nextPageToken?: string;
}

const MAX_RESULTS = 1000;

/**
 * One page of models in name order. Keyset pagination (`name > last`), so a page costs the same
 * at any depth and models added meanwhile are neither skipped nor repeated.
 */
export async function listModels(
  connection: RegistryConnection,
  options: ListModelsOptions = {},
): Promise<RegisteredModelPage> {
  const limit = options.maxResults ?? 100;
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_RESULTS)
    throw new InvalidParameterError(
      'listModels',
      'maxResults',
      `is ${limit}; use a whole number from 1 to ${MAX_RESULTS}`,
    );
  const after = options.pageToken === undefined ? undefined : decodePageToken(options.pageToken);
  const like = connection.dialect === 'postgres' ? sql.raw('ilike') : sql.raw('like');
  const rows = await connection.db
    .selectFrom('registered_models')
    .selectAll()
    // SQLite's LIKE ignores ASCII case already; ILIKE gives PostgreSQL the same meaning.
    .$if(options.nameLike !== undefined, (query) =>
      query.where(sql<boolean>`name ${like} ${options.nameLike} escape '\\'`),
    )
    .$if(after !== undefined, (query) => query.where('name', '>', after as string))
    .$call((query) => {
      let filtered = query;
      for (const [key, value] of Object.entries(options.tags ?? {}))
        filtered = filtered.where(({ exists, selectFrom }) =>
          exists(
            selectFrom('registered_model_tags as t')
              .select(sql.lit(1).as('one'))
              .whereRef('t.name', '=', 'registered_models.name')
              .where('t.key', '=', key)
              .where('t.value', '=', value),
          ),
        );
      return filtered;
    })
    .orderBy('name')
    .limit(limit + 1)
    .execute();
  const page = rows.slice(0, limit);
  const models = await hydrateModels(connection.db, page);
  return rows.length > limit
    ? { models, nextPageToken: encodePageToken(page[page.length - 1].name) }
    : { models };
}

function encodePageToken(lastName: string): string {
  return Buffer.from(JSON.stringify({ after: lastName }), 'utf8').toString('base64url');
}

function decodePageToken(token: string): string {
  try {
    const parsed = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as {
      after?: unknown;
    };
    if (typeof parsed.after === 'string') return parsed.after;
  } catch {
    // reported below with the same message as a well-formed token of the wrong shape
  }
  throw new InvalidParameterError(
    'listModels',
    'pageToken',
    'is not a token returned by listModels; pass nextPageToken unchanged',
  );
}
