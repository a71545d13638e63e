import type { FieldRef, MetricAggregate, RunAttribute } from './ast.js';
import { METRIC_AGGREGATES, RUN_ATTRIBUTES } from './ast.js';
import type { Token } from './lexer.js';
import type { TokenCursor } from './token-cursor.js';

type Prefix = 'metric' | 'param' | 'tag' | 'attribute' | 'dataset';

const PREFIXES: Readonly<Record<string, Prefix>> = Object.freeze({
  metric: 'metric',
  metrics: 'metric',
  param: 'param',
  params: 'param',
  parameter: 'param',
  parameters: 'param',
  tag: 'tag',
  tags: 'tag',
  attribute: 'attribute',
  attributes: 'attribute',
  attr: 'attribute',
  run: 'attribute',
  dataset: 'dataset',
  datasets: 'dataset',
});

const FIELD_HINT =
  'a field such as metrics.auc, params.lr, tags.team, attributes.status or a run attribute (status, name, start_time, ...)';

const ATTRIBUTE_NAMES = Object.keys(RUN_ATTRIBUTES).join(', ');

export interface ParsedField {
  readonly field: FieldRef;
  /** The first token of the field, where errors about the whole field point. */
  readonly token: Token;
}

interface KeyPart {
  readonly text: string;
  readonly quoted: boolean;
  readonly token: Token;
}

/**
 * Reads one field: `prefix.key[.aggregate]` or a bare run attribute. A key is one or more
 * words joined by dots, each of which may be quoted (`metrics.\`val loss\``, `tags."team.name"`);
 * on a metric, a last unquoted part naming an aggregate (min, max, last, first, count) selects
 * it, so a metric whose key ends in such a word must quote that part.
 */
export function parseField(cursor: TokenCursor): ParsedField {
  const token = cursor.peek();
  if (token.kind !== 'word') cursor.fail(token, `expected ${FIELD_HINT}`);
  const word = token.text.toLowerCase();
  const dot = cursor.peekNext();
  if (dot.kind !== '.' || dot.column - 1 !== token.end) {
    cursor.advance();
    if (word in RUN_ATTRIBUTES) return { field: attribute(word), token };
    return cursor.failWith(
      token,
      `unknown field '${token.text}': expected ${FIELD_HINT}; prefix keys with metrics., params. or tags.`,
    );
  }
  const prefix = PREFIXES[word];
  if (prefix === undefined)
    cursor.failWith(
      token,
      `unknown prefix '${token.text}': expected metrics, params, tags, attributes or dataset`,
    );
  cursor.advance();
  const parts = readKeyParts(cursor, prefix);
  return { field: fieldOf(cursor, prefix, parts), token };
}

function readKeyParts(cursor: TokenCursor, prefix: Prefix): KeyPart[] {
  const parts: KeyPart[] = [];
  let dot = cursor.advance();
  for (;;) {
    const part = cursor.peek();
    const adjacent = part.column - 1 === dot.end;
    if (!adjacent || (part.kind !== 'word' && part.kind !== 'quotedKey'))
      cursor.fail(part, `expected a ${prefix} key right after '${dot.text}'`);
    if (part.kind === 'quotedKey' && part.value === '')
      cursor.failWith(part, `empty ${prefix} key: a key needs at least one character`);
    parts.push({ text: String(part.value), quoted: part.kind === 'quotedKey', token: part });
    cursor.advance();
    if (cursor.peek().kind !== '.' || cursor.peek().column - 1 !== part.end) return parts;
    dot = cursor.advance();
  }
}

function fieldOf(cursor: TokenCursor, prefix: Prefix, parts: readonly KeyPart[]): FieldRef {
  const key = parts.map((part) => part.text).join('.');
  switch (prefix) {
    case 'metric': {
      const last = parts[parts.length - 1];
      const aggregate = last.text.toLowerCase() as MetricAggregate;
      if (parts.length > 1 && !last.quoted && METRIC_AGGREGATES.includes(aggregate))
        return {
          kind: 'metric',
          key: parts
            .slice(0, -1)
            .map((part) => part.text)
            .join('.'),
          aggregate,
        };
      return { kind: 'metric', key, aggregate: 'last' };
    }
    case 'param':
      return { kind: 'param', key };
    case 'tag':
      return { kind: 'tag', key };
    case 'attribute': {
      const name = key.toLowerCase();
      if (!(name in RUN_ATTRIBUTES))
        cursor.failWith(
          parts[0].token,
          `unknown attribute '${key}': expected one of ${ATTRIBUTE_NAMES}`,
        );
      return attribute(name);
    }
    case 'dataset': {
      const name = key.toLowerCase();
      if (name !== 'name' && name !== 'fingerprint')
        cursor.failWith(
          parts[0].token,
          `unknown dataset field '${key}': expected name or fingerprint`,
        );
      return { kind: 'dataset', name };
    }
  }
}

function attribute(name: string): FieldRef {
  return { kind: 'attribute', name: name as RunAttribute };
}

/** How a field reads in messages: `metrics.auc.min`, `params.lr`, `attributes.status`. */
export function describeField(field: FieldRef): string {
  switch (field.kind) {
    case 'metric':
      return `metrics.${field.key}${field.aggregate === 'last' ? '' : `.${field.aggregate}`}`;
    case 'param':
      return `params.${field.key}`;
    case 'tag':
      return `tags.${field.key}`;
    case 'attribute':
      return `attributes.${field.name}`;
    case 'dataset':
      return `dataset.${field.name}`;
  }
}
