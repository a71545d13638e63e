import { open } from 'node:fs/promises';
import { DataReadError } from '../../errors.js';
import { isUrl } from './read-options.js';
import type { DuckDBSession } from './duckdb-session.js';
import type { ScanSpec } from './source-scan.js';
import { csvHeaderExpression } from './source-scan.js';

/**
 * The CSV header exactly as written. DuckDB silently renames a repeated name (`a`, `a_1`) and
 * compares names case-insensitively, so duplicates are caught here, before it sees them.
 */
export async function readCsvHeader(session: DuckDBSession, spec: ScanSpec): Promise<string[]> {
  // DuckDB trims the blanks around header names; so do we, so that names agree.
  const raw = (await localHeader(spec)) ?? (await duckdbHeader(session, spec));
  const header = raw.map((name) => name.trim());
  const seen = new Map<string, number>();
  for (let j = 0; j < header.length; j++) {
    const name = header[j];
    if (name.trim() === '') {
      throw new DataReadError(
        { file: spec.source, line: 1, column: `#${j + 1}` },
        `header field ${j + 1} is empty; give every column a name.`,
      );
    }
    const key = name.toLowerCase();
    const first = seen.get(key);
    if (first !== undefined) {
      const caseNote =
        header[first] === name
          ? ''
          : ` ("${header[first]}" and "${name}" differ only by case, which DuckDB treats as the same name)`;
      throw new DataReadError(
        { file: spec.source, line: 1, column: name },
        `duplicate column name: header fields ${first + 1} and ${j + 1} are both "${header[first]}"${caseNote}. Rename one so every column name is unique.`,
      );
    }
    seen.set(key, j);
  }
  return header;
}

/** Bytes read from the start of a local file to find its header line. */
const headerProbeBytes = 1 << 20;

/**
 * The header of a plain local file, parsed here (quotes `"` with `""` escapes, as DuckDB's
 * default dialect) because it costs microseconds where DuckDB's sniffer costs milliseconds.
 * Undefined when the file is compressed, remote, or its first line is longer than the probe.
 */
async function localHeader(spec: ScanSpec): Promise<string[] | undefined> {
  if (isUrl(spec.source) || /\.(gz|zst)$/i.test(spec.source) || /[*?[]/.test(spec.source))
    return undefined;
  const handle = await open(spec.source, 'r');
  try {
    const buffer = Buffer.alloc(headerProbeBytes);
    const { bytesRead } = await handle.read(buffer, 0, headerProbeBytes, 0);
    return parseFirstRecord(
      buffer.toString('utf8', 0, bytesRead).replace(/^\uFEFF/, ''),
      spec.delimiter,
      bytesRead < headerProbeBytes,
    );
  } finally {
    await handle.close();
  }
}

/** Fields of the first record of CSV text; undefined when it does not end within `text`. */
export function parseFirstRecord(
  text: string,
  delimiter: string,
  complete: boolean,
): string[] | undefined {
  const fields: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch !== '"') field += ch;
      else if (text[i + 1] === '"') field += text[i++];
      else quoted = false;
    } else if (ch === '"') {
      quoted = true;
    } else if (text.startsWith(delimiter, i)) {
      fields.push(field);
      field = '';
      i += delimiter.length - 1;
    } else if (ch === '\n' || ch === '\r') {
      fields.push(field);
      return fields;
    } else {
      field += ch;
    }
  }
  if (!complete || quoted) return undefined;
  fields.push(field);
  return fields;
}

async function duckdbHeader(session: DuckDBSession, spec: ScanSpec): Promise<string[]> {
  const rows = await session.rows(csvHeaderExpression(spec), 'read the header row');
  if (rows.length === 0) {
    throw new DataReadError(
      { file: spec.source, line: 1 },
      'the file has no header row; a CSV needs a header naming every column.',
    );
  }
  return rows[0].map((field) => (field === null ? '' : String(field)));
}
