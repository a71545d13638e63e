// A separate writer process for the concurrency test: registers COUNT versions of NAME, moving
// @champion to each as it goes, and prints the version numbers it got as JSON.
// Runs the compiled library (dist/), which test/global-setup.ts builds before the tests.
import process from 'node:process';
import { Registry } from '../../dist/src/registry/index.js';
import { connectStore } from '../../dist/src/store/connect.js';

const [uri, name, count] = process.argv.slice(2);
const store = await connectStore(uri);
const registry = new Registry(store);
const versions = [];
for (let i = 0; i < Number(count); i++) {
  const { version } = await registry.createVersion(name, {
    artifactUri: `worker-${process.pid}-${i}`,
    createModel: true,
  });
  await registry.setAlias(name, 'champion', version, { actor: `worker-${process.pid}` });
  versions.push(version);
}
await store.close();
process.stdout.write(JSON.stringify(versions));
