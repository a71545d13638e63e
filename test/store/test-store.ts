/** Opens a fresh store of a dialect for one test, with its own artifact folder; closes it after. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import type { StoreOptions, Store } from '../../src/store/store.js';
import { openStore } from '../../src/store/store.js';
import type { DialectTarget } from './dialects.js';

const opened: Store[] = [];
const folders: string[] = [];

afterEach(async () => {
  for (const store of opened.splice(0)) await store.close();
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

export function tempFolder(): string {
  const folder = mkdtempSync(join(tmpdir(), 'argmin-store-test-'));
  folders.push(folder);
  return folder;
}

export async function freshStore(
  target: DialectTarget,
  options: StoreOptions = {},
): Promise<Store> {
  const store = await openStore(await target.freshUri(), {
    artifactRoot: join(tempFolder(), 'artifacts'),
    ...options,
  });
  opened.push(store);
  return store;
}
