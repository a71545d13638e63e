import type { Command } from 'commander';
import { Option } from 'commander';
import type { Store } from '../store/index.js';
import { openStore } from '../store/index.js';

/** Options every store-reading command takes. */
export interface StoreCommandOptions {
  store?: string;
}

/** Adds `--store` and `--format table|json` (or the given formats) to a command. */
export function storeCommandOptions(
  command: Command,
  formats: readonly string[] = ['table', 'json'],
): Command {
  return command
    .option('--store <uri>', 'store URI (default: $ARGMIN_STORE or sqlite:./.argmin/argmin.db)')
    .addOption(new Option('--format <format>', 'output').choices([...formats]).default('table'));
}

/** Opens the store of `options.store` (signals left to the CLI), runs `work`, closes it. */
export async function withStore<T>(
  options: StoreCommandOptions,
  work: (store: Store) => Promise<T>,
): Promise<T> {
  const store = await openStore(options.store, { handleExit: false });
  try {
    return await work(store);
  } finally {
    await store.close();
  }
}

/** Pretty JSON; NaN and ±Infinity (which JSON lacks) printed as strings, not as null. */
export function printJson(value: unknown): void {
  console.log(
    JSON.stringify(
      value,
      (_key, v: unknown) => (typeof v === 'number' && !Number.isFinite(v) ? String(v) : v),
      2,
    ),
  );
}
