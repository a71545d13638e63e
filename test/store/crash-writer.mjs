// A child process for crash.test.ts: logs metric points to one run forever, flushing every 500
// points and printing how many are committed, until the parent kills it.
import process from 'node:process';
import { openStore } from '../../dist/src/store/index.js';

const store = await openStore(process.argv[2], { flushSize: 1_000_000, flushIntervalMs: 60_000 });
const run = await store.startRun({ experiment: 'crash' });
process.stdout.write(`run ${run.id}\n`);
for (let step = 0; ; step++) {
  run.logMetric('m', step, { step });
  if (step % 500 === 499) {
    await run.flush();
    process.stdout.write(`flushed ${step + 1}\n`);
  }
}
