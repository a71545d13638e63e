import { DuckDBInstance } from '@duckdb/node-api';
import type { DuckDBConnection, DuckDBMaterializedResult, DuckDBResult } from '@duckdb/node-api';
import { DataReadError } from '../../errors.js';

/**
 * Two in-memory databases per process, created on first use (~10 ms each; a connection costs
 * almost nothing): the default one, which scans with every core, and a single-threaded one for
 * small files, where splitting a scan of a few thousand rows across threads costs more in
 * scheduling than it saves (10–20% of a read of the bundled CSVs).
 */
const sharedInstances = new Map<'parallel' | 'single', Promise<DuckDBInstance>>();

function sharedInstance(kind: 'parallel' | 'single'): Promise<DuckDBInstance> {
  let instance = sharedInstances.get(kind);
  if (instance === undefined) {
    instance = DuckDBInstance.create(':memory:', kind === 'single' ? { threads: '1' } : {});
    sharedInstances.set(kind, instance);
  }
  return instance;
}

/**
 * One read's own connection to a shared in-memory DuckDB. Everything a read creates is
 * connection-scoped (TEMP tables, TEMP enum types, the CSV reject tables), so concurrent reads
 * never meet and closing the connection frees it all. Every DuckDB failure leaves as a
 * {@link DataReadError} that names the file, with the DuckDB error kept as `cause`.
 */
export class DuckDBSession {
  readonly file: string;
  readonly #connection: DuckDBConnection;

  private constructor(file: string, connection: DuckDBConnection) {
    this.file = file;
    this.#connection = connection;
  }

  /** Opens a connection; `small` picks the single-threaded database. */
  static async open(file: string, small = false): Promise<DuckDBSession> {
    const instance = await sharedInstance(small ? 'single' : 'parallel');
    return new DuckDBSession(file, await instance.connect());
  }

  /** Runs `sql`; on failure throws a DataReadError saying what we were `doing`. */
  async run(sql: string, doing: string): Promise<DuckDBMaterializedResult> {
    try {
      return await this.#connection.run(sql);
    } catch (error) {
      throw duckdbFailure(this.file, doing, error);
    }
  }

  /** Runs `sql` as a streaming result, read chunk by chunk with `fetchChunk()`. */
  async stream(sql: string, doing: string): Promise<DuckDBResult> {
    try {
      return await this.#connection.stream(sql);
    } catch (error) {
      throw duckdbFailure(this.file, doing, error);
    }
  }

  /** Rows of a small result as plain JS values (bigints become numbers). */
  async rows(sql: string, doing: string): Promise<unknown[][]> {
    try {
      const reader = await this.#connection.runAndReadAll(sql);
      return reader
        .getRowsJS()
        .map((row) => row.map((v) => (typeof v === 'bigint' ? Number(v) : v)));
    } catch (error) {
      throw duckdbFailure(this.file, doing, error);
    }
  }

  close(): void {
    this.#connection.closeSync();
  }
}

/**
 * Turns a DuckDB error into a DataReadError: keeps DuckDB's first sentence (it names the
 * problem) but drops its SQL echo and caret lines, and lifts a `line N` out of it when present.
 */
export function duckdbFailure(file: string, doing: string, error: unknown): DataReadError {
  const raw = error instanceof Error ? error.message : String(error);
  if (/No files found that match|No such file|Cannot open file/i.test(raw)) {
    return new DataReadError({ file }, 'file not found; check the path or URL.', { cause: error });
  }
  const firstLine = raw.split('\n')[0].trim();
  const lineMatch = /\bline:? (\d+)/i.exec(raw);
  const line = lineMatch === null ? undefined : Number(lineMatch[1]);
  return new DataReadError(
    { file, line },
    `could not ${doing} (${firstLine}). Check that the file is well-formed and that the format is right (option "format").`,
    { cause: error },
  );
}
