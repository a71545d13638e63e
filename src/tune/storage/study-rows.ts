import type { Kysely } from 'kysely';
import { StoreConflictError, StoreNotFoundError } from '../../errors.js';
import type { StoreConnection } from '../../store/connect.js';
import { ensureExperimentRow, requireExperimentRow } from '../../store/experiments.js';
import { newId } from '../../store/ids.js';
import type { StoreDatabase } from '../../store/schema.js';
import type { Direction } from '../types.js';
import { decodeJson, encodeJson } from './json-values.js';
import type { StoredStudy } from './store-trial-storage.js';
import type { StudySettings } from './study-settings.js';

export interface StudyRecord extends StoredStudy {
  readonly directions: readonly Direction[];
  readonly userAttrs: Readonly<Record<string, unknown>>;
  readonly createdAt: number;
}

/** The study named `name`, or undefined. */
export async function findStudy(
  db: Kysely<StoreDatabase>,
  name: string,
): Promise<StudyRecord | undefined> {
  const row = await db
    .selectFrom('studies')
    .selectAll()
    .where('name', '=', name)
    .executeTakeFirst();
  if (row === undefined) return undefined;
  return {
    id: row.study_id,
    name: row.name,
    experiment: await requireExperimentRow(db, row.experiment_id),
    settings: Object.freeze(decodeJson<StudySettings>(row.settings)),
    directions: Object.freeze(decodeJson<Direction[]>(row.directions)),
    userAttrs: Object.freeze(decodeJson<Record<string, unknown>>(row.user_attrs)),
    createdAt: Number(row.created_at),
  };
}

/** The study named `name`; StoreNotFoundError naming it when absent. */
export async function requireStudy(db: Kysely<StoreDatabase>, name: string): Promise<StudyRecord> {
  const study = await findStudy(db, name);
  if (study === undefined) throw new StoreNotFoundError('Study', name);
  return study;
}

/**
 * The study named `name`, created (with an experiment of the same name for its trials' runs)
 * when absent. An existing study must have the same directions; `loadIfExists: false` refuses
 * to reuse one. Two processes creating it at once both end up with the winner's row.
 */
export async function ensureStudy(
  connection: Pick<StoreConnection, 'db' | 'dialect'>,
  name: string,
  directions: readonly Direction[],
  settings: StudySettings,
  loadIfExists: boolean,
  userAttrs: Readonly<Record<string, unknown>> = {},
): Promise<StudyRecord> {
  const study = await findStudy(connection.db, name);
  if (study === undefined) {
    const experiment = await ensureExperimentRow(connection, name);
    try {
      await connection.db
        .insertInto('studies')
        .values({
          study_id: newId(),
          name,
          experiment_id: experiment.experiment_id,
          directions: encodeJson(directions),
          settings: encodeJson(settings),
          user_attrs: encodeJson(userAttrs),
          version: 0,
          created_at: Date.now(),
        })
        .execute();
    } catch (error) {
      // Lost a creation race: the other process's row is read below, with the same checks.
      if ((await findStudy(connection.db, name)) === undefined) throw error;
      return ensureStudy(connection, name, directions, settings, loadIfExists, userAttrs);
    }
    return requireStudy(connection.db, name);
  }
  if (!loadIfExists)
    throw new StoreConflictError(
      `Study "${name}" already exists; open it with loadIfExists: true (argmin worker does) or choose another name`,
    );
  if (
    study.directions.length !== directions.length ||
    study.directions.some((d, i) => d !== directions[i])
  )
    throw new StoreConflictError(
      `Study "${name}" exists with direction(s) ${JSON.stringify(study.directions)}; this asks for ${JSON.stringify(directions)}. Use another study name or the same direction(s)`,
    );
  return study;
}
