import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FilterParseError, InvalidParameterError } from '../../../src/errors.js';
import type { StoreConnection } from '../../../src/store/connect.js';
import { connectStore } from '../../../src/store/connect.js';
import type { RunQuery } from '../../../src/store/filter/index.js';
import { parseFilter, parseOrderBy, searchRunIds } from '../../../src/store/filter/index.js';
import { forEachDialect } from '../dialects.js';
import { filterNode, renderFilter } from './filter-arbitrary.js';
import type { FixtureRun } from './fixture-runs.js';
import { fixtureRuns, insertFixture } from './fixture-runs.js';
import { matches, sortRuns } from './reference-evaluator.js';

const FILTERS = [
  "metrics.auc > 0.9 and (params.model = 'gbdt' or params.model = 'rf') and tags.team IN ('a','b') and attributes.status = 'FINISHED' and params.lr IS NOT NULL",
  'metrics.auc = NaN',
  'metrics.auc != NaN',
  'metrics.auc is nan',
  'metrics.auc IS NOT NAN and metrics.auc >= 0.95',
  'metrics.auc = Infinity or metrics.auc = -Infinity',
  'metrics.auc != 0.95',
  'metrics.auc IN (1, NaN)',
  'metrics.auc NOT IN (1, 0.5)',
  'metrics.`val loss`.min < 0 and metrics.`val loss`.count >= 3',
  'metrics.auc.max > 1.5',
  'metrics.auc.count > 2.5',
  'metrics.auc IS NULL',
  'params.lr > 0.005',
  "params.lr = '0.1'",
  'params.lr = 0.1',
  'params.lr != 0.1',
  "params.lr != 'auto'",
  'params.lr NOT IN (0.1, 10)',
  "params.model LIKE 'g%'",
  "params.model ILIKE 'g%'",
  "params.model = 'o''brien'",
  'params.`batch size` >= 32',
  "tags.team LIKE '100%'",
  "tags.team like 'x_y' and tags.team not like 'x%z'",
  "tags.`owner.email` ILIKE 'USER1@%'",
  "tags.team > 'a'",
  "name LIKE 'beta_%'",
  "name LIKE 'delta[1]'",
  "name LIKE 'eps*'",
  "host IS NULL or host = 'box-1'",
  'end_time IS NULL',
  'NOT end_time > 1700000100002',
  'start_time >= 1700000003000 and start_time < 1700000005000.5',
  "parent_run_id IS NOT NULL and status != 'FAILED'",
  "dataset.name = 'credit'",
  "dataset.fingerprint IN ('beef') and not dataset.name = 'credit'",
  'dataset.name IS NULL',
  "NOT (params.model = 'gbdt' OR tags.team = 'a') AND metrics.auc > 0",
  "status = 'FINISHED' or status = 'FAILED' and metrics.auc > 0.9",
];

const ORDERINGS: readonly (readonly string[])[] = [
  ['metrics.auc DESC'],
  ['params.lr', 'attributes.start_time DESC'],
  ['tags.team ASC', 'metrics.`val loss`.min DESC'],
  ['attributes.name', 'attributes.end_time desc'],
  [],
];

forEachDialect((target) => {
  const runs = fixtureRuns();
  let store: StoreConnection;

  beforeAll(async () => {
    store = await connectStore(await target.freshUri());
    await insertFixture(store.db, runs);
  });
  afterAll(async () => {
    await store.close();
  });

  const search = (query: RunQuery) => searchRunIds(store.db, store.dialect, query);

  function expected(
    filter: string,
    orderBy: readonly string[] = ['attributes.start_time DESC'],
    lifecycle = 'active',
  ): string[] {
    const node = parseFilter(filter);
    const kept = runs.filter(
      (run: FixtureRun) =>
        (lifecycle === 'all' || run.lifecycle_stage === lifecycle) &&
        (node === undefined || matches(run, node)),
    );
    return sortRuns(kept, orderBy.map(parseOrderBy)).map((run) => run.run_id);
  }

  async function allPages(query: RunQuery): Promise<string[]> {
    const ids: string[] = [];
    let pageToken: string | undefined;
    for (let pages = 0; pages < 1000; pages++) {
      const page = await search({ ...query, ...(pageToken ? { pageToken } : {}) });
      ids.push(...page.runIds);
      pageToken = page.nextPageToken;
      if (pageToken === undefined) return ids;
    }
    throw new Error('pagination did not end');
  }

  it.each(FILTERS)('finds what the reference evaluator finds for %s', async (filter) => {
    const { runIds } = await search({ filter, maxResults: 1000 });
    expect(runIds).toEqual(expected(filter));
  });

  it('every fixture filter selects some runs but not all, so the comparisons above are informative', () => {
    const informative = FILTERS.filter((f) => {
      const count = expected(f).length;
      return count > 0 && count < runs.length;
    });
    expect(informative.length).toBeGreaterThan(FILTERS.length * 0.8);
  });

  it('agrees with the reference evaluator on random filters', async () => {
    await fc.assert(
      fc.asyncProperty(filterNode, async (node) => {
        const filter = renderFilter(node);
        const { runIds } = await search({ filter, maxResults: 1000, lifecycle: 'all' });
        expect(runIds, filter).toEqual(expected(filter, undefined, 'all'));
      }),
      { numRuns: 150, seed: 42 },
    );
  });

  it('agrees with the reference evaluator on random filters when a metric leads the order', async () => {
    const orderBy = ['metrics.`val loss`.min DESC', 'name'];
    await fc.assert(
      fc.asyncProperty(filterNode, async (node) => {
        const filter = renderFilter(node);
        const { runIds } = await search({ filter, orderBy, maxResults: 1000 });
        expect(runIds, filter).toEqual(expected(filter, orderBy));
      }),
      { numRuns: 100, seed: 11 },
    );
  });

  it.each(
    ORDERINGS.map((orderBy) => ({ orderBy, label: orderBy.join(', ') || 'the default order' })),
  )('pages through every run exactly once, ordered by $label', async ({ orderBy }) => {
    const ids = await allPages({ ...(orderBy.length > 0 ? { orderBy } : {}), maxResults: 7 });
    expect(ids).toEqual(expected('', orderBy.length > 0 ? orderBy : undefined));
  });

  it('pages through a filtered search in order', async () => {
    const filter = 'metrics.auc > 0 or params.lr IS NULL';
    const ids = await allPages({
      filter,
      orderBy: ['metrics.auc desc', 'params.model'],
      maxResults: 4,
    });
    expect(ids).toEqual(expected(filter, ['metrics.auc desc', 'params.model']));
  });

  it('returns no page token when the results fit in one page', async () => {
    const page = await search({ maxResults: 1000 });
    expect(page.nextPageToken).toBeUndefined();
  });

  it('restricts to the given experiments', async () => {
    const { runIds } = await search({ experimentIds: ['exp-b'], maxResults: 1000 });
    const wanted = runs.filter(
      (r) => r.experiment_id === 'exp-b' && r.lifecycle_stage === 'active',
    );
    expect([...runIds].sort()).toEqual(wanted.map((r) => r.run_id).sort());
  });

  it('finds nothing for an empty list of experiments', async () => {
    expect((await search({ experimentIds: [] })).runIds).toEqual([]);
  });

  it('finds deleted runs only when asked', async () => {
    const { runIds } = await search({ lifecycle: 'deleted', maxResults: 1000 });
    expect(runIds).toEqual(expected('', undefined, 'deleted'));
    expect(runIds.length).toBeGreaterThan(0);
  });

  it('refuses a page token of another query', async () => {
    const page = await search({ orderBy: ['metrics.auc'], maxResults: 2 });
    await expect(
      search({ orderBy: ['metrics.auc DESC'], maxResults: 2, pageToken: page.nextPageToken }),
    ).rejects.toThrow(InvalidParameterError);
  });

  it.each(['garbage!', 'e30', Buffer.from('{"q":1}').toString('base64url'), ''])(
    'refuses the malformed page token %j',
    async (pageToken) => {
      await expect(search({ pageToken })).rejects.toThrow(InvalidParameterError);
    },
  );

  it.each([0, -1, 1.5, 10_001])('refuses maxResults %d', async (maxResults) => {
    await expect(search({ maxResults })).rejects.toThrow(InvalidParameterError);
  });

  describe('malicious input', () => {
    const attacks = [
      "'; drop table runs; --",
      "params.model = ''; drop table runs; --'",
      "params.model = 'x' or 1=1",
      'metrics.auc > 0) or (1=1',
      "tags.team = 'unterminated",
      'params.`model',
      'sqlite_master.name = 1',
      'metrics.`` > 1',
      'metrics.auc > 1 ; delete from runs',
      '((((metrics.auc > 1)))',
    ];

    it.each(attacks)('rejects %j with a FilterParseError', async (filter) => {
      await expect(search({ filter })).rejects.toThrow(FilterParseError);
    });

    it.each(['metrics.auc DESC; drop table runs', 'params.x desc asc', 'metrics.`a'])(
      'rejects the order-by entry %j with a FilterParseError',
      async (clause) => {
        await expect(search({ orderBy: [clause] })).rejects.toThrow(FilterParseError);
      },
    );

    it('treats quotes and SQL in keys and values as plain data', async () => {
      const filter = "params.`x'; drop table runs; --` = 'a'' or ''1''=''1' or tags.`\"` = '\\'";
      expect((await search({ filter })).runIds).toEqual([]);
    });

    it('leaves every table intact', async () => {
      const count = await store.db
        .selectFrom('runs')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      expect(Number(count.n)).toBe(runs.length);
      const params = await store.db.selectFrom('params').select('run_id').execute();
      expect(params.length).toBe(runs.reduce((n, r) => n + Object.keys(r.params).length, 0));
    });
  });
});
