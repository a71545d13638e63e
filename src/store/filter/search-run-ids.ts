import type { Kysely } from 'kysely';
import type { SqlBool } from 'kysely';
import { sql } from 'kysely';
import type { FilterNode } from './ast.js';
import { InvalidParameterError } from '../../errors.js';
import type { StoreDialect } from '../connect.js';
import type { StoreDatabase } from '../schema.js';
import { compileFilter } from './compile.js';
import type { SortColumn } from './order-by.js';
import { afterRow, parseOrderBy, sortColumns } from './order-by.js';
import type { PageCursor, SortValue } from './page-token.js';
import { decodePageToken, encodePageToken, queryKey } from './page-token.js';
import { parseFilter } from './parser.js';

export interface RunQuery {
  /** Only runs of these experiments; every experiment when absent (none when empty). */
  readonly experimentIds?: readonly string[];
  /** A filter such as `metrics.auc > 0.9 and params.model = 'gbdt'`; every run when absent. */
  readonly filter?: string;
  /** Entries such as `metrics.auc DESC`; `attributes.start_time DESC` when absent. Ties go by run_id. */
  readonly orderBy?: readonly string[];
  /** Page size: default 100, at most 10,000. */
  readonly maxResults?: number;
  /** The `nextPageToken` of the previous page of the same query. */
  readonly pageToken?: string;
  /** Which runs: `active` (default), `deleted` or `all`. */
  readonly lifecycle?: 'active' | 'deleted' | 'all';
}

export interface RunIdPage {
  readonly runIds: string[];
  /** Present when more runs follow; pass it as `pageToken` to get them. */
  readonly nextPageToken?: string;
}

export const DEFAULT_MAX_RESULTS = 100;
export const MAX_RESULTS_LIMIT = 10_000;
const DEFAULT_ORDER_BY = ['attributes.start_time DESC'];

function checkQuery(query: RunQuery): {
  maxResults: number;
  lifecycle: 'active' | 'deleted' | 'all';
} {
  const maxResults = query.maxResults ?? DEFAULT_MAX_RESULTS;
  if (!Number.isInteger(maxResults) || maxResults < 1 || maxResults > MAX_RESULTS_LIMIT)
    throw new InvalidParameterError(
      'searchRunIds',
      'maxResults',
      `must be an integer from 1 to ${MAX_RESULTS_LIMIT}, got ${maxResults}`,
    );
  const lifecycle = query.lifecycle ?? 'active';
  if (!['active', 'deleted', 'all'].includes(lifecycle))
    throw new InvalidParameterError(
      'searchRunIds',
      'lifecycle',
      `must be active, deleted or all, got ${String(lifecycle)}`,
    );
  return { maxResults, lifecycle };
}

/**
 * Finds runs by filter, in a total order, one page at a time. The filter and every order-by
 * entry are parsed first (a FilterParseError names the column), then compiled to one
 * parameterised query; pages continue strictly after the previous page's last row (keyset
 * pagination), so rows inserted meanwhile never shift or repeat a page.
 *
 * @example
 * const page = await searchRunIds(db, 'sqlite', {
 *   filter: "metrics.auc > 0.9 and params.model IN ('gbdt', 'rf')",
 *   orderBy: ['metrics.auc DESC'],
 *   maxResults: 50,
 * });
 * const next = await searchRunIds(db, 'sqlite', { ...sameQuery, pageToken: page.nextPageToken });
 */
export async function searchRunIds(
  db: Kysely<StoreDatabase>,
  dialect: StoreDialect,
  query: RunQuery,
): Promise<RunIdPage> {
  const { maxResults, lifecycle } = checkQuery(query);
  const filter = query.filter === undefined ? undefined : parseFilter(query.filter);
  const orderBy = query.orderBy ?? DEFAULT_ORDER_BY;
  const columns = orderBy.flatMap((clause) => sortColumns(parseOrderBy(clause), dialect));
  const experimentIds = query.experimentIds === undefined ? undefined : [...query.experimentIds];
  const key = queryKey([query.filter ?? '', orderBy, experimentIds?.sort() ?? null, lifecycle]);
  const after =
    query.pageToken === undefined
      ? undefined
      : decodePageToken(
          query.pageToken,
          key,
          columns.map((column) => column.type),
        );
  if (experimentIds !== undefined && experimentIds.length === 0) return { runIds: [] };

  const plan: SearchPlan = { db, dialect, lifecycle, experimentIds, filter, columns };
  const rows = await orderedRows(plan, after, maxResults + 1);
  const page = rows.slice(0, maxResults);
  const runIds = page.map((row) => row.run_id as string);
  if (rows.length <= maxResults) return { runIds };
  return { runIds, nextPageToken: encodePageToken(key, cursorOf(page[page.length - 1], columns)) };
}

interface SearchPlan {
  readonly db: Kysely<StoreDatabase>;
  readonly dialect: StoreDialect;
  readonly lifecycle: 'active' | 'deleted' | 'all';
  readonly experimentIds: readonly string[] | undefined;
  readonly filter: FilterNode | undefined;
  readonly columns: readonly SortColumn[];
}

type Row = Record<string, unknown>;

/**
 * When the first sort key is a metric, the runs that have a value for it are read in the
 * order of the latest_metrics (key, value) index, so a top-100 query stops after the first
 * matches instead of sorting every match; the runs without a value (sorted last) follow from
 * a second query only when the page is not full.
 */
async function orderedRows(
  plan: SearchPlan,
  after: PageCursor | undefined,
  limit: number,
): Promise<Row[]> {
  const driver = plan.columns[0]?.metric;
  if (driver === undefined) return selectRows(plan, 'all', after, limit);
  if (after !== undefined && after.values[0] === null)
    return selectRows(plan, 'unvalued', after, limit);
  const valued = await selectRows(plan, 'valued', after, limit);
  if (valued.length >= limit) return valued;
  return [...valued, ...(await selectRows(plan, 'unvalued', undefined, limit - valued.length))];
}

async function selectRows(
  plan: SearchPlan,
  part: 'all' | 'valued' | 'unvalued',
  after: PageCursor | undefined,
  limit: number,
): Promise<Row[]> {
  const { db, dialect, lifecycle, experimentIds, filter } = plan;
  const driver = plan.columns[0]?.metric;
  const columns: readonly SortColumn[] =
    part === 'valued' && driver !== undefined
      ? [
          { ...plan.columns[0], expression: () => sql.ref(`driver.${driver.column}`) },
          ...plan.columns.slice(1),
        ]
      : plan.columns;
  let select = db
    .selectFrom('runs')
    .select((eb) => [
      eb.ref('runs.run_id').as('run_id'),
      ...columns.map((column, i) => column.expression(eb).as(`k${i}`)),
    ]);
  if (part === 'valued' && driver !== undefined) {
    const { key, column } = driver;
    // $if keeps the builder typed as over `runs` alone; the join only feeds k0 and its NULL test.
    select = select
      .$if(true, (q) =>
        q.innerJoin('latest_metrics as driver', (join) =>
          join.onRef('driver.run_id', '=', 'runs.run_id').on('driver.key', '=', key),
        ),
      )
      .where(sql<SqlBool>`${sql.ref(`driver.${column}`)} is not null`);
  }
  if (lifecycle !== 'all') select = select.where('runs.lifecycle_stage', '=', lifecycle);
  if (experimentIds !== undefined) select = select.where('runs.experiment_id', 'in', experimentIds);
  if (filter !== undefined)
    select = select.where((eb) =>
      compileFilter(eb, filter, dialect, part === 'valued' ? 'exists' : 'in'),
    );
  if (part === 'unvalued')
    select = select.where((eb) => sql<SqlBool>`${plan.columns[0].expression(eb)} is null`);
  if (after !== undefined)
    select = select.where((eb) => afterRow(eb, columns, after.values, after.runId, dialect));
  for (let i = 0; i < columns.length; i++) {
    const descending = columns[i].descending;
    // The valued part holds no NULL first key; leaving NULLS LAST off lets the index give the order.
    select =
      part === 'valued' && i === 0
        ? select.orderBy(sql.ref('k0'), descending ? 'desc' : 'asc')
        : select.orderBy(sql.ref(`k${i}`), (ob) =>
            descending ? ob.desc().nullsLast() : ob.asc().nullsLast(),
          );
  }
  return (await select.orderBy('runs.run_id').limit(limit).execute()) as Row[];
}
function cursorOf(row: Record<string, unknown>, columns: readonly SortColumn[]): PageCursor {
  const values = columns.map((_, i) => (row[`k${i}`] ?? null) as SortValue);
  return { values, runId: row.run_id as string };
}
