import { isMap, isScalar, LineCounter, parseDocument } from 'yaml';

/** A parsed YAML (or JSON) text that can say where each of its values is. */
export interface LocatedYaml {
  readonly value: unknown;
  /** `source line 3, column 8`: where the value at `path` is (`source` alone if absent). */
  at(path: readonly (string | number)[]): string;
  /** Where the top-level key `key` itself is written. */
  keyAt(key: string): string;
}

/**
 * Parses `text` keeping positions, for messages that point into a user's file; invalid YAML is
 * reported as `problem`: `is not valid YAML (line 3, column 1): …`.
 */
export function parseLocatedYaml(
  text: string,
  source: string,
): { readonly yaml: LocatedYaml } | { readonly problem: string } {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter });
  if (document.errors.length > 0) {
    const [error] = document.errors;
    const at = error.linePos?.[0];
    const message = error.message.split('\n')[0].replace(/:$/, '');
    return {
      problem: `is not valid YAML${at === undefined ? '' : ` (line ${at.line}, column ${at.col})`}: ${message}`,
    };
  }
  const place = (node: unknown): string => {
    const offset = (node as { range?: [number, number, number] } | null | undefined)?.range?.[0];
    if (offset === undefined) return source;
    const { line, col } = lineCounter.linePos(offset);
    return `${source} line ${line}, column ${col}`;
  };
  return {
    yaml: {
      value: document.toJS() as unknown,
      at: (path) => place(document.getIn(path, true)),
      keyAt: (key) => {
        const pairs = isMap(document.contents) ? document.contents.items : [];
        return place(pairs.find((p) => isScalar(p.key) && String(p.key.value) === key)?.key);
      },
    },
  };
}
