import { afterAll, beforeAll } from 'vitest';
import { Registry } from '../../src/registry/index.js';
import type { StoreConnection } from '../../src/store/connect.js';
import { connectStore } from '../../src/store/connect.js';
import type { DialectTarget } from '../store/dialects.js';

export interface RegistryFixture {
  readonly registry: Registry;
  readonly store: StoreConnection;
}

/**
 * One fresh store per describe block (a new PostgreSQL database costs ~100 ms, so tests share
 * it and keep apart by using their own model names).
 */
export function useRegistry(target: DialectTarget): () => RegistryFixture {
  let fixture: RegistryFixture | undefined;
  beforeAll(async () => {
    const store = await connectStore(await target.freshUri());
    fixture = { store, registry: new Registry(store) };
  });
  afterAll(async () => {
    await fixture?.store.close();
  });
  return () => {
    if (fixture === undefined) throw new Error('the registry fixture is used outside a test');
    return fixture;
  };
}
