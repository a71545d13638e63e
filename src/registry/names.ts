import { InvalidParameterError } from '../errors.js';

// Model names appear in references (`credit@champion`, `credit/3`), so they exclude `@` and `/`.
const MODEL_NAME = /^[A-Za-z0-9][A-Za-z0-9_.-]*$/;
const ALIAS_NAME = /^[A-Za-z0-9_-]+$/;
const MAX_NAME_LENGTH = 256;

/** Throws InvalidParameterError unless `name` can name a registered model. */
export function validateModelName(name: string, owner = 'Registry'): void {
  if (typeof name !== 'string' || !MODEL_NAME.test(name) || name.length > MAX_NAME_LENGTH)
    throw new InvalidParameterError(
      owner,
      'name',
      `is ${JSON.stringify(name)}; a model name starts with a letter or digit and holds only letters, digits, "_", "-" and "." (at most ${MAX_NAME_LENGTH} characters)`,
    );
}

/**
 * Throws InvalidParameterError unless `alias` can name an alias: letters, digits, `_` and `-`,
 * and not a number, so that `credit@3` always means version 3.
 */
export function validateAliasName(alias: string, owner = 'Registry', model = 'name'): void {
  if (typeof alias !== 'string' || !ALIAS_NAME.test(alias) || alias.length > MAX_NAME_LENGTH)
    throw new InvalidParameterError(
      owner,
      'alias',
      `is ${JSON.stringify(alias)}; an alias holds only letters, digits, "_" and "-"`,
    );
  if (/^\d+$/.test(alias))
    throw new InvalidParameterError(
      owner,
      'alias',
      `is "${alias}", a number; aliases cannot be numbers so that ${model}@${alias} always means version ${alias}`,
    );
}

/** Throws InvalidParameterError unless `version` is a whole number ≥ 1. */
export function validateVersionNumber(version: number, owner = 'Registry'): void {
  if (!Number.isSafeInteger(version) || version < 1)
    throw new InvalidParameterError(
      owner,
      'version',
      `is ${JSON.stringify(version)}; versions are whole numbers from 1`,
    );
}

/** Throws InvalidParameterError unless `key` can name a tag. */
export function validateTagKey(key: string, owner = 'Registry'): void {
  if (typeof key !== 'string' || key.trim() === '' || key.length > MAX_NAME_LENGTH)
    throw new InvalidParameterError(
      owner,
      'tag key',
      `is ${JSON.stringify(key)}; a tag key is non-blank text of at most ${MAX_NAME_LENGTH} characters`,
    );
}
