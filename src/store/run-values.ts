import type { Kysely } from 'kysely';
import { StoreConflictError } from '../errors.js';
import type { StoreDatabase } from './schema.js';

/** What a param or tag may be given as; it is stored as text. */
export type LoggedValue = string | number | boolean;

const numberLiteral = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/** The text a value is stored as: numbers in JavaScript's shortest round-trip form. */
export function valueText(value: LoggedValue): string {
  return typeof value === 'string' ? value : String(value);
}

/** The param as a finite number when its text is one, so filters compare it numerically. */
export function numericValue(text: string): number | null {
  const trimmed = text.trim();
  if (!numberLiteral.test(trimmed)) return null;
  const parsed = Number(trimmed);
  return Number.isFinite(parsed) ? parsed : null;
}

/**
 * Inserts params, which are immutable: a key already logged with the same text is accepted,
 * with different text it is a StoreConflictError naming both values (and nothing is written).
 */
export async function insertParams(
  trx: Kysely<StoreDatabase>,
  runId: string,
  params: Readonly<Record<string, LoggedValue>>,
): Promise<void> {
  const rows = Object.entries(params).map(([key, value]) => {
    const text = valueText(value);
    return { run_id: runId, key, value: text, value_num: numericValue(text) };
  });
  if (rows.length === 0) return;
  const existing = await trx
    .selectFrom('params')
    .select(['key', 'value'])
    .where('run_id', '=', runId)
    .where(
      'key',
      'in',
      rows.map((row) => row.key),
    )
    .execute();
  const stored = new Map(existing.map((row) => [row.key, row.value]));
  for (const row of rows) {
    const previous = stored.get(row.key);
    if (previous !== undefined && previous !== row.value)
      throw new StoreConflictError(
        `Param "${row.key}" of run ${runId} is already "${previous}"; params are immutable, cannot log "${row.value}"`,
      );
  }
  const fresh = rows.filter((row) => !stored.has(row.key));
  if (fresh.length > 0) await trx.insertInto('params').values(fresh).execute();
}

export async function upsertTags(
  trx: Kysely<StoreDatabase>,
  runId: string,
  tags: Readonly<Record<string, LoggedValue>>,
): Promise<void> {
  const rows = Object.entries(tags).map(([key, value]) => ({
    run_id: runId,
    key,
    value: valueText(value),
  }));
  if (rows.length === 0) return;
  await trx
    .insertInto('run_tags')
    .values(rows)
    .onConflict((conflict) =>
      conflict
        .columns(['run_id', 'key'])
        .doUpdateSet((eb) => ({ value: eb.ref('excluded.value') })),
    )
    .execute();
}
