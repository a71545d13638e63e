import type { Kysely, Selectable } from 'kysely';
import type { ModelVersionRow, RegisteredModelsTable, StoreDatabase } from '../store/schema.js';
import { decodeMetrics, decodeSignature } from './json-fields.js';
import type { ModelVersion, RegisteredModel } from './records.js';

type ModelRow = Selectable<RegisteredModelsTable>;

/** Model rows → records with tags, aliases and latest version: three queries for a whole page. */
export async function hydrateModels(
  db: Kysely<StoreDatabase>,
  rows: readonly ModelRow[],
): Promise<RegisteredModel[]> {
  if (rows.length === 0) return [];
  const names = rows.map((row) => row.name);
  const [tags, aliases, latest] = await Promise.all([
    db
      .selectFrom('registered_model_tags')
      .select(['name', 'key', 'value'])
      .where('name', 'in', names)
      .execute(),
    db
      .selectFrom('model_aliases')
      .select(['name', 'alias', 'version'])
      .where('name', 'in', names)
      .execute(),
    db
      .selectFrom('model_versions')
      .select(({ fn }) => ['name', fn.max<number>('version').as('latest')])
      .where('name', 'in', names)
      .groupBy('name')
      .execute(),
  ]);
  const tagsOf = groupBy(tags, (t) => t.name);
  const aliasesOf = groupBy(aliases, (a) => a.name);
  const latestOf = new Map(latest.map((l) => [l.name, Number(l.latest)]));
  return rows.map((row) =>
    Object.freeze({
      name: row.name,
      description: row.description,
      createdAt: Number(row.created_at),
      updatedAt: Number(row.updated_at),
      tags: Object.freeze(
        Object.fromEntries((tagsOf.get(row.name) ?? []).map((t) => [t.key, t.value])),
      ),
      aliases: Object.freeze(
        Object.fromEntries((aliasesOf.get(row.name) ?? []).map((a) => [a.alias, a.version])),
      ),
      latestVersion: latestOf.get(row.name) ?? null,
    }),
  );
}

/** Version rows → records with their tags and the aliases that point at them. */
export async function hydrateVersions(
  db: Kysely<StoreDatabase>,
  rows: readonly ModelVersionRow[],
): Promise<ModelVersion[]> {
  if (rows.length === 0) return [];
  const names = [...new Set(rows.map((row) => row.name))];
  const versions = [...new Set(rows.map((row) => row.version))];
  const [tags, aliases] = await Promise.all([
    db
      .selectFrom('model_version_tags')
      .select(['name', 'version', 'key', 'value'])
      .where('name', 'in', names)
      .where('version', 'in', versions)
      .execute(),
    db
      .selectFrom('model_aliases')
      .select(['name', 'alias', 'version'])
      .where('name', 'in', names)
      .where('version', 'in', versions)
      .orderBy('alias')
      .execute(),
  ]);
  const key = (name: string, version: number): string => `${version}/${name}`;
  const tagsOf = groupBy(tags, (t) => key(t.name, t.version));
  const aliasesOf = groupBy(aliases, (a) => key(a.name, a.version));
  return rows.map((row) => {
    const where = `${row.name}/${row.version}`;
    return Object.freeze({
      name: row.name,
      version: row.version,
      runId: row.run_id,
      artifactUri: row.artifact_uri,
      signature: decodeSignature(row.signature, where),
      metrics: Object.freeze(decodeMetrics(row.metrics, where)),
      description: row.description,
      status: row.status,
      createdAt: Number(row.created_at),
      updatedAt: Number(row.updated_at),
      tags: Object.freeze(
        Object.fromEntries(
          (tagsOf.get(key(row.name, row.version)) ?? []).map((t) => [t.key, t.value]),
        ),
      ),
      aliases: Object.freeze((aliasesOf.get(key(row.name, row.version)) ?? []).map((a) => a.alias)),
    });
  });
}

function groupBy<T>(items: readonly T[], keyOf: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const group = groups.get(key);
    if (group === undefined) groups.set(key, [item]);
    else group.push(item);
  }
  return groups;
}
