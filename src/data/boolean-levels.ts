const truthy = new Set(['true', 't', 'yes', 'y', '1', 'on']);
const falsy = new Set(['false', 'f', 'no', 'n', '0', 'off']);

/**
 * The codes of a categorical's true and false levels when its levels are one such pair
 * (`yes`/`no`, `Y`/`N`, `1`/`0`, …); undefined otherwise. A model trained on a CSV column of
 * `yes`/`no` keeps those words as levels, while a Parquet copy of the same data (DuckDB writes
 * such a column as BOOLEAN) or a JSON client sends true/false: readers map booleans through
 * this instead of treating every value as an unknown category.
 *
 * @example
 * booleanLevels(['No', 'Yes']); // { yes: 1, no: 0 }
 */
export function booleanLevels(levels: readonly string[]): { yes: number; no: number } | undefined {
  const yes = levels.findIndex((level) => truthy.has(level.trim().toLowerCase()));
  const no = levels.findIndex((level) => falsy.has(level.trim().toLowerCase()));
  const paired = levels.filter((level) => level.trim() !== '').length === 2;
  return yes >= 0 && no >= 0 && paired ? { yes, no } : undefined;
}
