/**
 * The two store dialects as test targets. Every store test runs `forEachDialect`, so one suite
 * covers SQLite and PostgreSQL. PostgreSQL needs a server: point `ARGMIN_TEST_POSTGRES_URL` at
 * a role that may create databases (`.ci/run` starts one); without it those tests are skipped
 * and the run says so.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, describe } from 'vitest';

export const POSTGRES_URL = process.env.ARGMIN_TEST_POSTGRES_URL;

export interface DialectTarget {
  readonly name: 'sqlite' | 'postgres';
  /** The URI of a new, empty store; removed when the test file ends. */
  freshUri(): Promise<string>;
}

const sqliteDirs: string[] = [];
const pgDatabases: string[] = [];

const sqliteTarget: DialectTarget = {
  name: 'sqlite',
  async freshUri() {
    const dir = mkdtempSync(join(tmpdir(), 'argmin-store-'));
    sqliteDirs.push(dir);
    return `sqlite:${join(dir, 'argmin.db')}`;
  },
};

async function adminQuery(text: string): Promise<void> {
  const client = new pg.Client({ connectionString: POSTGRES_URL });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

const postgresTarget: DialectTarget = {
  name: 'postgres',
  async freshUri() {
    const name = `argmin_t_${randomBytes(6).toString('hex')}`;
    await adminQuery(`create database ${name}`);
    pgDatabases.push(name);
    const url = new URL(POSTGRES_URL ?? '');
    url.pathname = `/${name}`;
    return url.toString();
  },
};

/** Both dialects; PostgreSQL only when a server is configured. */
export const DIALECTS: readonly DialectTarget[] = POSTGRES_URL
  ? [sqliteTarget, postgresTarget]
  : [sqliteTarget];

let warned = false;

/**
 * Declares `suite` once per dialect (`describe('sqlite', …)`, `describe('postgres', …)`).
 * Without a PostgreSQL server the postgres block is declared skipped, and a note says which
 * variable turns it on.
 */
export function forEachDialect(suite: (target: DialectTarget) => void): void {
  for (const target of [sqliteTarget, postgresTarget]) {
    const available = target === sqliteTarget || POSTGRES_URL !== undefined;
    if (!available && !warned) {
      warned = true;
      console.warn(
        'PostgreSQL store tests skipped: set ARGMIN_TEST_POSTGRES_URL=postgres://user:pass@127.0.0.1/db (a role that can create databases) to run them',
      );
    }
    describe.skipIf(!available)(target.name, () => suite(target));
  }
}

/**
 * Declares `suite` for PostgreSQL alone (behaviour SQLite has no counterpart for), skipped like
 * {@link forEachDialect}'s postgres block when no server is configured.
 */
export function onPostgres(suite: (target: DialectTarget) => void): void {
  if (POSTGRES_URL === undefined && !warned) {
    warned = true;
    console.warn(
      'PostgreSQL tests skipped: set ARGMIN_TEST_POSTGRES_URL=postgres://user:pass@127.0.0.1/db (a role that can create databases) to run them',
    );
  }
  describe.skipIf(POSTGRES_URL === undefined)(postgresTarget.name, () => suite(postgresTarget));
}

afterAll(async () => {
  for (const dir of sqliteDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  for (const name of pgDatabases.splice(0))
    await adminQuery(`drop database if exists ${name} with (force)`);
});
