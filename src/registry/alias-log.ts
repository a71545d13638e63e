import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { AliasEventsTable, StoreDatabase } from '../store/schema.js';
import { defaultActor } from './actor.js';
import type { AliasEvent, AuditOptions } from './records.js';

export interface AliasMove {
  readonly name: string;
  readonly alias: string;
  readonly fromVersion: number | null;
  readonly toVersion: number | null;
}

/**
 * Appends one move to the audit log. Call it inside a transaction that holds the model's lock:
 * `at` is then made strictly greater than the model's previous event, so two moves within one
 * millisecond still read back in the order they happened.
 */
export async function recordAliasEvent(
  db: Kysely<StoreDatabase>,
  move: AliasMove,
  audit: AuditOptions = {},
): Promise<AliasEvent> {
  const last = await db
    .selectFrom('alias_events')
    .select(({ fn }) => fn.max<number>('at').as('at'))
    .where('name', '=', move.name)
    .executeTakeFirst();
  const lastAt = last?.at === null || last?.at === undefined ? -Infinity : Number(last.at);
  const event: AliasEventsTable = {
    event_id: randomBytes(16).toString('hex'),
    name: move.name,
    alias: move.alias,
    from_version: move.fromVersion,
    to_version: move.toVersion,
    actor: audit.actor ?? defaultActor(),
    at: Math.max(Date.now(), lastAt + 1),
    reason: audit.reason ?? null,
  };
  await db.insertInto('alias_events').values(event).execute();
  return aliasEventRecord(event);
}

export function aliasEventRecord(row: AliasEventsTable): AliasEvent {
  return Object.freeze({
    eventId: row.event_id,
    name: row.name,
    alias: row.alias,
    fromVersion: row.from_version,
    toVersion: row.to_version,
    actor: row.actor,
    at: Number(row.at),
    reason: row.reason,
  });
}
