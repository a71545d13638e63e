// A child process for concurrency.test.ts: opens the store at argv[2] once per writer
// (argv[3] writers, each with its own connection) and logs argv[4] metric points, 20 params and a
// tag per writer, yielding often so flushes of all processes interleave. Prints the run ids.
import process from 'node:process';
import { setImmediate } from 'node:timers';
import { openStore } from '../../dist/src/store/index.js';

const [uri, writers, points] = [process.argv[2], Number(process.argv[3]), Number(process.argv[4])];

async function write(writer) {
  const store = await openStore(uri, { flushSize: 250, flushIntervalMs: 5 });
  const params = Object.fromEntries(Array.from({ length: 20 }, (_, i) => [`p${i}`, i * writer]));
  const run = await store.startRun({ experiment: 'concurrency', params });
  for (let step = 0; step < points; step++) {
    run.logMetric('m', step * 0.5, { step });
    if (step % 100 === 99) await new Promise((wake) => setImmediate(wake));
  }
  await run.setTag('writer', String(writer));
  await run.end();
  await store.close();
  return run.id;
}

const ids = await Promise.all(Array.from({ length: writers }, (_, writer) => write(writer)));
process.stdout.write(JSON.stringify(ids) + '\n');
