// A child process for connection-loss.test.ts: opens a PostgreSQL store, answers one query (its
// connection then waits idle in the pool), prints "idle", and after a line on stdin queries
// again and prints the answer. The parent terminates the idle connection in between.
import { createInterface } from 'node:readline';
import process from 'node:process';
import { sql } from 'kysely';
import { connectStore } from '../../dist/src/store/connect.js';

const store = await connectStore(process.argv[2]);
const pid = async () => (await sql`select pg_backend_pid() as pid`.execute(store.db)).rows[0].pid;
process.stdout.write(`idle ${await pid()}\n`);
const lines = createInterface({ input: process.stdin });
for await (const _ of lines) break;
process.stdout.write(`answered ${await pid()}\n`);
await store.close();
