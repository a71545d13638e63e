import { InvalidParameterError } from '../errors.js';

/** A reference to one model version: by number or through an alias. */
export type ModelRef =
  | { readonly name: string; readonly version: number; readonly alias?: undefined }
  | { readonly name: string; readonly alias: string; readonly version?: undefined };

const MODELS_SCHEME = 'models:/';
const NAME = '[A-Za-z0-9][A-Za-z0-9_.-]*';
const BY_ALIAS = new RegExp(`^(${NAME})@([A-Za-z0-9_-]+)$`);
const BY_VERSION = new RegExp(`^(${NAME})/(?:versions/)?(\\d+)$`);

/**
 * Reads a model reference: `credit@champion`, `credit@3`, `credit/3`, `credit/versions/3`, each
 * optionally behind `models:/`. Aliases are never numbers, so `credit@3` is version 3.
 *
 * @example
 * parseModelRef('models:/credit@champion'); // { name: 'credit', alias: 'champion' }
 * parseModelRef('credit/versions/3');       // { name: 'credit', version: 3 }
 */
export function parseModelRef(ref: string): ModelRef {
  const body = ref.startsWith(MODELS_SCHEME) ? ref.slice(MODELS_SCHEME.length) : ref;
  const byAlias = BY_ALIAS.exec(body);
  if (byAlias !== null) {
    const [, name, alias] = byAlias;
    return /^\d+$/.test(alias) ? { name, version: Number(alias) } : { name, alias };
  }
  const byVersion = BY_VERSION.exec(body);
  if (byVersion !== null && Number(byVersion[2]) >= 1)
    return { name: byVersion[1], version: Number(byVersion[2]) };
  throw new InvalidParameterError(
    'parseModelRef',
    'ref',
    `is ${JSON.stringify(ref)}; write name@alias, name/VERSION or name/versions/VERSION, optionally after models:/ (e.g. models:/credit@champion)`,
  );
}

/** `credit@champion` or `credit/3`: the short form a person types back. */
export function formatModelRef(ref: ModelRef): string {
  return ref.alias !== undefined ? `${ref.name}@${ref.alias}` : `${ref.name}/${ref.version}`;
}
