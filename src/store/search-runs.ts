import type { StoreConnection } from './connect.js';
import { searchRunIds } from './filter/index.js';
import type { RunQuery } from './filter/index.js';
import { hydrateRuns } from './hydrate-runs.js';
import type { RunRecord } from './records.js';

export type { RunQuery };

/** One page of search results. */
export interface RunSearchPage {
  readonly runs: RunRecord[];
  /** Pass as `pageToken` to get the next page; absent on the last page. */
  readonly nextPageToken?: string;
}

/** Finds the page's run ids with the filter language, then hydrates them in a constant number of queries. */
export async function searchRuns(
  connection: Pick<StoreConnection, 'db' | 'dialect'>,
  query: RunQuery,
): Promise<RunSearchPage> {
  const page = await searchRunIds(connection.db, connection.dialect, query);
  const runs = await hydrateRuns(connection.db, page.runIds);
  return page.nextPageToken === undefined ? { runs } : { runs, nextPageToken: page.nextPageToken };
}
