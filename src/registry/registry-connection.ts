import type { Kysely } from 'kysely';
import type { StoreDialect } from '../store/connect.js';
import type { StoreDatabase } from '../store/schema.js';

/**
 * The slice of a store the registry needs: its database and which dialect it speaks. A `Store`
 * from `openStore` and a `StoreConnection` from `connectStore` both fit.
 */
export interface RegistryConnection {
  readonly db: Kysely<StoreDatabase>;
  readonly dialect: StoreDialect;
}
