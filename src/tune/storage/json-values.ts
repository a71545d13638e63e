/**
 * JSON for trial documents that may hold NaN and ±Infinity (intermediate values, objective
 * values, parameters): JSON has no such numbers, so they travel as tagged strings.
 */
const nonFinite: Readonly<Record<string, number>> = {
  '\u0000NaN': Number.NaN,
  '\u0000Infinity': Infinity,
  '\u0000-Infinity': -Infinity,
};

export function encodeJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    typeof v === 'number' && !Number.isFinite(v) ? `\u0000${String(v)}` : v,
  );
}

export function decodeJson<T>(text: string): T {
  return JSON.parse(text, (_key, v: unknown) =>
    typeof v === 'string' && Object.hasOwn(nonFinite, v) ? nonFinite[v] : v,
  ) as T;
}
