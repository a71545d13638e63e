// A child process for exit.test.ts: logs 1,000 points that no flush has written yet (huge flush
// size and interval), then ends as argv[3] says: 'natural' (the event loop empties),
// 'exit' (process.exit at once) or 'signal' (waits for the parent's SIGTERM).
import process from 'node:process';
import { setInterval } from 'node:timers';
import { openStore } from '../../dist/src/store/index.js';

const [uri, mode] = [process.argv[2], process.argv[3]];
const store = await openStore(uri, { flushSize: 1_000_000, flushIntervalMs: 600_000 });
const run = await store.startRun({ experiment: 'exit' });
process.stdout.write(`run ${run.id}\n`);
for (let step = 0; step < 1000; step++) run.logMetric('m', step, { step });
if (mode === 'exit') process.exit(0);
if (mode === 'signal') {
  setInterval(() => undefined, 1000);
  process.stdout.write('ready\n');
}
