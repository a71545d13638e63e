import { readFile } from 'node:fs/promises';
import { InvalidParameterError } from '../errors.js';
import { parseLocatedYaml } from '../located-yaml.js';

/** A YAML (or JSON) mapping of a command's settings, read with the place of every key. */
export interface ConfigFile {
  readonly path: string;
  readonly values: Readonly<Record<string, unknown>>;
  /** `tune.yaml line 3, column 8`: where `key`'s value is (the file alone if unknown). */
  where(key: string): string;
}

/**
 * Reads the settings file of `command` (`argmin tune config.yaml`, `argmin serve --config`):
 * a mapping whose keys are all among `keys`. Invalid YAML, a file that is not a mapping, and
 * unknown keys (typos) are InvalidParameterErrors naming the file, line and column.
 */
export async function readConfigFile(
  path: string,
  command: string,
  keys: readonly string[],
): Promise<ConfigFile> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new InvalidParameterError(
      command,
      'config',
      `cannot read ${path}: ${(error as Error).message}`,
    );
  }
  const parsed = parseLocatedYaml(text, path);
  if ('problem' in parsed)
    throw new InvalidParameterError(command, 'config', `${path} ${parsed.problem}`);
  const { value: values, at, keyAt } = parsed.yaml;
  if (values === null || typeof values !== 'object' || Array.isArray(values))
    throw new InvalidParameterError(
      command,
      'config',
      `${path} must hold a mapping of settings (${keys.join(', ')})`,
    );
  const where = (key: string): string => at([key]);
  for (const key of Object.keys(values))
    if (!keys.includes(key))
      throw new InvalidParameterError(
        command,
        key,
        `is not a setting of its config file (${keyAt(key)}); known: ${keys.join(', ')}`,
      );
  return { path, values: values as Record<string, unknown>, where };
}
